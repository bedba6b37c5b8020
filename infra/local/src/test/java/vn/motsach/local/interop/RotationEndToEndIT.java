package vn.motsach.local.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.groupBody;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.texts;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.title;
import static vn.motsach.testing.LibraryFixture.refused;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.MutableClock;
import vn.motsach.testing.TestTokens;

/**
 * A rotation (luân chuyển) through HTTP across two schools of a lending group: sent, lent at the
 * receiving desk under its own policy, taken back in part, the rest overdue on both sides, then
 * home in full; each step refused where it does not belong, and nothing of it seen by a school
 * outside. And the race of a rotation and a home checkout for the same copy: one wins.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RotationEndToEndIT.ClockConfiguration.class)
class RotationEndToEndIT {

    private static final String AUTHORITY = "xa-luan-chuyen";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRotationCirculatesAtThePartnerAndComesHomeInParts() {
        ApiClient admin = new ApiClient(port);
        LocalDate today = clock.today();
        LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lc-chu", "THCS Luân Chủ", AUTHORITY, today);
        LibraryFixture receiver = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lc-nhan", "THCS Luân Nhận", AUTHORITY, today);
        LibraryFixture outside = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lc-ngoai", "THCS Luân Ngoài", AUTHORITY, today);
        owner.expect(200, admin.put(owner.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":5,\"maxLoans\":3,\"maxRenewals\":0,\"holdPickupDays\":3}"));
        receiver.expect(200, admin.put(receiver.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":21,\"maxLoans\":3,\"maxRenewals\":0,\"holdPickupDays\":3}"));
        owner.patron("hs-chu", "Lê Văn Chủ", "STUDENT", null);
        receiver.patron("hs-nhan", "Phạm Thị Nhận", "STUDENT", null);
        String deMen = title(owner, admin, "Dế Mèn phiêu lưu ký", "Tô Hoài", null, 2020);
        for (String barcode : List.of("LC-001", "LC-002", "LC-003", "LC-004")) {
            owner.copy(barcode, deMen);
        }
        owner.expect(201, admin.put("/api/v1/authorities/" + AUTHORITY + "/interop-groups/nhom-lc",
                groupBody("Cụm luân chuyển", "LENDING", "thcs-lc-chu", "thcs-lc-nhan")));
        owner.expect(201, owner.checkOut("LC-004", "hs-chu"));
        LocalDate returnBy = today.plusDays(10);
        String rotations = owner.base() + "/rotations";

        // strictly checked bodies, and refusals that change nothing
        refused(admin.post(rotations, "{\"toSchoolId\":\"thcs-lc-nhan\",\"barcodes\":[],\"returnBy\":\"%s\"}".formatted(returnBy)), 400,
                "VALIDATION_FAILED");
        refused(admin.post(rotations, body("thcs-lc-nhan", returnBy, "LC-001", "LC-001")), 400, "VALIDATION_FAILED");
        refused(admin.post(rotations, "{\"toSchoolId\":\"thcs-lc-nhan\",\"barcodes\":[\"LC-001\"]}"), 400, "VALIDATION_FAILED");
        refused(admin.post(rotations, body("thcs-lc-ngoai", returnBy, "LC-001")), 409, "NOT_IN_LENDING_GROUP");
        refused(admin.post(rotations, body("thcs-lc-nhan", today, "LC-001")), 409, "RETURN_BY_OUT_OF_RANGE");
        refused(admin.post(rotations, body("thcs-lc-nhan", today.plusYears(2), "LC-001")), 409, "RETURN_BY_OUT_OF_RANGE");
        refused(admin.post(rotations, body("thcs-lc-nhan", returnBy, "LC-001", "LC-004")), 409, "COPY_NOT_AVAILABLE");
        refused(admin.post(rotations, body("thcs-lc-nhan", returnBy, "LC-001", "KHONG-CO")), 404, "COPY_NOT_FOUND");
        refused(receiver.checkOut("LC-001", "hs-nhan"), 404, "COPY_NOT_FOUND");

        ApiClient.Answer sent = owner.expect(201, admin.post(rotations, body("thcs-lc-nhan", returnBy, "LC-001", "LC-002", "LC-003"),
                "Idempotency-Key", "lc-gui-1"));
        String rotation = sent.text("rotationId");
        // a retry gets the first answer, not a second rotation
        assertThat(owner.expect(201, admin.post(rotations, body("thcs-lc-nhan", returnBy, "LC-001", "LC-002", "LC-003"),
                "Idempotency-Key", "lc-gui-1")).text("rotationId")).isEqualTo(rotation);
        String back = rotations + "/" + rotation + "/return";

        // away: not at the owner's desk, not on another rotation, AT_PARTNER in the owner's copy list
        refused(owner.checkOut("LC-001", "hs-chu"), 409, "COPY_AWAY");
        refused(admin.post(rotations, body("thcs-lc-nhan", returnBy, "LC-002")), 409, "COPY_NOT_AVAILABLE");
        assertThat(copyStatus(admin, owner, "LC-001", sent)).isEqualTo("AT_PARTNER");
        JsonNode away = owner.expect(200, admin.get(owner.base() + "/copies?status=AT_PARTNER")).json().path("items");
        assertThat(texts(away, "barcode")).containsExactly("LC-001", "LC-002", "LC-003");
        assertThat(away.get(0).path("away").path("partnerSchoolId").asString()).isEqualTo("thcs-lc-nhan");
        assertThat(away.get(0).path("away").path("returnBy").asString()).isEqualTo(returnBy.toString());
        assertThat(away.get(0).path("away").path("rotationId").asString()).isEqualTo(rotation);

        // lent at the receiving desk by its barcode, for the receiver's 21 days rather than the owner's five
        JsonNode loan = receiver.expect(201, receiver.checkOut("LC-001", "hs-nhan")).json();
        assertThat(LocalDate.parse(loan.path("dueOn").asString())).isAfter(today.plusDays(15));
        refused(admin.post(back, "{\"barcodes\":[\"LC-001\"]}"), 409, "COPY_ALREADY_ON_LOAN");
        refused(admin.post(receiver.base() + "/rotations/" + rotation + "/return", "{}"), 404, "ROTATION_NOT_FOUND");
        receiver.expect(200, receiver.checkIn("LC-001"));

        // home in part
        JsonNode part = owner.expect(200, admin.post(back, "{\"barcodes\":[\"LC-001\",\"LC-002\"]}")).json();
        assertThat(part.path("returned").size()).isEqualTo(2);
        refused(admin.post(back, "{\"barcodes\":[\"LC-001\"]}"), 409, "WRONG_STATE");
        refused(receiver.checkOut("LC-001", "hs-nhan"), 404, "COPY_NOT_FOUND");
        ApiClient.Answer lentAtHome = owner.expect(201, owner.checkOut("LC-002", "hs-chu"));

        JsonNode out = list(admin, owner, "?direction=OUT", lentAtHome).path("items");
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.get(0).path("status").asString()).isEqualTo("OPEN");
        assertThat(out.get(0).path("overdue").asBoolean()).isFalse();
        assertThat(out.get(0).path("copiesAway").asInt()).isEqualTo(1);
        assertThat(out.get(0).path("partnerSchoolId").asString()).isEqualTo("thcs-lc-nhan");
        assertThat(out.get(0).path("returnBy").asString()).isEqualTo(returnBy.toString());
        assertThat(texts(out.get(0).path("copies"), "title")).containsOnly("Dế Mèn phiêu lưu ký");
        assertThat(list(admin, owner, "?direction=IN", lentAtHome).path("items").size()).isZero();
        assertThat(list(admin, receiver, "?direction=IN", lentAtHome).path("items").get(0).path("rotationId").asString())
                .isEqualTo(rotation);

        // the return date passes: overdue on both sides
        assertThat(list(admin, owner, "?status=OVERDUE", lentAtHome).path("items").size()).isZero();
        clock.advance(Duration.ofDays(11));
        JsonNode overdueOut = list(admin, owner, "?direction=OUT&status=OVERDUE", lentAtHome).path("items");
        assertThat(texts(overdueOut, "rotationId")).containsExactly(rotation);
        assertThat(overdueOut.get(0).path("overdue").asBoolean()).isTrue();
        assertThat(texts(list(admin, receiver, "?direction=IN&status=OVERDUE", lentAtHome).path("items"), "rotationId"))
                .containsExactly(rotation);

        // a librarian of a school outside the group sees nothing of it
        ApiClient librarianOutside = admin.as(TestTokens.ofSchool("tv-lc-ngoai", "LIBRARIAN", "thcs-lc-ngoai"));
        assertThat(outside.expect(200, librarianOutside.get(outside.base() + "/rotations")).json().path("items").size()).isZero();
        refused(librarianOutside.post(outside.base() + "/rotations/" + rotation + "/return", "{}"), 404, "ROTATION_NOT_FOUND");
        assertThat(librarianOutside.get(owner.base() + "/rotations").status()).isEqualTo(404);
        assertThat(librarianOutside.post(back, "{}").status()).isEqualTo(404);

        // the rest home: barcodes omitted brings every copy still away
        ApiClient.Answer rest = owner.expect(200, admin.post(back, "{}"));
        assertThat(rest.json().path("returned").size()).isEqualTo(1);
        refused(admin.post(back, "{}"), 409, "WRONG_STATE");
        JsonNode done = list(admin, receiver, "?direction=IN", rest).path("items").get(0);
        assertThat(done.path("status").asString()).isEqualTo("RETURNED");
        assertThat(done.path("overdue").asBoolean()).isFalse();
        assertThat(copyStatus(admin, owner, "LC-003", rest)).isEqualTo("AVAILABLE");
        JsonNode home = owner.expect(200, admin.get(owner.base() + "/copies/LC-003")).json().path("away");
        assertThat(home.isNull() || home.isMissingNode()).as(home.toString()).isTrue();

        // "every copy still away" leaves on the rotation the copies a partner's reader holds
        String second = owner.expect(201, admin.post(rotations, body("thcs-lc-nhan", clock.today().plusDays(10), "LC-001", "LC-003")))
                .text("rotationId");
        String backAgain = rotations + "/" + second + "/return";
        receiver.expect(201, receiver.checkOut("LC-001", "hs-nhan"));
        JsonNode shelved = owner.expect(200, admin.post(backAgain, "{}")).json();
        assertThat(shelved.path("returned").size()).isEqualTo(1);
        assertThat(shelved.path("returned").get(0).asString()).isEqualTo("LC-003");
        refused(admin.post(backAgain, "{}"), 409, "COPY_ALREADY_ON_LOAN");
        receiver.expect(200, receiver.checkIn("LC-001"));
        assertThat(owner.expect(200, admin.post(backAgain, "{}")).json().path("returned").get(0).asString()).isEqualTo("LC-001");

        // the receiving desk read that the copy was with it just before the owner took it home: the
        // copy itself decides, and a loan is never recorded at the owner's desk for the receiver's reader
        jdbc.sql("insert into cmd_partner_copy (holder_school_id, barcode, owner_school_id) values (?, ?, ?)")
                .params("thcs-lc-nhan", "LC-003", "thcs-lc-chu").update();
        refused(receiver.checkOut("LC-003", "hs-nhan"), 404, "COPY_NOT_FOUND");
        refused(admin.post(receiver.base() + "/checkouts",
                "{\"barcode\":\"LC-003\",\"patronId\":\"hs-nhan\",\"ownerSchoolId\":\"thcs-lc-chu\"}"), 404, "COPY_NOT_FOUND");
    }

    @Test
    void aRotationAndAHomeCheckoutRaceForTheSameCopyAndOneWins() throws Exception {
        ApiClient admin = new ApiClient(port);
        LocalDate today = clock.today();
        LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lcd-chu", "THCS Đua Luân Chủ", AUTHORITY, today);
        LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lcd-nhan", "THCS Đua Luân Nhận", AUTHORITY, today);
        owner.patron("hs-chu", "Lê Văn Chủ", "STUDENT", null);
        String title = title(owner, admin, "Đất rừng phương Nam", "Đoàn Giỏi", null, 1957);
        owner.copy("LCD-001", title);
        owner.copy("LCD-002", title);
        owner.expect(201, admin.put("/api/v1/authorities/" + AUTHORITY + "/interop-groups/nhom-lcd",
                groupBody("Cụm đua luân chuyển", "LENDING", "thcs-lcd-chu", "thcs-lcd-nhan")));
        LocalDate returnBy = today.plusDays(20);

        ExecutorService desks = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                List<Callable<ApiClient.Answer>> race = List.of(
                        () -> admin.post(owner.base() + "/rotations", body("thcs-lcd-nhan", returnBy, "LCD-001", "LCD-002")),
                        () -> owner.checkOut("LCD-002", "hs-chu"));
                List<ApiClient.Answer> answers = new ArrayList<>();
                for (Future<ApiClient.Answer> answer : desks.invokeAll(race)) {
                    answers.add(answer.get());
                }
                ApiClient.Answer rotated = answers.get(0);
                ApiClient.Answer lent = answers.get(1);
                assertThat(rotated.status() < 300 ^ lent.status() < 300).as(answers.toString()).isTrue();
                if (rotated.status() < 300) {
                    refused(lent, 409, "COPY_AWAY");
                    owner.expect(200, admin.post(owner.base() + "/rotations/" + rotated.text("rotationId") + "/return", "{}"));
                } else {
                    // the rotation is refused whole: the other copy stays at home too
                    refused(rotated, 409, "COPY_NOT_AVAILABLE");
                    owner.expect(201, owner.checkOut("LCD-001", "hs-chu"));
                    owner.expect(200, owner.checkIn("LCD-001"));
                    owner.expect(200, owner.checkIn("LCD-002"));
                }
            }
        } finally {
            desks.shutdownNow();
        }
    }

    @Test
    void theGroupsFiguresAndCircular16CountAnInterlibraryLoanAndARotation() {
        ApiClient admin = new ApiClient(port);
        LocalDate today = clock.today();
        String authority = "xa-so-lieu-lt";
        LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-sl-chu", "THCS Số Liệu Chủ", authority, today);
        LibraryFixture partner = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-sl-nhan", "THCS Số Liệu Nhận", authority, today);
        partner.patron("hs-nhan", "Phạm Thị Nhận", "STUDENT", null);
        String deMen = title(owner, admin, "Dế Mèn phiêu lưu ký", "Tô Hoài", null, 2020);
        for (String barcode : List.of("SL-001", "SL-002", "SL-003")) {
            owner.copy(barcode, deMen);
        }
        owner.expect(201, admin.put("/api/v1/authorities/" + authority + "/interop-groups/nhom-sl",
                groupBody("Cụm số liệu", "LENDING", "thcs-sl-chu", "thcs-sl-nhan")));
        String request = partner.expect(201, admin.post(partner.base() + "/interlibrary-loans",
                "{\"lendingSchoolId\":\"thcs-sl-chu\",\"titleId\":\"%s\",\"patronId\":\"hs-nhan\"}".formatted(deMen))).text("requestId");
        owner.expect(200, admin.post(owner.base() + "/interlibrary-loans/" + request + "/shipment", "{\"barcode\":\"SL-001\"}"));
        partner.expect(200, admin.post(partner.base() + "/interlibrary-loans/" + request + "/receipt", "{}"));
        owner.expect(201, admin.post(owner.base() + "/rotations", body("thcs-sl-nhan", today.plusDays(30), "SL-002", "SL-003")));
        ApiClient.Answer lent = partner.expect(201, partner.checkOut("SL-002", "hs-nhan"));
        String after = Long.toString(lent.eventPosition());

        String figures = "/api/v1/authorities/" + authority + "/interop-groups/nhom-sl/figures";
        JsonNode year = owner.expect(200, admin.as(TestTokens.ofAuthority("so-sl", authority)).get(figures,
                "X-Min-Event-Position", after)).json();
        assertThat(year.path("schoolYear").asString()).isEqualTo(LibraryFixture.schoolYearHolding(today));
        assertThat(year.path("interlibraryLoansRequested").asInt()).isEqualTo(1);
        assertThat(year.path("interlibraryLoansFulfilled").asInt()).isEqualTo(1);
        assertThat(year.path("medianDaysToFulfil").asDouble()).isEqualTo(0.0);
        assertThat(year.path("rotations").asInt()).isEqualTo(1);
        assertThat(year.path("copiesRotated").asInt()).isEqualTo(2);
        assertThat(year.path("loansOfRotatedCopies").asInt()).isEqualTo(1);
        JsonNode lastYear = owner.expect(200, admin.get(figures + "?schoolYear=2020-2021")).json();
        assertThat(lastYear.path("rotations").asInt()).isZero();
        assertThat(lastYear.path("medianDaysToFulfil").isNull()).isTrue();
        // another authority, and a school's librarian, see nothing of the group's figures
        assertThat(admin.as(TestTokens.ofAuthority("so-khac-sl", "xa-khac-sl")).get(figures).status()).isEqualTo(404);
        assertThat(admin.as(TestTokens.ofSchool("tv-sl", "LIBRARIAN", "thcs-sl-chu")).get(figures).status()).isIn(403, 404);
        refused(admin.get("/api/v1/authorities/xa-khac-sl/interop-groups/nhom-sl/figures"), 404, "INTEROP_GROUP_NOT_FOUND");

        // Circular 16: both the loan fulfilled and the rotation are the owner's liên thông activity this year
        JsonNode evaluation = owner.expect(200, admin.get(owner.base() + "/circular-16/" + LibraryFixture.schoolYearHolding(today),
                "X-Min-Event-Position", after)).json();
        List<String> evidence = new ArrayList<>();
        evaluation.path("standards").forEach(standard -> standard.path("criteria").forEach(criterion -> {
            if ("S4-ACTIVITIES".equals(criterion.path("criterionId").asString())) {
                criterion.path("evidence").forEach(line -> evidence.add(line.asString()));
            }
        }));
        assertThat(evidence).contains("2 hoạt động liên thông thư viện: 1 lượt mượn liên thư viện đã nhận sách, "
                + "1 đợt luân chuyển sách gửi đi, 0 đợt luân chuyển sách nhận về");
    }

    static String body(String to, LocalDate returnBy, String... barcodes) {
        return "{\"toSchoolId\":\"%s\",\"barcodes\":[%s],\"returnBy\":\"%s\"}".formatted(to,
                String.join(",", java.util.Arrays.stream(barcodes).map(b -> "\"" + b + "\"").toList()), returnBy);
    }

    private static JsonNode list(ApiClient api, LibraryFixture school, String query, ApiClient.Answer after) {
        return school.expect(200, api.get(school.base() + "/rotations" + query, "X-Min-Event-Position",
                Long.toString(after.eventPosition()))).json();
    }

    private static String copyStatus(ApiClient api, LibraryFixture school, String barcode, ApiClient.Answer after) {
        return school.expect(200, api.get(school.base() + "/copies/" + barcode, "X-Min-Event-Position",
                Long.toString(after.eventPosition()))).text("status");
    }

    /**
     * The real time to begin with, moved on by hand past a rotation's return date. Imported only,
     * not a configuration class: the applications other tests start by scanning must not find it.
     */
    static class ClockConfiguration {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }
    }
}
