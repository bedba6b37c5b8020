package vn.motsach.local.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestTokens;

/**
 * Bad input at the edge of the running application: out-of-range dates and numbers, lenient
 * JSON, NUL characters, odd content types, huge bodies, unknown routes, barcodes with a slash,
 * and the errors Tomcat raises before Spring. Each is a problem detail, never a 500, and
 * changes nothing.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeInputIT {

    /** Not xa-an-vinh, whose schools WalkingSkeletonIT counts in the application it shares with these tests. */
    static final String AUTHORITY = "so-thu-nghiem-bien";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDateFarOutsideTheSchoolYearsIsRefusedAtTheEdge() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-ngay-xa", AUTHORITY);
        long before = storedEvents();

        ApiClient.Answer departure = api.post(school.base() + "/patrons/hs-an/departures",
                "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"+9999999-01-01\"}");
        invalid(departure, "leftOn");
        invalid(api.post(school.base() + "/patrons/hs-an/departures", "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"1999-12-31\"}"),
                "leftOn");
        invalid(api.post(school.base() + "/patrons/hs-an/departures", "{\"reason\":\"TRANSFERRED\",\"leftOn\":20260901}"),
                "leftOn");
        invalid(api.post(school.base() + "/patrons/hs-an/class-moves", "{\"toClassId\":\"5a4\",\"effectiveOn\":\"2101-01-01\"}"),
                "effectiveOn");
        invalid(api.put(school.base() + "/school-years/2026-2027", """
                {"startsOn":"2026-09-05","endsOn":"+12026-05-31","semesters":[],"closedDays":[]}"""), "endsOn");
        invalid(api.put(school.base() + "/school-years/2026-2027", """
                {"startsOn":"2026-09-05","endsOn":"2027-05-31","semesters":[],"closedDays":["9999-01-01"]}"""),
                "closedDays[0]");
        invalid(api.put(school.base() + "/school-years/9000-9001", """
                {"startsOn":"2026-09-05","endsOn":"2027-05-31","semesters":[],"closedDays":[]}"""), "schoolYear");
        invalid(api.put(school.base() + "/classes/9a9", "{\"name\":\"9A9\",\"grade\":9,\"schoolYear\":\"9000-9001\"}"),
                "schoolYear");
        invalid(api.post(school.base() + "/reading-sessions",
                "{\"patronId\":\"hs-an\",\"startedAt\":\"1970-01-01T08:00:00+07:00\",\"minutes\":20,\"place\":\"LIBRARY\"}"),
                "startedAt");
        invalid(api.post(school.base() + "/reading-events", """
                {"kind":"BOOK_TALK","name":"Xa","startsOn":"2026-09-08","endsOn":"9999-12-31","classIds":["5a4"]}"""), "endsOn");
        invalid(api.get(school.base() + "/classes/5a4?on=9999-01-01"), "on");
        invalid(api.get(school.base() + "/reading-metrics?on=%2B9999999-01-01"), "on");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aStartedAtWithoutAnOffsetIsReportedAgainstItsField() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-gio", AUTHORITY);
        invalid(api.post(school.base() + "/reading-sessions",
                "{\"patronId\":\"hs-an\",\"startedAt\":\"2026-09-07T08:00:00\",\"minutes\":20,\"place\":\"LIBRARY\"}"),
                "startedAt");
    }

    @Test
    void jsonIsReadStrictly() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-json", AUTHORITY);
        String title = school.title("Tắt đèn");
        long before = storedEvents();

        invalid(api.post(school.base() + "/copies", "{\"barcode\":true,\"titleId\":\"" + title + "\"}"), "barcode");
        invalid(api.post(school.base() + "/copies", "{\"barcode\":12,\"titleId\":\"" + title + "\"}"), "barcode");
        invalid(api.put(school.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":1.5,\"maxLoans\":3,\"maxRenewals\":1,\"holdPickupDays\":3}"), "loanDays");
        invalid(api.put(school.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":\"14\",\"maxLoans\":3,\"maxRenewals\":1,\"holdPickupDays\":3}"), "loanDays");
        invalid(api.put(school.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":14,\"maxLoans\":3,\"maxRenewals\":1,\"holdPickupDays\":3,\"loanDays\":400}"), "loanDays");
        invalid(api.put(school.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":14,\"maxLoans\":3,\"maxRenewals\":1,\"holdPickupDays\":3} {\"loanDays\":1}"), "body");
        invalid(api.put(school.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":99999999999,\"maxLoans\":3,\"maxRenewals\":1,\"holdPickupDays\":3}"), "loanDays");
        invalid(api.put(school.base() + "/classes/5a9", "{\"name\":\"5A9\",\"grade\":5,\"schoolYear\":[\"2026-2027\"]}"),
                "schoolYear");
        invalid(api.put(school.base() + "/reading-targets/t1",
                "{\"metric\":\"READING_MINUTES_PER_STUDENT\",\"scope\":\"SCHOOL\",\"period\":\"WEEK\",\"threshold\":1E-1000000}"),
                "threshold");
        invalid(api.post(school.base() + "/copies", "{\"barcode\":\"MN-1\",\"titleId\":\"" + title + "\",\"price\":1E-1000000}"),
                "price");

        String huge = "{\"title\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"docType\":\"CHILDREN\"}";
        ApiClient.Answer tooLarge = api.post(school.base() + "/titles", huge);
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void thresholdsAreAnsweredInOneNumberForm() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-nguong", AUTHORITY);
        ApiClient.Answer whole = api.put(school.base() + "/reading-targets/phut",
                "{\"metric\":\"READING_MINUTES_PER_STUDENT\",\"scope\":\"SCHOOL\",\"period\":\"WEEK\",\"threshold\":300.0}");
        assertThat(whole.status()).as(whole.body()).isEqualTo(201);
        assertThat(rawField(whole.body(), "threshold")).isEqualTo("300");
        ApiClient.Answer rate = api.put(school.base() + "/reading-targets/ty-le",
                "{\"metric\":\"ACTIVE_READER_RATE\",\"scope\":\"SCHOOL\",\"period\":\"WEEK\",\"threshold\":0.50}");
        assertThat(rawField(rate.body(), "threshold")).isEqualTo("0.5");
        ApiClient.Answer two = api.put(school.base() + "/reading-targets/hai",
                "{\"metric\":\"READING_MINUTES_PER_STUDENT\",\"scope\":\"SCHOOL\",\"period\":\"WEEK\",\"threshold\":2}");
        assertThat(rawField(two.body(), "threshold")).isEqualTo("2");
    }

    @Test
    void contentTypesOtherThanJsonAreRefusedCleanly() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-kieu", AUTHORITY);
        for (String type : List.of("*/*", "text/plain", "application/*", "application/x-www-form-urlencoded", "foo")) {
            ApiClient.Answer answer = raw("POST", school.base() + "/titles", type,
                    "{\"title\":\"Số đỏ\",\"docType\":\"CHILDREN\"}");
            assertThat(answer.status()).as(type + ": " + answer.body()).isIn(400, 415);
            assertThat(answer.header("Content-Type")).as(type).hasValueSatisfying(
                    value -> assertThat(value).startsWith("application/problem+json"));
        }
    }

    @Test
    void nulCharactersAreRefusedEverywhere() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-nul", AUTHORITY);
        long before = storedEvents();
        invalid(api.post(school.base() + "/titles", "{\"title\":\"Số\\u0000 đỏ\",\"docType\":\"CHILDREN\"}"), "title");
        invalid(api.put(school.base() + "/patrons/hs-nul", "{\"fullName\":\"An\\u0000\",\"category\":\"STUDENT\"}"), "fullName");
        invalid(api.get(school.base() + "/titles?q=s%00o"), "q");
        invalid(api.get(school.base() + "/audit?actor=a%00b"), "actor");
        invalid(api.as(null).post("/api/v1/auth/token", "{\"username\":\"ad\\u0000min\",\"password\":\"mat-khau-bat-ky\"}"),
                "username");
        ApiClient.Answer pathNul = api.get(school.base() + "/copies/A%00B");
        assertThat(pathNul.status()).as(pathNul.body()).isEqualTo(400);
        assertThat(pathNul.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        ApiClient api = new ApiClient(port);
        invalid(api.put("/api/v1/accounts/mat-khau-dai", "{\"password\":\"" + "ạ".repeat(30) + "\",\"roles\":[\"SYSTEM_ADMIN\"]}"),
                "password");
        invalid(api.as(null).post("/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"" + "x".repeat(73) + "\"}"),
                "password");
    }

    @Test
    void headersParametersAndPathSegmentsAreBounded() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-bien", AUTHORITY);
        invalid(api.get(school.base(), "X-Min-Event-Position", "-5"), "X-Min-Event-Position");
        invalid(api.get(school.base(), "X-Min-Event-Position", "9".repeat(30)), "X-Min-Event-Position");
        invalid(api.get(school.base() + "/titles?page=99999999999"), "page");
        invalid(api.get(school.base() + "/titles?page=10000000"), "page");
        invalid(api.get(school.base() + "/titles?q=" + "a".repeat(300)), "q");
        invalid(api.get(school.base() + "/audit?actor=" + "a".repeat(1100)), "actor");
        invalid(api.get(school.base() + "/copies/" + "A".repeat(40)), "barcode");
    }

    @Test
    void anUnknownRouteIsNotFoundForACallerAndUnauthenticatedWithoutAToken() {
        ApiClient admin = new ApiClient(port);
        refused(admin.get("/api/v1/khong-co-gi"), 404, "NOT_FOUND");
        refused(admin.post("/api/v1/schools/th-x/khong-co", "{}"), 404, "NOT_FOUND");
        ApiClient librarian = admin.as(TestTokens.ofSchool("thu-thu-lac", "LIBRARIAN", "th-x"));
        refused(librarian.get("/api/v1/schools/th-x/khong-co"), 404, "NOT_FOUND");
        refused(librarian.get("/api/v1/khong-co-gi"), 404, "NOT_FOUND");
        refused(admin.as(null).get("/api/v1/khong-co-gi"), 401, "UNAUTHENTICATED");
        refused(admin.as(null).get("/api/v1/schools/th-x/khong-co"), 401, "UNAUTHENTICATED");
    }

    /** A route that exists but not for the method used says which methods it takes; nothing is said of an unknown path. */
    @Test
    void aRouteCalledWithAnotherMethodIsNotAllowedAndSaysWhichMethodsItTakes() {
        ApiClient admin = new ApiClient(port);
        ApiClient.Answer deleted = admin.delete("/api/v1/schools/th-x/checkouts");
        refused(deleted, 405, "METHOD_NOT_ALLOWED");
        assertThat(deleted.header("Allow")).hasValue("OPTIONS, POST");
        ApiClient librarian = admin.as(TestTokens.ofSchool("thu-thu-lac", "LIBRARIAN", "th-x"));
        // another school's route: its methods are the API's, not that school's
        ApiClient.Answer elsewhere = librarian.delete("/api/v1/schools/th-khac/checkouts");
        refused(elsewhere, 405, "METHOD_NOT_ALLOWED");
        assertThat(elsewhere.header("Allow")).hasValue("OPTIONS, POST");
        ApiClient.Answer titles = librarian.delete("/api/v1/schools/th-x/titles");
        refused(titles, 405, "METHOD_NOT_ALLOWED");
        assertThat(titles.header("Allow")).hasValueSatisfying(allow -> assertThat(allow.split(", ")).contains("GET", "HEAD", "POST"));
        // a HEAD is the GET of its route without the body, decided as the GET
        assertThat(librarian.head("/api/v1/schools/th-x/titles").status())
                .isEqualTo(librarian.get("/api/v1/schools/th-x/titles").status()).isNotEqualTo(405);
        assertThat(librarian.head("/api/v1/schools/th-x/checkouts").status()).isEqualTo(405);
        // without a token nothing is said of the route's methods: sign in first
        ApiClient.Answer anonymous = admin.as(null).delete("/api/v1/schools/th-x/checkouts");
        refused(anonymous, 401, "UNAUTHENTICATED");
        assertThat(anonymous.header("Allow")).isEmpty();
        assertThat(admin.delete("/api/v1/schools/th-x/checkouts", "Accept-Language", "en").text("detail"))
                .isEqualTo("This address does not support the HTTP method used.");
        refused(librarian.delete("/api/v1/schools/th-x/khong-co"), 404, "NOT_FOUND");
    }

    /** A value an enumeration of the API does not have is refused with the values it has, as the API spells them. */
    @Test
    void anUnknownEnumValueIsRefusedListingTheValuesAllowed() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-liet-ke", AUTHORITY);
        long before = storedEvents();

        ApiClient.Answer title = api.post(school.base() + "/titles", "{\"title\":\"Tắt đèn\",\"docType\":\"NOVEL\"}");
        invalid(title, "docType");
        assertThat(title.json().path("errors").get(0).path("message").asString()).as(title.body())
                .isEqualTo("Không có giá trị \"NOVEL\": phải là một trong các giá trị TEXTBOOK, REFERENCE, TEACHER_PROFESSIONAL, "
                        + "CHILDREN, GENERAL, PERIODICAL, DIGITAL.");
        ApiClient.Answer english = api.post(school.base() + "/titles", "{\"title\":\"Tắt đèn\",\"docType\":\"NOVEL\"}",
                "Accept-Language", "en");
        assertThat(english.json().path("errors").get(0).path("message").asString()).as(english.body())
                .startsWith("There is no value \"NOVEL\": must be one of ").contains("TEXTBOOK");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aBarcodeWithASlashIsReadAndWithdrawnByPath() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-gach", AUTHORITY);
        String title = school.title("Truyện Kiều");
        school.copy("TK/12", title);
        long created = school.expect(201, api.post(school.base() + "/copies", "{\"barcode\":\"TK/13\",\"titleId\":\"" + title + "\"}"))
                .eventPosition();
        ApiClient.Answer read = api.get(school.base() + "/copies/TK%2F12", "X-Min-Event-Position", Long.toString(created));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.text("barcode")).isEqualTo("TK/12");
        ApiClient librarian = api.as(TestTokens.ofSchool("thu-thu-gach", "LIBRARIAN", "th-gach"));
        ApiClient.Answer byLibrarian = librarian.get(school.base() + "/copies/TK%2F13", "X-Min-Event-Position", Long.toString(created));
        assertThat(byLibrarian.status()).as(byLibrarian.body()).isEqualTo(200);
        ApiClient.Answer withdrawn = librarian.post(school.base() + "/copies/TK%2F12/withdrawal", "{\"reason\":\"Rách\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.text("barcode")).isEqualTo("TK/12");
        ApiClient.Answer after = api.get(school.base() + "/copies/TK%2F12", "X-Min-Event-Position",
                "" + storedPosition());
        assertThat(after.text("status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void errorsTomcatRaisesBeforeSpringAreProblemDetails() {
        ApiClient.Answer longQuery = raw("GET", "/api/v1/schools/th-x/titles?q=" + "a".repeat(6 * 1024), null, null);
        problemDetail(longQuery);
        ApiClient.Answer longHeader = rawRequest("GET /api/v1/schools/th-x HTTP/1.1\r\nHost: localhost\r\nX-Long: "
                + "b".repeat(20 * 1024) + "\r\nConnection: close\r\n\r\n");
        problemDetail(longHeader);
        ApiClient.Answer badEncoding = rawRequest("GET /api/v1/schools/th-x/copies/%zz HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestTokens.systemAdmin() + "\r\nConnection: close\r\n\r\n");
        problemDetail(badEncoding);
        assertThat(badEncoding.status()).isEqualTo(400);
    }

    private static void problemDetail(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).as(answer.body())
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(answer.text("code")).isNotBlank();
    }

    static void invalid(ApiClient.Answer answer, String field) {
        refused(answer, 400, "VALIDATION_FAILED");
        List<String> fields = answer.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        assertThat(fields).as(answer.body()).contains(field);
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    private long storedPosition() {
        return jdbc.sql("select max(globalindex) from domainevententry").query(Long.class).single();
    }

    private static String rawField(String json, String field) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + field + "\":([^,}]+)").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }

    /** A request with any content type, which {@link ApiClient} does not send. */
    private ApiClient.Answer raw(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.systemAdmin())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Bytes on a socket, for what no HTTP client sends (bad encodings, huge headers). */
    private ApiClient.Answer rawRequest(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int end = response.indexOf("\r\n\r\n");
            java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (String line : response.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip(), List.of(line.substring(colon + 1).strip()));
                }
            }
            String body = response.substring(end + 4);
            if (headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding"))) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new ApiClient.Answer(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
