package vn.motsach.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestTokens;

/** Signing in, accounts, a teacher's classes, school isolation, audit and hardening, through HTTP. */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.security.allowed-origins=https://thuvien.example.vn")
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void anAdministratorSignsInAndCreatesTheSchoolsAccounts() {
        ApiClient anonymous = new ApiClient(port).as(null);
        assertThat(new ApiClient(port).put("/api/v1/accounts/quan-tri-he-thong",
                "{\"password\":\"mat-khau-quan-tri-2026\",\"roles\":[\"SYSTEM_ADMIN\"]}").status()).isIn(200, 201);
        ApiClient.Answer signedIn = anonymous.post("/api/v1/auth/token",
                "{\"username\":\"quan-tri-he-thong\",\"password\":\"mat-khau-quan-tri-2026\"}");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.text("tokenType")).isEqualTo("Bearer");
        assertThat(signedIn.json().path("expiresIn").asLong()).isBetween(1L, 900L);
        ApiClient admin = anonymous.as(signedIn.text("accessToken"));

        LibraryFixture.primarySchool(admin, "th-bao-mat");
        assertThat(admin.put("/api/v1/accounts/hieu-truong", "{\"password\":\"mat-khau-hieu-truong\",\"roles\":[\"SCHOOL_ADMIN\"],"
                + "\"schoolId\":\"th-bao-mat\"}").status()).isEqualTo(201);
        ApiClient principal = anonymous.as(signIn(anonymous, "hieu-truong", "mat-khau-hieu-truong"));
        assertThat(principal.put("/api/v1/schools/th-bao-mat/accounts/thu-thu", "{\"password\":\"mat-khau-thu-thu\","
                + "\"roles\":[\"LIBRARIAN\"]}").status()).isEqualTo(201);
        ApiClient.Answer escalation = principal.put("/api/v1/schools/th-bao-mat/accounts/ke-gian",
                "{\"password\":\"mat-khau-ke-gian\",\"roles\":[\"SYSTEM_ADMIN\"]}");
        assertThat(escalation.status()).isEqualTo(400);
        ApiClient.Answer someoneElses = principal.put("/api/v1/schools/th-bao-mat/accounts/quan-tri-he-thong",
                "{\"password\":\"chiem-quyen-admin\",\"roles\":[\"SCHOOL_ADMIN\"]}");
        assertThat(someoneElses.status()).isEqualTo(404);

        ApiClient librarian = anonymous.as(signIn(anonymous, "thu-thu", "mat-khau-thu-thu"));
        String title = librarian.post("/api/v1/schools/th-bao-mat/titles", "{\"title\":\"Dế Mèn phiêu lưu ký\",\"docType\":\"CHILDREN\"}")
                .text("titleId");
        assertThat(librarian.post("/api/v1/schools/th-bao-mat/copies", "{\"barcode\":\"BM-1\",\"titleId\":\"" + title + "\"}")
                .status()).isEqualTo(201);
        assertThat(librarian.post("/api/v1/schools/th-bao-mat/checkouts", "{\"barcode\":\"BM-1\",\"patronId\":\"hs-an\"}")
                .status()).isEqualTo(201);
        assertThat(librarian.put("/api/v1/schools/th-bao-mat/school-years/2027-2028", "{}").status()).isEqualTo(403);

        ApiClient.Answer audit = principal.get("/api/v1/schools/th-bao-mat/audit?actor=thu-thu");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().path("items").valueStream().map(item -> item.path("type").asString()).toList())
                .containsExactly("CopyCheckedOut", "CopyAccessioned", "TitleCatalogued");
        assertThat(audit.json().path("items").get(0).path("actor").asString()).isEqualTo("thu-thu");
    }

    @Test
    void wrongPasswordsAreRefusedAndThenSlowedDown() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/so-gddt", "{\"password\":\"mat-khau-so-gddt\",\"roles\":[\"AUTHORITY_ADMIN\"],"
                + "\"authorityId\":\"so-gddt-ha-noi\"}").status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        for (int attempt = 0; attempt < 5; attempt++) {
            ApiClient.Answer wrong = anonymous.post("/api/v1/auth/token", "{\"username\":\"so-gddt\",\"password\":\"doan-mo-" + attempt + "\"}");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text("code")).isEqualTo("INVALID_CREDENTIALS");
        }
        ApiClient.Answer slowed = anonymous.post("/api/v1/auth/token", "{\"username\":\"so-gddt\",\"password\":\"mat-khau-so-gddt\"}");
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.text("code")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(slowed.header("Retry-After")).isPresent();
        assertThat(anonymous.post("/api/v1/auth/token", "{\"username\":\"khong-ai\",\"password\":\"gi-cung-duoc\"}").status())
                .isEqualTo(401);
    }

    @Test
    void withoutAValidTokenNothingIsReadOrChanged() {
        ApiClient admin = new ApiClient(port);
        LibraryFixture.primarySchool(admin, "th-khoa");
        long position = admin.put("/api/v1/schools/th-khoa", "{\"name\":\"Trường Tiểu học Khóa\",\"educationLevels\":[\"PRIMARY\"]}")
                .eventPosition();
        ApiClient anonymous = admin.as(null);
        ApiClient forged = admin.as(TestTokens.systemAdmin().substring(0, TestTokens.systemAdmin().length() - 4) + "AAAA");

        for (ApiClient caller : List.of(anonymous, forged)) {
            ApiClient.Answer read = caller.get("/api/v1/schools/th-khoa");
            ApiClient.Answer write = caller.put("/api/v1/schools/th-khoa", "{\"name\":\"Đổi tên\",\"educationLevels\":[\"PRIMARY\"]}");
            assertThat(read.status()).isEqualTo(401);
            assertThat(write.status()).isEqualTo(401);
            assertThat(write.text("code")).isEqualTo("UNAUTHENTICATED");
            assertThat(write.header("WWW-Authenticate")).contains("Bearer");
        }
        assertThat(admin.get("/api/v1/schools/th-khoa", "X-Min-Event-Position", Long.toString(position)).text("name"))
                .isEqualTo("Trường Tiểu học Khóa");
    }

    @Test
    void aTeacherSeesAndRecordsOnlyTheirClasses() {
        ApiClient admin = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(admin, "th-lop");
        admin.put(school.base() + "/classes/5a5", "{\"name\":\"5A5\",\"grade\":5,\"schoolYear\":\"2026-2027\"}");
        ApiClient teacher = admin.as(TestTokens.ofSchool("co-hoa", "TEACHER", "th-lop", "5a4"));

        ApiClient.Answer otherClass = teacher.get(school.base() + "/classes/5a5");
        assertThat(otherClass.status()).isEqualTo(403);
        assertThat(otherClass.text("code")).isEqualTo("NOT_YOUR_CLASS");
        ApiClient.Answer otherPeriod = teacher.post(school.base() + "/library-periods",
                "{\"classId\":\"5a5\",\"heldOn\":\"2026-09-07\",\"activity\":\"FREE_READING\",\"attendeeIds\":[]}");
        assertThat(otherPeriod.status()).isEqualTo(403);
        assertThat(otherPeriod.text("code")).isEqualTo("NOT_YOUR_CLASS");

        // reading is recorded for the students of the teacher's classes, whose class the body does not name; on the
        // real clock the students were registered today, in no class before, so their reading is today's
        LocalDate today = LocalDate.now(clock);
        assertThat(school.scheduleYearHolding(today).status()).isIn(200, 201);
        school.patron("hs-cuong", "Lê Văn Cường", "STUDENT", "5a5");
        String session = "{\"patronId\":\"%s\",\"startedAt\":\"" + LibraryFixture.sessionBegunToday(clock, Duration.ofMinutes(30))
                + "\",\"minutes\":20,\"place\":\"LIBRARY\"}";
        ApiClient.Answer otherStudent = teacher.post(school.base() + "/reading-sessions", session.formatted("hs-cuong"));
        assertThat(otherStudent.status()).as(otherStudent.body()).isEqualTo(403);
        assertThat(otherStudent.text("code")).isEqualTo("NOT_YOUR_CLASS");
        assertThat(teacher.post(school.base() + "/reading-sessions", session.formatted("hs-an")).status()).isEqualTo(201);
        String event = admin.post(school.base() + "/reading-events", """
                {"kind":"BOOK_TALK","name":"Giới thiệu sách","startsOn":"%1$s","endsOn":"%1$s","classIds":["5a4","5a5"]}"""
                .formatted(today)).text("eventId");
        ApiClient.Answer otherParticipant = teacher.post(school.base() + "/reading-events/" + event + "/participations",
                "{\"patronIds\":[\"hs-an\",\"hs-cuong\"]}");
        assertThat(otherParticipant.status()).as(otherParticipant.body()).isEqualTo(403);
        assertThat(otherParticipant.text("code")).isEqualTo("NOT_YOUR_CLASS");
        assertThat(teacher.post(school.base() + "/reading-events/" + event + "/participations", "{\"patronIds\":[\"hs-an\"]}")
                .status()).isEqualTo(200);
        assertThat(teacher.post(school.base() + "/checkouts", "{\"barcode\":\"X\",\"patronId\":\"hs-an\"}").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/schools/th-khac/titles").status()).isEqualTo(404);
    }

    @Test
    void responsesCarrySecurityHeadersAndAllowTheConfiguredFrontEnd() {
        ApiClient.Answer answer = new ApiClient(port).get("/api/v1/schools/khong-co");
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("X-Frame-Options")).contains("DENY");
        assertThat(answer.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(answer.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));

        ApiClient.Answer preflight = new ApiClient(port).as(null).options("/api/v1/schools/th-lop/checkouts",
                "Origin", "https://thuvien.example.vn", "Access-Control-Request-Method", "POST");
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains("https://thuvien.example.vn");
        ApiClient.Answer stranger = new ApiClient(port).as(null).options("/api/v1/schools/th-lop/checkouts",
                "Origin", "https://la.example.com", "Access-Control-Request-Method", "POST");
        assertThat(stranger.header("Access-Control-Allow-Origin")).isEmpty();
    }

    private static String signIn(ApiClient anonymous, String username, String password) {
        ApiClient.Answer answer = anonymous.post("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.text("accessToken");
    }
}
