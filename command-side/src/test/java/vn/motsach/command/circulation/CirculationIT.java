package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.MutableClock;

/**
 * The circulation desk end to end through HTTP, on the real PostgreSQL and Kafka: every
 * endpoint, every refusal, and that a refusal stores nothing.
 */
@SpringBootTest(classes = {CommandSideApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
class CirculationIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CirculationSweeps sweeps;

    ApiClient api;

    @BeforeEach
    void setUp() {
        clock.setTo(TestClockConfiguration.FIRST_MONDAY, LocalTime.of(9, 0));
        api = new ApiClient(port);
    }

    /** Event processors take a school event's school from its stream id, without reading the event. */
    @Test
    void everySchoolEventIsInAStreamNamedAfterItsSchool() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-streams");
        library.copy("SGK-1", library.title("Tiếng Việt 5"));
        library.expect(201, library.checkOut("SGK-1", "hs-an"));

        List<String> streams = jdbc.sql("""
                select aggregateidentifier from domainevententry
                where jsonb_exists(payload::jsonb, 'schoolId') and split_part(aggregateidentifier, ':', 2) <> payload::jsonb ->> 'schoolId'""")
                .query(String.class).list();
        long schoolEvents = jdbc.sql("select count(*) from domainevententry where jsonb_exists(payload::jsonb, 'schoolId')")
                .query(Long.class).single();

        assertThat(schoolEvents).isGreaterThan(4);
        assertThat(streams).isEmpty();
    }

    @Test
    void canLendACopyAndTakeItBack() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-lend");
        String title = library.title("Dế Mèn phiêu lưu ký");
        library.copy("TN-001", title);

        ApiClient.Answer loan = library.expect(201, library.checkOut("TN-001", "hs-an"));
        assertThat(loan.text("dueOn")).isEqualTo("2026-09-21");
        assertThat(loan.text("barcode")).isEqualTo("TN-001");
        assertThat(loan.text("patronId")).isEqualTo("hs-an");
        assertThat(loan.text("title")).isEqualTo("Dế Mèn phiêu lưu ký");
        String stored = payloadAt(loan.eventPosition());
        assertThat(stored).contains("\"classId\":\"5a4\"", "\"patronCategory\":\"STUDENT\"", "\"title\":\"Dế Mèn phiêu lưu ký\"");
        assertThat(actorAt(loan.eventPosition())).isEqualTo("test-admin");

        clock.advance(Duration.ofDays(3));
        ApiClient.Answer returned = library.expect(200, library.checkIn("TN-001"));
        assertThat(returned.text("loanId")).isEqualTo(loan.text("loanId"));
        assertThat(returned.text("routedTo")).isEqualTo("SHELF");
        assertThat(returned.json().path("overdueDays").asInt()).isZero();
        assertThat(returned.text("returnedAt")).isNotBlank();
    }

    @Test
    void dueDatesFollowTheSchoolCalendar() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-calendar");
        String title = library.title("Đất rừng phương Nam");
        library.copy("TK-1", title);
        library.copy("TK-2", title);
        library.copy("TK-3", title);
        library.patron("gv-lan", "Lê Thị Lan", "TEACHER", null);

        clock.setTo(LocalDate.of(2027, 1, 25), LocalTime.of(10, 0));
        assertThat(library.checkOut("TK-1", "hs-an").text("dueOn")).as("14 days fall in Tết").isEqualTo("2027-02-15");
        clock.setTo(LocalDate.of(2027, 5, 24), LocalTime.of(10, 0));
        assertThat(library.checkOut("TK-2", "hs-binh").text("dueOn")).as("never after the school year").isEqualTo("2027-05-31");
        clock.setTo(LocalDate.of(2026, 9, 9), LocalTime.of(10, 0));
        assertThat(library.checkOut("TK-3", "gv-lan").text("dueOn")).as("teachers: 30 days, Friday to Monday")
                .isEqualTo("2026-10-09");
    }

    @Test
    void aSchoolsOwnLoanPolicyApplies() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-policy");
        library.expect(200, api.put(library.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":7,\"maxLoans\":1,\"maxRenewals\":0,\"holdPickupDays\":2}"));
        String title = library.title("Những tấm lòng cao cả");
        library.copy("NL-1", title);
        library.copy("NL-2", title);

        assertThat(library.checkOut("NL-1", "hs-an").text("dueOn")).isEqualTo("2026-09-14");
        refused(library.checkOut("NL-2", "hs-an"), 409, "LOAN_LIMIT_REACHED");
    }

    @Test
    void everyRefusalOfTheDeskHasItsCodeAndStoresNothing() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-refusals");
        String title = library.title("Tôi thấy hoa vàng trên cỏ xanh");
        library.copy("HV-1", title);
        library.copy("HV-2", title);
        library.expect(201, api.post(library.base() + "/copies", "{\"barcode\":\"HV-REF\",\"titleId\":\"" + title + "\",\"loanable\":false}"));
        library.expect(200, api.post(library.base() + "/copies/HV-2/withdrawal", "{\"reason\":\"Rách, mất trang\"}"));
        library.expect(201, library.checkOut("HV-1", "hs-an"));
        String dictionary = library.title("Từ điển Tiếng Việt");
        library.expect(201, api.post(library.base() + "/copies", "{\"barcode\":\"TD-1\",\"titleId\":\"" + dictionary + "\",\"loanable\":false}"));
        long events = eventCount();

        refused(library.checkOut("KHONG-CO", "hs-an"), 404, "COPY_NOT_FOUND");
        refused(library.checkOut("HV-1", "khong-co"), 404, "PATRON_NOT_FOUND");
        refused(library.checkOut("HV-REF", "hs-binh"), 409, "COPY_NOT_LOANABLE");
        refused(library.checkOut("HV-2", "hs-binh"), 409, "COPY_WITHDRAWN");
        refused(library.checkOut("HV-1", "hs-binh"), 409, "COPY_ALREADY_ON_LOAN");
        refused(library.checkIn("HV-REF"), 409, "COPY_NOT_ON_LOAN");
        refused(library.checkIn("KHONG-CO"), 404, "COPY_NOT_FOUND");
        refused(api.post(library.base() + "/copies", "{\"barcode\":\"HV-1\",\"titleId\":\"" + title + "\"}"), 409, "DUPLICATE_BARCODE");
        refused(api.post(library.base() + "/copies", "{\"barcode\":\"HV-9\",\"titleId\":\"" + UUID.randomUUID() + "\"}"), 404,
                "TITLE_NOT_FOUND");
        refused(library.placeHold(UUID.randomUUID().toString(), "hs-binh"), 404, "TITLE_NOT_FOUND");
        refused(api.post(library.base() + "/loans/" + UUID.randomUUID() + "/renewals", "{}"), 404, "LOAN_NOT_FOUND");
        refused(api.delete(library.base() + "/holds/" + UUID.randomUUID()), 404, "HOLD_NOT_FOUND");
        refused(api.put(library.base() + "/patrons/hs-moi", "{\"fullName\":\"Phạm Minh\",\"category\":\"STUDENT\",\"classId\":\"9z9\"}"),
                404, "CLASS_NOT_FOUND");
        refused(api.post("/api/v1/schools/khong-co-truong/checkouts", "{\"barcode\":\"HV-1\",\"patronId\":\"hs-an\"}"), 404,
                "SCHOOL_NOT_FOUND");
        refused(api.post(library.base() + "/checkouts", "{\"barcode\":\"mã có dấu\",\"patronId\":\"\"}"), 400, "VALIDATION_FAILED");
        refused(api.post(library.base() + "/copies/HV-1/withdrawal", "{\"reason\":\"Mất\"}"), 409, "COPY_ALREADY_ON_LOAN");
        refused(api.post(library.base() + "/copies/HV-2/withdrawal", "{\"reason\":\"Mất\"}"), 409, "COPY_WITHDRAWN");
        refused(library.placeHold(dictionary, "hs-binh"), 409, "TITLE_NOT_LOANABLE");

        assertThat(eventCount()).isEqualTo(events);
    }

    /** When several refusals apply, the copy's own speaks first, then the hold shelf's, then the patron's. */
    @Test
    void whenSeveralRefusalsApplyTheCopyComesFirstThenTheHoldShelfThenThePatron() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-precedence");
        library.patron("hs-chi", "Lê Minh Chi", "STUDENT", "5a4");
        String title = library.title("Số đỏ");
        library.copy("SD-1", title);
        library.copy("SD-2", title);
        library.copy("SD-3", title);
        library.copy("SD-4", title);
        library.expect(200, api.post(library.base() + "/copies/SD-4/withdrawal", "{\"reason\":\"Mất\"}"));
        library.expect(201, library.checkOut("SD-1", "hs-an"));
        library.expect(201, library.checkOut("SD-2", "hs-an"));
        library.expect(201, library.checkOut("SD-3", "hs-chi"));
        library.expect(201, library.placeHold(title, "hs-binh"));
        library.expect(200, library.checkIn("SD-3"));
        library.expect(201, api.post(library.base() + "/patrons/hs-chi/departures", "{\"reason\":\"TRANSFERRED\"}"));

        refused(library.checkOut("SD-4", "hs-an"), 409, "COPY_WITHDRAWN");
        refused(library.checkOut("SD-2", "hs-chi"), 409, "COPY_ALREADY_ON_LOAN");
        refused(library.checkOut("SD-3", "hs-an"), 409, "COPY_ON_HOLD_FOR_ANOTHER_PATRON");
        refused(library.checkOut("SD-3", "hs-chi"), 409, "COPY_ON_HOLD_FOR_ANOTHER_PATRON");
        refused(library.checkOut("KHONG-CO", "khong-co"), 404, "PATRON_NOT_FOUND");
    }

    @Test
    void refusalsSpeakVietnameseUnlessAskedForEnglish() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-language");
        ApiClient.Answer vietnamese = library.checkOut("KHONG-CO", "hs-an");
        ApiClient.Answer english = api.post(library.base() + "/checkouts", "{\"barcode\":\"KHONG-CO\",\"patronId\":\"hs-an\"}",
                "Accept-Language", "en");

        assertThat(vietnamese.text("detail")).isEqualTo("Không có bản sách nào mang số đăng ký cá biệt KHONG-CO.");
        assertThat(english.text("detail")).isEqualTo("There is no copy with accession number KHONG-CO.");
    }

    @Test
    void patronsBlockedByOverdueLoansOrDepartureCannotBorrow() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-blocks");
        String title = library.title("Hoàng tử bé");
        library.copy("HT-1", title);
        library.copy("HT-2", title);
        library.copy("HT-3", title);
        library.expect(201, library.checkOut("HT-1", "hs-an"));
        library.expect(201, library.checkOut("HT-2", "hs-an"));
        refused(library.checkOut("HT-3", "hs-an"), 409, "LOAN_LIMIT_REACHED");

        clock.setTo(LocalDate.of(2026, 9, 22), LocalTime.of(8, 0));
        library.expect(200, library.checkIn("HT-2"));
        refused(library.checkOut("HT-3", "hs-an"), 409, "PATRON_HAS_OVERDUE_LOANS");
        ApiClient.Answer late = library.expect(200, library.checkIn("HT-1"));
        assertThat(late.json().path("overdueDays").asInt()).isEqualTo(1);
        library.expect(201, library.checkOut("HT-3", "hs-an"));

        library.expect(201, api.post(library.base() + "/patrons/hs-binh/departures", "{\"reason\":\"TRANSFERRED\"}"));
        refused(library.checkOut("HT-2", "hs-binh"), 409, "PATRON_INACTIVE");
        refused(library.placeHold(title, "hs-binh"), 409, "PATRON_INACTIVE");
        library.expect(200, api.put(library.base() + "/patrons/hs-binh",
                "{\"fullName\":\"Trần Thị Bình\",\"category\":\"STUDENT\",\"classId\":\"5a4\"}"));
        library.expect(201, library.checkOut("HT-2", "hs-binh"));
    }

    /**
     * A departure recorded ahead (a rollover graduates the final grade from the new year's first
     * day) has not happened yet: the patron borrows, renews and holds until then, each loan due by
     * the last day the library is open before they leave, and the answer says so. With no such day
     * left after today the desk refuses; from the day itself the patron has left, and the holds
     * they placed meanwhile are cancelled.
     */
    @Test
    void aPatronLeavingOnADayAheadBorrowsUntilTheLastOpenDayBeforeIt() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-leaving");
        String title = library.title("Tuổi thơ dữ dội");
        library.copy("TT-1", title);
        library.copy("TT-2", title);
        library.copy("TT-3", title);
        String other = library.title("Kính vạn hoa");
        library.copy("KV-1", other);
        library.expect(201, api.post(library.base() + "/patrons/hs-an/departures",
                "{\"reason\":\"GRADUATED\",\"leftOn\":\"2026-09-14\"}"));
        library.expect(201, api.post(library.base() + "/patrons/hs-binh/departures",
                "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"2026-10-01\"}"));

        ApiClient.Answer lent = library.expect(201, library.checkOut("TT-1", "hs-an"));
        assertThat(lent.text("dueOn")).as("the Friday before the Monday they leave, not 14 days on").isEqualTo("2026-09-11");
        assertThat(lent.text("leavesOn")).isEqualTo("2026-09-14");
        ApiClient.Answer notShortened = library.expect(201, library.checkOut("TT-2", "hs-binh"));
        assertThat(notShortened.text("dueOn")).isEqualTo("2026-09-21");
        assertThat(notShortened.text("leavesOn")).as("said only when it shortened the loan").isNull();
        library.expect(201, library.checkOut("KV-1", "hs-an"));
        String waiting = library.expect(201, library.placeHold(other, "hs-binh")).text("holdId");
        library.expect(200, library.checkIn("KV-1"));

        // a renewal would leave the loan due the same Friday: refused rather than spending a renewal for nothing
        refused(api.post(library.base() + "/loans/" + lent.text("loanId") + "/renewals", "{}"), 409, "PATRON_LEAVING");

        clock.setTo(LocalDate.of(2026, 9, 11), LocalTime.of(9, 0));
        ApiClient.Answer leaving = library.checkOut("TT-3", "hs-an");
        refused(leaving, 409, "PATRON_LEAVING");
        assertThat(leaving.text("detail")).startsWith("Bạn đọc hs-an rời trường ngày 14/09/2026;");
        ApiClient.Answer notRenewed = api.post(library.base() + "/loans/" + lent.text("loanId") + "/renewals", "{}",
                "Accept-Language", "en");
        refused(notRenewed, 409, "PATRON_LEAVING");
        assertThat(notRenewed.text("detail")).startsWith("Patron hs-an leaves the school on 14 September 2026;");
        clock.setTo(LocalDate.of(2026, 9, 14), LocalTime.of(9, 0));
        refused(library.checkOut("TT-3", "hs-an"), 409, "PATRON_INACTIVE");
        refused(api.post(library.base() + "/loans/" + lent.text("loanId") + "/renewals", "{}"), 409, "PATRON_INACTIVE");
        refused(library.placeHold(title, "hs-an"), 409, "PATRON_INACTIVE");
        assertThat(jdbc.sql("select count(*) from cmd_open_loan where school_id = 'th-leaving' and barcode = 'TT-3'")
                .query(Long.class).single()).isZero();

        clock.setTo(LocalDate.of(2026, 9, 18), LocalTime.of(9, 0));
        ApiClient.Answer renewed = library.expect(200,
                api.post(library.base() + "/loans/" + notShortened.text("loanId") + "/renewals", "{}"));
        assertThat(renewed.text("dueOn")).as("the day before the Thursday they leave").isEqualTo("2026-09-30");
        assertThat(renewed.text("leavesOn")).isEqualTo("2026-10-01");

        // the departure cancelled the holds open when it was recorded; the one placed since goes on the day it takes effect
        assertThat(sweeps.cancelHoldsOfLeavers(LocalDate.of(2026, 9, 30))).isZero();
        assertThat(payloadsOf("HoldCancelled", library.school())).isEmpty();
        clock.setTo(LocalDate.of(2026, 10, 1), LocalTime.of(7, 0));
        sweeps.cancelHoldsOfLeavers(LocalDate.of(2026, 10, 1));
        assertThat(payloadsOf("HoldCancelled", library.school())).singleElement().asString()
                .contains(waiting, "\"reason\":\"PATRON_LEFT\"");
    }

    @Test
    void aLoanCanBeRenewedAsOftenAsThePolicyAllowsAndNotWhileOthersWait() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-renew");
        String title = library.title("Cây cam ngọt của tôi");
        library.copy("CC-1", title);
        String loanId = library.expect(201, library.checkOut("CC-1", "hs-an")).text("loanId");

        clock.setTo(LocalDate.of(2026, 9, 18), LocalTime.of(9, 0));
        ApiClient.Answer renewed = library.expect(200, api.post(library.base() + "/loans/" + loanId + "/renewals", "{}"));
        assertThat(renewed.text("dueOn")).isEqualTo("2026-10-02");
        refused(api.post(library.base() + "/loans/" + loanId + "/renewals", "{}"), 409, "RENEWAL_LIMIT_REACHED");

        library.expect(200, api.put(library.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":14,\"maxLoans\":2,\"maxRenewals\":3,\"holdPickupDays\":3}"));
        library.expect(201, library.placeHold(title, "hs-binh"));
        refused(api.post(library.base() + "/loans/" + loanId + "/renewals", "{}"), 409, "RENEWAL_BLOCKED_BY_HOLD");
    }

    @Test
    void aReturnedCopyWaitsOnTheHoldShelfForTheFirstPatronInTheQueue() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-holds");
        library.patron("gv-lan", "Lê Thị Lan", "TEACHER", null);
        String title = library.title("Dế Mèn phiêu lưu ký");
        String other = library.title("Chuyện cổ tích Việt Nam");
        library.copy("DM-1", title);
        library.copy("CT-1", other);
        library.expect(201, library.checkOut("DM-1", "hs-an"));

        refused(library.placeHold(other, "hs-binh"), 409, "HOLD_NOT_NEEDED");
        ApiClient.Answer first = library.expect(201, library.placeHold(title, "hs-binh"));
        assertThat(first.json().path("position").asInt()).isEqualTo(1);
        assertThat(library.expect(201, library.placeHold(title, "gv-lan")).json().path("position").asInt()).isEqualTo(2);
        refused(library.placeHold(title, "hs-binh"), 409, "HOLD_ALREADY_PLACED");

        ApiClient.Answer returned = library.expect(200, library.checkIn("DM-1"));
        assertThat(returned.text("routedTo")).isEqualTo("HOLD_SHELF");
        assertThat(returned.text("holdId")).isEqualTo(first.text("holdId"));
        assertThat(payloadsOf("HoldReadyForPickup", library.school())).singleElement().asString()
                .contains("\"patronId\":\"hs-binh\"", "\"pickupBy\":\"2026-09-10\"");
        refused(library.checkOut("DM-1", "gv-lan"), 409, "COPY_ON_HOLD_FOR_ANOTHER_PATRON");

        ApiClient.Answer collected = library.expect(201, library.checkOut("DM-1", "hs-binh"));
        assertThat(collected.text("holdId")).isEqualTo(first.text("holdId"));
        assertThat(payloadsOf("HoldFulfilled", library.school())).hasSize(1);
    }

    @Test
    void anUncollectedHoldExpiresAndTheCopyGoesToTheNextPatron() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-expiry");
        library.patron("gv-lan", "Lê Thị Lan", "TEACHER", null);
        String title = library.title("Tuổi thơ dữ dội");
        library.copy("TT-1", title);
        library.expect(201, library.checkOut("TT-1", "hs-an"));
        library.expect(201, library.placeHold(title, "hs-binh"));
        library.expect(201, library.placeHold(title, "gv-lan"));
        library.expect(200, library.checkIn("TT-1"));

        clock.setTo(LocalDate.of(2026, 9, 10), LocalTime.of(16, 0));
        sweeps.sweep();
        assertThat(payloadsOf("HoldExpired", library.school())).as("the last pickup day still counts").isEmpty();

        clock.setTo(LocalDate.of(2026, 9, 11), LocalTime.of(7, 0));
        sweeps.sweep();
        sweeps.sweep();
        assertThat(payloadsOf("HoldExpired", library.school())).singleElement().asString().contains("\"patronId\":\"hs-binh\"");
        assertThat(payloadsOf("HoldReadyForPickup", library.school())).hasSize(2).last().asString()
                .contains("\"patronId\":\"gv-lan\"", "\"pickupBy\":\"2026-09-16\"");
        assertThat(actorOfLast("HoldExpired", library.school())).isEqualTo("system");
        library.expect(201, library.checkOut("TT-1", "gv-lan"));
    }

    @Test
    void cancellingAReadyHoldPassesTheCopyOn() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-cancel");
        String title = library.title("Mắt biếc");
        library.copy("MB-1", title);
        library.patron("hs-chi", "Hoàng Thị Chi", "STUDENT", "5a4");
        library.expect(201, library.checkOut("MB-1", "hs-an"));
        String binh = library.expect(201, library.placeHold(title, "hs-binh")).text("holdId");
        library.expect(201, library.placeHold(title, "hs-chi"));
        library.expect(200, library.checkIn("MB-1"));

        refused(api.post(library.base() + "/copies/MB-1/withdrawal", "{\"reason\":\"Hỏng\"}"), 409, "COPY_ON_HOLD_SHELF");
        library.expect(204, api.delete(library.base() + "/holds/" + binh));
        refused(api.delete(library.base() + "/holds/" + binh), 404, "HOLD_NOT_FOUND");
        refused(library.checkOut("MB-1", "hs-binh"), 409, "COPY_ON_HOLD_FOR_ANOTHER_PATRON");
        library.expect(201, library.checkOut("MB-1", "hs-chi"));
    }

    /** A patron who leaves waits for nothing: their waiting and ready holds are cancelled, the copy goes on. */
    @Test
    void aPatronWhoLeavesHasTheirHoldsCancelled() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-leaver-holds");
        String eyes = library.title("Mắt biếc");
        String cricket = library.title("Dế Mèn phiêu lưu ký");
        library.copy("MB-1", eyes);
        library.copy("DM-1", cricket);
        library.patron("hs-chi", "Hoàng Thị Chi", "STUDENT", "5a4");
        library.expect(201, library.checkOut("MB-1", "hs-an"));
        library.expect(201, library.checkOut("DM-1", "hs-an"));
        String ready = library.expect(201, library.placeHold(eyes, "hs-binh")).text("holdId");
        library.expect(201, library.placeHold(eyes, "hs-chi"));
        String waiting = library.expect(201, library.placeHold(cricket, "hs-binh")).text("holdId");
        library.expect(200, library.checkIn("MB-1"));

        library.expect(201, api.post(library.base() + "/patrons/hs-binh/departures", "{\"reason\":\"TRANSFERRED\"}"));

        List<String> cancelled = payloadsOf("HoldCancelled", library.school());
        assertThat(cancelled).hasSize(2).allMatch(payload -> payload.contains("\"reason\":\"PATRON_LEFT\""));
        assertThat(cancelled).anyMatch(payload -> payload.contains(ready)).anyMatch(payload -> payload.contains(waiting));
        assertThat(payloadsOf("HoldReadyForPickup", library.school())).last().asString().contains("\"patronId\":\"hs-chi\"");
        refused(api.delete(library.base() + "/holds/" + waiting), 404, "HOLD_NOT_FOUND");
        library.expect(201, library.checkOut("MB-1", "hs-chi"));
        library.expect(200, library.checkIn("DM-1"));
        library.expect(200, api.post(library.base() + "/patrons/hs-binh/departures", "{\"reason\":\"TRANSFERRED\"}"));
        assertThat(payloadsOf("HoldCancelled", library.school())).hasSize(2);
    }

    @Test
    void overdueLoansBecomeEventsOnceTheDueDateHasPassed() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-overdue");
        String title = library.title("Số đỏ");
        library.copy("SD-1", title);
        library.expect(201, library.checkOut("SD-1", "hs-an"));

        clock.setTo(LocalDate.of(2026, 9, 21), LocalTime.of(17, 0));
        sweeps.sweep();
        assertThat(payloadsOf("LoanBecameOverdue", library.school())).as("due today is not overdue").isEmpty();

        clock.setTo(LocalDate.of(2026, 9, 22), LocalTime.of(7, 0));
        sweeps.sweep();
        sweeps.sweep();
        assertThat(payloadsOf("LoanBecameOverdue", library.school())).singleElement().asString()
                .contains("\"dueOn\":\"2026-09-21\"", "\"overdueSince\":\"2026-09-22\"", "\"classId\":\"5a4\"");
    }

    @Test
    void aRetriedRequestHasOneEffect() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-retry");
        String title = library.title("Lão Hạc");
        library.copy("LH-1", title);
        library.copy("LH-2", title);
        String body = "{\"barcode\":\"LH-1\",\"patronId\":\"hs-an\"}";

        ApiClient.Answer first = api.post(library.base() + "/checkouts", body, "Idempotency-Key", "desk-1-0001");
        ApiClient.Answer again = api.post(library.base() + "/checkouts", body, "Idempotency-Key", "desk-1-0001");
        ApiClient.Answer otherBody = api.post(library.base() + "/checkouts", "{\"barcode\":\"LH-2\",\"patronId\":\"hs-an\"}",
                "Idempotency-Key", "desk-1-0001");

        library.expect(201, first);
        library.expect(201, again);
        assertThat(again.text("loanId")).isEqualTo(first.text("loanId"));
        assertThat(again.eventPosition()).isEqualTo(first.eventPosition());
        refused(otherBody, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(payloadsOf("CopyCheckedOut", library.school())).hasSize(1);
    }

    @Test
    void aClassMoveKeepsEarlierLoansInTheOldClass() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-move");
        library.expect(201, api.put(library.base() + "/classes/5a5", "{\"name\":\"5A5\",\"grade\":5,\"schoolYear\":\"2026-2027\"}"));
        String title = library.title("Bỉ vỏ");
        library.copy("BV-1", title);
        library.copy("BV-2", title);
        library.expect(201, library.checkOut("BV-1", "hs-an"));

        library.expect(201, api.post(library.base() + "/patrons/hs-an/class-moves", "{\"toClassId\":\"5a5\",\"effectiveOn\":\"2026-09-08\"}"));
        clock.setTo(LocalDate.of(2026, 9, 8), LocalTime.of(9, 0));
        library.expect(201, library.checkOut("BV-2", "hs-an"));

        assertThat(payloadsOf("CopyCheckedOut", library.school())).satisfiesExactly(
                first -> assertThat(first).contains("\"classId\":\"5a4\""),
                second -> assertThat(second).contains("\"classId\":\"5a5\""));
        refused(api.post(library.base() + "/patrons/hs-an/class-moves", "{\"toClassId\":\"9z9\",\"effectiveOn\":\"2026-09-08\"}"),
                404, "CLASS_NOT_FOUND");
        refused(api.post(library.base() + "/patrons/khong-co/class-moves", "{\"toClassId\":\"5a5\",\"effectiveOn\":\"2026-09-08\"}"),
                404, "PATRON_NOT_FOUND");
    }

    @Test
    void aCopyWithALongHistoryIsLoadedFromItsSnapshot() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-snapshot");
        String title = library.title("Sách giáo khoa Tiếng Việt 5");
        library.copy("SGK-1", title);
        for (int loan = 0; loan < 30; loan++) {
            library.expect(201, library.checkOut("SGK-1", loan % 2 == 0 ? "hs-an" : "hs-binh"));
            library.expect(200, library.checkIn("SGK-1"));
        }

        // snapshots are made on their own thread once the command has committed
        String snapshot = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
                .sql("select payload from snapshotevententry where aggregateidentifier = 'copy:th-snapshot:SGK-1'")
                .query(String.class).optional().orElse(null), Objects::nonNull);
        assertThat(snapshot).contains("\"barcode\":\"SGK-1\"", "\"loanable\":true", "\"details\":{");
        library.expect(201, library.checkOut("SGK-1", "hs-an"));
        refused(library.checkOut("SGK-1", "hs-binh"), 409, "COPY_ALREADY_ON_LOAN");
        // the copy's details come back with the snapshot: the same ones again change nothing
        long events = eventCount();
        library.expect(200, api.put(library.base() + "/copies/SGK-1", "{\"loanable\":true}"));
        assertThat(eventCount()).isEqualTo(events);
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    private String payloadAt(long position) {
        return jdbc.sql("select payload from domainevententry where globalindex = ?").param(position).query(String.class).single();
    }

    private String actorAt(long position) {
        return jdbc.sql("select metadata from domainevententry where globalindex = ?").param(position).query(String.class)
                .single().replaceAll(".*\"actor\":\"([^\"]*)\".*", "$1");
    }

    private List<String> payloadsOf(String type, String school) {
        return jdbc.sql("""
                        select payload from domainevententry
                        where payloadtype like ? and payload like ? order by globalindex""")
                .params("%." + type, "%\"schoolId\":\"" + school + "\"%")
                .query(String.class).list();
    }

    private String actorOfLast(String type, String school) {
        return jdbc.sql("""
                        select metadata from domainevententry
                        where payloadtype like ? and payload like ? order by globalindex desc limit 1""")
                .params("%." + type, "%\"schoolId\":\"" + school + "\"%")
                .query(String.class).single().replaceAll(".*\"actor\":\"([^\"]*)\".*", "$1");
    }
}
