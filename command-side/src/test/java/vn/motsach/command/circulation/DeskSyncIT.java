package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.MutableClock;
import vn.motsach.testing.TestTokens;

/**
 * The offline desk's upload through HTTP: records decided at the moment they happened, once per
 * key whoever uploads them, refused when they cannot be true, and recorded with an exception
 * when they broke a rule the desk applies online.
 */
@SpringBootTest(classes = {CommandSideApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.circulation.sweep-interval=1h", "motsach.desk-sync.max-age=7d"})
class DeskSyncIT {

    /** The Friday of the school year's first full week; the desks upload on the Monday after. */
    private static final LocalDate FRIDAY = LocalDate.of(2026, 9, 11);
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 14);

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
        clock.setTo(FRIDAY, LocalTime.of(8, 0));
        api = new ApiClient(port);
    }

    @Test
    void aLendRecordedOnFridayAndUploadedOnMondayIsDueAndOverdueAsIfMadeOnline() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-friday");
        String title = library.title("Dế Mèn phiêu lưu ký");
        library.copy("FR-1", title);
        library.copy("FR-2", title);
        clock.setTo(FRIDAY, LocalTime.of(10, 0));
        String onlineDue = library.expect(201, library.checkOut("FR-1", "hs-an")).text("dueOn");
        clock.setTo(MONDAY, LocalTime.of(7, 30));

        JsonNode result = one(sync(library, "quay-1", checkout("k-fr-2", "FR-2", "hs-binh", FRIDAY, "10:05")));

        assertThat(result.path("status").asString()).isEqualTo("APPLIED");
        assertThat(result.path("dueOn").asString()).isEqualTo(onlineDue);
        assertThat(payloadOf("CopyCheckedOut", library.school(), "FR-2"))
                .as("the loan's moment is the record's").contains("\"borrowedAt\":\"2026-09-11T03:05:00Z\"");

        clock.setTo(LocalDate.parse(onlineDue).plusDays(1), LocalTime.of(9, 0));
        sweeps.sweep();
        assertThat(payloadOf("LoanBecameOverdue", library.school(), "FR-2"))
                .contains("\"overdueSince\":\"" + LocalDate.parse(onlineDue).plusDays(1) + "\"");
        assertThat(payloadOf("LoanBecameOverdue", library.school(), "FR-1"))
                .contains("\"overdueSince\":\"" + LocalDate.parse(onlineDue).plusDays(1) + "\"");
    }

    @Test
    void aRetriedBatchFromAnotherAccountOrTabHasOneEffect() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-retry");
        library.copy("RT-1", library.title("Tắt đèn"));
        clock.setTo(MONDAY, LocalTime.of(9, 0));
        String batch = batch("quay-1", checkout("k-rt-1", "RT-1", "hs-an", FRIDAY, "10:00"),
                checkin("k-rt-2", "RT-1", FRIDAY, "15:00"));
        ApiClient lan = api.as(TestTokens.ofSchool("thu-thu-lan", "LIBRARIAN", library.school()));
        ApiClient mai = api.as(TestTokens.ofSchool("thu-thu-mai", "LIBRARIAN", library.school()));

        JsonNode first = results(library.expect(200, lan.post(library.base() + "/desk-sync", batch)));
        JsonNode again = results(library.expect(200, mai.post(library.base() + "/desk-sync", batch)));

        assertThat(statuses(first)).containsExactly("APPLIED", "APPLIED");
        assertThat(statuses(again)).containsExactly("ALREADY_APPLIED", "ALREADY_APPLIED");
        assertThat(again.get(0).path("loanId").asString()).isEqualTo(first.get(0).path("loanId").asString());
        assertThat(again.get(0).path("dueOn").asString()).isEqualTo(first.get(0).path("dueOn").asString());
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(1);
        assertThat(count("CopyReturned", library.school())).isEqualTo(1);
    }

    @Test
    void recordsThatCannotBeTrueAreRefusedWithACodeAndChangeNothing() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-refused");
        library.copy("RF-1", library.title("Lão Hạc"));
        clock.setTo(MONDAY, LocalTime.of(9, 0));

        JsonNode results = results(library.expect(200, api.post(library.base() + "/desk-sync", batch("quay-1",
                checkout("k-rf-1", "RF-1", "hs-an", MONDAY, "10:00"),
                checkout("k-rf-2", "RF-1", "hs-an", MONDAY.minusDays(8), "10:00"),
                checkout("k-rf-3", "KHONG-CO", "hs-an", FRIDAY, "10:00"),
                checkout("k-rf-4", "RF-1", "hs-khong-co", FRIDAY, "10:00")))));

        assertThat(statuses(results)).containsExactly("REFUSED", "REFUSED", "REFUSED", "REFUSED");
        assertThat(codes(results)).containsExactlyInAnyOrder("RECORD_FROM_THE_FUTURE", "RECORD_TOO_OLD", "COPY_NOT_FOUND",
                "PATRON_NOT_FOUND");
        assertThat(count("CopyCheckedOut", library.school())).isZero();
        // a record a moment ahead of the server's clock is believed: clocks differ a little
        assertThat(one(sync(library, "quay-1", checkout("k-rf-5", "RF-1", "hs-an", MONDAY, "09:02"))).path("status").asString())
                .isEqualTo("APPLIED");
        assertThat(one(sync(library, "quay-1", checkout("k-rf-1", "RF-1", "hs-an", MONDAY, "10:00"))).path("code").asString())
                .as("a refusal is the first answer too").isEqualTo("RECORD_FROM_THE_FUTURE");
    }

    @Test
    void recordsOfABatchAreDecidedInTheOrderTheyHappened() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-order");
        library.copy("OR-1", library.title("Chí Phèo"));
        clock.setTo(MONDAY, LocalTime.of(9, 0));

        JsonNode results = results(library.expect(200, api.post(library.base() + "/desk-sync", batch("quay-1",
                checkin("k-or-2", "OR-1", FRIDAY, "11:00"),
                renewal("k-or-3", "OR-1", FRIDAY, "12:00"),
                checkout("k-or-1", "OR-1", "hs-an", FRIDAY, "10:00")))));

        assertThat(results.findValuesAsString("key")).containsExactly("k-or-1", "k-or-2", "k-or-3");
        assertThat(statuses(results)).containsExactly("APPLIED", "APPLIED", "EXCEPTION");
        assertThat(codes(results)).containsExactly(null, null, "LOAN_NOT_FOUND");
        assertThat(results.get(1).path("loanId").asString()).isEqualTo(results.get(0).path("loanId").asString());
    }

    @Test
    void aCopyRecordedOnLoanToSomeoneElseClosesTheEarlierLoanWithAnException() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-taken");
        library.copy("TK-1", library.title("Vợ nhặt"));
        clock.setTo(FRIDAY, LocalTime.of(9, 0));
        String earlier = library.expect(201, library.checkOut("TK-1", "hs-binh")).text("loanId");
        clock.setTo(MONDAY, LocalTime.of(9, 0));

        JsonNode result = one(sync(library, "quay-2", checkout("k-tk-1", "TK-1", "hs-an", FRIDAY, "14:00")));

        assertThat(result.path("status").asString()).isEqualTo("EXCEPTION");
        assertThat(result.path("code").asString()).isEqualTo("COPY_ALREADY_ON_LOAN");
        assertThat(result.path("exceptionId").asString()).isNotBlank();
        assertThat(payloadOf("CopyReturned", library.school(), "TK-1")).contains(earlier)
                .contains("\"returnedAt\":\"2026-09-11T07:00:00Z\"");
        assertThat(library.expect(200, library.checkIn("TK-1")).text("loanId")).isEqualTo(result.path("loanId").asString());
        assertThat(count("DeskExceptionRecorded", library.school())).isEqualTo(1);

        JsonNode open = library.expect(200, api.get(library.base() + "/desk-exceptions?status=OPEN")).json().path("items");
        assertThat(open.size()).isEqualTo(1);
        JsonNode exception = open.get(0);
        assertThat(exception.path("exceptionId").asString()).isEqualTo(result.path("exceptionId").asString());
        assertThat(exception.path("record").path("key").asString()).isEqualTo("k-tk-1");
        assertThat(exception.path("record").path("deskId").asString()).isEqualTo("quay-2");
        assertThat(exception.path("broken").get(0).asString()).isEqualTo("COPY_ALREADY_ON_LOAN");
        assertThat(exception.path("closedLoanId").asString()).isEqualTo(earlier);
        assertThat(exception.path("events").findValuesAsString("type"))
                .as("the events that explain it")
                .containsExactly("CopyCheckedOut", "CopyReturned", "CopyCheckedOut", "DeskExceptionRecorded", "CopyReturned");

        String settlement = library.base() + "/desk-exceptions/" + exception.path("exceptionId").asString() + "/settlement";
        library.expect(200, api.post(settlement, "{\"action\":\"KEPT\",\"note\":\"Bình đã trả sách hôm thứ Sáu\"}"));
        LibraryFixture.refused(api.post(settlement, "{\"action\":\"KEPT\"}"), 409, "DESK_EXCEPTION_SETTLED");
        LibraryFixture.refused(api.post(library.base() + "/desk-exceptions/" + java.util.UUID.randomUUID() + "/settlement",
                "{\"action\":\"KEPT\"}"), 404, "DESK_EXCEPTION_NOT_FOUND");
        LibraryFixture.refused(api.post(settlement, "{\"note\":\"\"}"), 400, "VALIDATION_FAILED");
        assertThat(library.expect(200, api.get(library.base() + "/desk-exceptions")).json().path("items").size()).isZero();
        JsonNode settled = library.expect(200, api.get(library.base() + "/desk-exceptions?status=SETTLED")).json().path("items");
        assertThat(settled.get(0).path("status").asString()).isEqualTo("SETTLED");
        assertThat(settled.get(0).path("note").asString()).isEqualTo("Bình đã trả sách hôm thứ Sáu");
    }

    @Test
    void twoDesksThatLentTheSameCopyOfflineMakeOneLoanAndOneExceptionWhicheverUploadsFirst() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-two-desks");
        library.copy("TD-1", library.title("Số đỏ"));
        library.copy("TD-2", library.title("Truyện Kiều"));
        clock.setTo(MONDAY, LocalTime.of(9, 0));

        // the later lend uploaded first: the earlier one, uploaded after, had ended by then
        JsonNode later = one(sync(library, "quay-b", checkout("k-td-b", "TD-1", "hs-binh", FRIDAY, "11:00")));
        JsonNode earlier = one(sync(library, "quay-a", checkout("k-td-a", "TD-1", "hs-an", FRIDAY, "10:00")));
        // the earlier lend uploaded first: the later one closes it
        JsonNode first = one(sync(library, "quay-a", checkout("k-td-c", "TD-2", "hs-an", FRIDAY, "10:00")));
        JsonNode second = one(sync(library, "quay-b", checkout("k-td-d", "TD-2", "hs-binh", FRIDAY, "11:00")));

        assertThat(List.of(later, earlier, first, second)).extracting(node -> node.path("status").asString())
                .containsExactly("APPLIED", "EXCEPTION", "APPLIED", "EXCEPTION");
        assertThat(earlier.path("loanId").isMissingNode() || earlier.path("loanId").isNull()).isTrue();
        assertThat(library.expect(200, library.checkIn("TD-1")).text("loanId")).isEqualTo(later.path("loanId").asString());
        assertThat(library.expect(200, library.checkIn("TD-2")).text("loanId")).isEqualTo(second.path("loanId").asString());
        assertThat(count("DeskExceptionRecorded", library.school())).isEqualTo(2);
    }

    @Test
    void aReturnRecordedOfflineForACopyLentOnlineMeanwhileLeavesTheNewLoanOpen() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-meanwhile");
        library.copy("MW-1", library.title("Làng"));
        clock.setTo(FRIDAY, LocalTime.of(11, 0));
        String online = library.expect(201, library.checkOut("MW-1", "hs-binh")).text("loanId");
        clock.setTo(MONDAY, LocalTime.of(9, 0));

        JsonNode results = results(sync(library, "quay-1", checkout("k-mw-1", "MW-1", "hs-an", FRIDAY, "09:00"),
                checkin("k-mw-2", "MW-1", FRIDAY, "10:00")));

        assertThat(statuses(results)).containsExactly("EXCEPTION", "APPLIED");
        assertThat(library.expect(200, library.checkIn("MW-1")).text("loanId")).isEqualTo(online);
    }

    @Test
    void aLendThatBrokeAPatronsRuleIsRecordedWithAnException() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-patron");
        String title = library.title("Đất rừng phương Nam");
        for (String copy : List.of("PR-1", "PR-2", "PR-3", "PR-4")) {
            library.copy(copy, title);
        }
        library.patron("hs-chi", "Lê Văn Chi", "STUDENT", "5a4");
        clock.setTo(MONDAY, LocalTime.of(8, 0));
        library.expect(201, api.post(library.base() + "/patrons/hs-chi/departures", "{\"reason\":\"TRANSFERRED\"}"));
        clock.setTo(MONDAY, LocalTime.of(9, 0));

        JsonNode results = results(sync(library, "quay-1",
                checkout("k-pr-1", "PR-1", "hs-an", FRIDAY, "10:00"),
                checkout("k-pr-2", "PR-2", "hs-an", FRIDAY, "10:01"),
                checkout("k-pr-3", "PR-3", "hs-an", FRIDAY, "10:02"),
                checkout("k-pr-4", "PR-4", "hs-chi", MONDAY, "08:30")));

        assertThat(statuses(results)).containsExactly("APPLIED", "APPLIED", "EXCEPTION", "EXCEPTION");
        assertThat(codes(results)).containsExactly(null, null, "LOAN_LIMIT_REACHED", "PATRON_INACTIVE");
        assertThat(results).allSatisfy(result -> assertThat(result.path("loanId").asString()).isNotBlank());
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(4);
    }

    /**
     * A desk offline lends as the online desk does to a patron leaving on a day ahead: due by the
     * last open day before it; a lend with no such day left is a fact all the same, due that day.
     */
    @Test
    void aLendToAPatronLeavingIsDueBeforeTheyLeaveOrRecordedWithAnException() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-leaving");
        String title = library.title("Chuyện con mèo dạy hải âu bay");
        library.copy("LV-1", title);
        library.copy("LV-2", title);
        clock.setTo(FRIDAY.minusDays(1), LocalTime.of(8, 0));
        library.expect(201, api.post(library.base() + "/patrons/hs-an/departures",
                "{\"reason\":\"GRADUATED\",\"leftOn\":\"" + MONDAY + "\"}"));
        clock.setTo(FRIDAY, LocalTime.of(16, 0));

        JsonNode results = results(sync(library, "quay-1",
                checkout("k-lv-1", "LV-1", "hs-an", FRIDAY.minusDays(1), "09:00"),
                checkout("k-lv-2", "LV-2", "hs-an", FRIDAY, "09:00")));

        assertThat(statuses(results)).containsExactly("APPLIED", "EXCEPTION");
        assertThat(codes(results)).containsExactly(null, "PATRON_LEAVING");
        assertThat(results.get(0).path("dueOn").asString()).isEqualTo(FRIDAY.toString());
        assertThat(results.get(1).path("dueOn").asString()).isEqualTo(FRIDAY.toString());
    }

    @Test
    void aLendOfACopyKeptOnTheHoldShelfForAnotherReaderIsRecordedWithAnException() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-hold");
        String title = library.title("Những ngôi sao xa xôi");
        library.copy("HS-1", title);
        clock.setTo(FRIDAY, LocalTime.of(8, 0));
        library.expect(201, library.checkOut("HS-1", "hs-an"));
        library.expect(201, library.placeHold(title, "hs-binh"));
        library.expect(200, library.checkIn("HS-1"));
        library.patron("hs-chi", "Lê Văn Chi", "STUDENT", "5a4");
        clock.setTo(MONDAY, LocalTime.of(9, 0));

        JsonNode result = one(sync(library, "quay-1", checkout("k-hs-1", "HS-1", "hs-chi", FRIDAY, "10:00")));

        assertThat(result.path("status").asString()).isEqualTo("EXCEPTION");
        assertThat(result.path("code").asString()).isEqualTo("COPY_ON_HOLD_FOR_ANOTHER_PATRON");
        assertThat(result.path("loanId").asString()).isNotBlank();
    }

    @Test
    void aBatchThatIsNotOneIsRefusedWhole() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-sync-invalid");
        library.copy("IV-1", library.title("Tuổi thơ dữ dội"));
        clock.setTo(MONDAY, LocalTime.of(9, 0));

        ApiClient.Answer answer = api.post(library.base() + "/desk-sync", batch("quay-1",
                checkout("k-iv-1", "IV-1", "hs-an", FRIDAY, "10:00"),
                "{\"key\":\"k-iv-1\",\"kind\":\"LEND\",\"barcode\":\"IV-1\",\"recordedAt\":\"hôm qua\"}"));

        LibraryFixture.refused(answer, 400, "VALIDATION_FAILED");
        ApiClient.Answer lend = api.post(library.base() + "/desk-sync", batch("quay-1",
                "{\"key\":\"k-iv-2\",\"kind\":\"LEND\",\"barcode\":\"IV-1\",\"recordedAt\":\"" + at(FRIDAY, "10:00") + "\"}"));
        LibraryFixture.refused(lend, 400, "VALIDATION_FAILED");
        assertThat(lend.json().path("errors").findValuesAsString("message"))
                .containsExactly("Không có giá trị \"LEND\": phải là một trong các giá trị CHECKOUT, CHECKIN, RENEWAL.");
        assertThat(count("CopyCheckedOut", library.school())).isZero();
        ApiClient.Answer status = api.get(library.base() + "/desk-exceptions?status=CLOSED");
        LibraryFixture.refused(status, 400, "VALIDATION_FAILED");
        assertThat(status.json().path("errors").findValuesAsString("message"))
                .containsExactly("Không có giá trị \"CLOSED\": phải là một trong các giá trị OPEN, SETTLED.");
    }

    private ApiClient.Answer sync(LibraryFixture library, String desk, String... records) {
        return library.expect(200, api.post(library.base() + "/desk-sync", batch(desk, records)));
    }

    private static String batch(String desk, String... records) {
        return "{\"deskId\":\"" + desk + "\",\"records\":[" + String.join(",", records) + "]}";
    }

    private static String checkout(String key, String barcode, String patron, LocalDate day, String time) {
        return "{\"key\":\"" + key + "\",\"kind\":\"CHECKOUT\",\"barcode\":\"" + barcode + "\",\"patronId\":\"" + patron
                + "\",\"recordedAt\":\"" + at(day, time) + "\"}";
    }

    private static String checkin(String key, String barcode, LocalDate day, String time) {
        return "{\"key\":\"" + key + "\",\"kind\":\"CHECKIN\",\"barcode\":\"" + barcode + "\",\"recordedAt\":\"" + at(day, time) + "\"}";
    }

    private static String renewal(String key, String barcode, LocalDate day, String time) {
        return "{\"key\":\"" + key + "\",\"kind\":\"RENEWAL\",\"barcode\":\"" + barcode + "\",\"recordedAt\":\"" + at(day, time) + "\"}";
    }

    /** A moment in the school's time zone, as a desk's browser sends it. */
    private static String at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), MutableClock.SCHOOL_ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static JsonNode results(ApiClient.Answer answer) {
        return answer.json().path("results");
    }

    private static JsonNode one(ApiClient.Answer answer) {
        JsonNode results = results(answer);
        assertThat(results.size()).isEqualTo(1);
        return results.get(0);
    }

    private static List<String> statuses(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.path("status").asString()));
        return statuses;
    }

    private static List<String> codes(JsonNode results) {
        List<String> codes = new ArrayList<>();
        results.forEach(result -> codes.add(result.path("code").asString(null)));
        return codes;
    }

    private long count(String eventType, String school) {
        return jdbc.sql("select count(*) from domainevententry where payloadtype like ? and payload like ?")
                .params("%." + eventType, "%\"schoolId\":\"" + school + "\"%").query(Long.class).single();
    }

    private String payloadOf(String eventType, String school, String barcode) {
        return jdbc.sql("select payload from domainevententry where payloadtype like ? and payload like ? and payload like ?")
                .params("%." + eventType, "%\"schoolId\":\"" + school + "\"%", "%\"barcode\":\"" + barcode + "\"%")
                .query(String.class).single();
    }
}
