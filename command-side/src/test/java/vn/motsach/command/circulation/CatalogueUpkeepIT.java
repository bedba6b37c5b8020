package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.MutableClock;

/**
 * Catalogue upkeep through HTTP, on the real PostgreSQL and Kafka: editing a title, intakes and
 * the copies that name them, a copy reported lost; every refusal with its code, storing nothing.
 */
@SpringBootTest(classes = {CommandSideApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
class CatalogueUpkeepIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    ApiClient api;

    @BeforeEach
    void setUp() {
        clock.setTo(TestClockConfiguration.FIRST_MONDAY, LocalTime.of(9, 0));
        api = new ApiClient(port);
    }

    @Test
    void aTitleIsRevisedWholeAndLaterCopiesCarryTheNewName() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-revise");
        String title = library.title("De Men phieu luu ky");
        library.copy("DM-1", title);

        String description = """
                {"title":"Dế Mèn phiêu lưu ký","authors":["Tô Hoài"],"isbn":"978-604-2-09177-0","publisher":"Kim Đồng",
                 "publishedYear":2020,"subjects":["Văn học thiếu nhi"],"docType":"REFERENCE","language":"vie"}""";
        ApiClient.Answer revised = library.expect(200, api.put(library.base() + "/titles/" + title, description));

        assertThat(revised.text("title")).isEqualTo("Dế Mèn phiêu lưu ký");
        assertThat(revised.text("docType")).isEqualTo("REFERENCE");
        assertThat(revised.eventPosition()).isPositive();
        String stored = payloadAt(revised.eventPosition());
        assertThat(typeAt(revised.eventPosition())).endsWith(".TitleRevised");
        assertThat(stored).contains("\"title\":\"Dế Mèn phiêu lưu ký\"", "\"isbn\":\"9786042091770\"", "\"publisher\":\"Kim Đồng\"",
                "\"subjects\":[\"Văn học thiếu nhi\"]", "\"docType\":\"REFERENCE\"");
        long events = eventCount();
        ApiClient.Answer again = library.expect(200, api.put(library.base() + "/titles/" + title, description));
        assertThat(again.eventPosition()).as("the same description again stores nothing").isEqualTo(revised.eventPosition());
        assertThat(eventCount()).isEqualTo(events);
        library.copy("DM-2", title);
        assertThat(payloadsOf("CopyAccessioned", "th-revise").get(1)).contains("\"title\":\"Dế Mèn phiêu lưu ký\"");
    }

    @Test
    void aTitlesEditionIsCataloguedAndRevisedWithIt() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-edition");
        ApiClient.Answer created = library.expect(201, api.post(library.base() + "/titles", """
                {"title":"Tắt đèn","authors":["Ngô Tất Tố"],"docType":"GENERAL","edition":"In lần thứ 2"}"""));
        assertThat(payloadAt(created.eventPosition())).contains("\"edition\":\"In lần thứ 2\"");

        ApiClient.Answer revised = library.expect(200, api.put(library.base() + "/titles/" + created.text("titleId"), """
                {"title":"Tắt đèn","authors":["Ngô Tất Tố"],"docType":"GENERAL","edition":"Tái bản lần thứ 3"}"""));

        assertThat(revised.text("edition")).isEqualTo("Tái bản lần thứ 3");
        assertThat(typeAt(revised.eventPosition())).endsWith(".TitleRevised");
        assertThat(payloadAt(revised.eventPosition())).contains("\"edition\":\"Tái bản lần thứ 3\"");
        ApiClient.Answer same = library.expect(200, api.put(library.base() + "/titles/" + created.text("titleId"), """
                {"title":"Tắt đèn","authors":["Ngô Tất Tố"],"docType":"GENERAL","edition":"Tái bản lần thứ 3"}"""));
        assertThat(same.eventPosition()).isEqualTo(revised.eventPosition());
    }

    @Test
    void aRevisionIsCheckedAsACataloguingIsAndAnUnknownTitleIsNotFound() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-revise-refused");
        String title = library.title("Đất rừng phương Nam");
        long events = eventCount();

        ApiClient.Answer invalid = api.put(library.base() + "/titles/" + title,
                "{\"title\":\" \",\"isbn\":\"1\",\"publishedYear\":99,\"docType\":\"NOVEL\"}");
        refused(invalid, 400, "VALIDATION_FAILED");
        assertThat(invalid.json().path("errors").findValuesAsString("field"))
                .contains("title", "isbn", "publishedYear", "docType");
        refused(api.put(library.base() + "/titles/00000000-0000-0000-0000-000000000009",
                "{\"title\":\"Không có\",\"docType\":\"GENERAL\"}"), 404, "TITLE_NOT_FOUND");
        refused(api.put(library.base() + "/titles/not-a-uuid", "{\"title\":\"Không có\",\"docType\":\"GENERAL\"}"),
                400, "VALIDATION_FAILED");
        LibraryFixture other = LibraryFixture.primarySchool(api, "th-revise-other");
        long afterOther = eventCount();
        refused(api.put(other.base() + "/titles/" + title, "{\"title\":\"Của trường khác\",\"docType\":\"GENERAL\"}"),
                404, "TITLE_NOT_FOUND");

        assertThat(eventCount()).isEqualTo(afterOther);
        assertThat(afterOther - events).as("only the other school's set-up").isPositive();
    }

    @Test
    void copiesNameTheIntakeTheyCameIn() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-intake");
        String title = library.title("Tiếng Việt 5");

        ApiClient.Answer intake = library.expect(201, api.post(library.base() + "/intakes",
                "{\"receivedOn\":\"2026-09-04\",\"source\":\"PURCHASE\",\"documentNo\":\"HĐ 0012/2026\",\"note\":\"Sách giáo khoa lớp 5\"}"));
        String intakeId = intake.text("intakeId");
        assertThat(intakeId).matches("[0-9a-f-]{36}");
        assertThat(payloadAt(intake.eventPosition()))
                .contains("\"receivedOn\":\"2026-09-04\"", "\"source\":\"PURCHASE\"", "\"documentNo\":\"HĐ 0012/2026\"");

        ApiClient.Answer copy = library.expect(201, api.post(library.base() + "/copies",
                "{\"barcode\":\"SGK-1\",\"titleId\":\"" + title + "\",\"price\":25000,\"intakeId\":\"" + intakeId + "\"}"));
        assertThat(payloadAt(copy.eventPosition())).contains("\"intakeId\":\"" + intakeId + "\"");
        library.copy("SGK-2", title);
        assertThat(payloadsOf("CopyAccessioned", "th-intake").get(1)).contains("\"intakeId\":null");
    }

    /** The registers write a withdrawal's decision number on the copy's line and group withdrawals by it. */
    @Test
    void aWithdrawalNamesTheDecisionItWasMadeUnder() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-decision");
        String title = library.title("Tiếng Việt 5");
        library.copy("TV-1", title);
        library.copy("TV-2", title);

        ApiClient.Answer decided = library.expect(200, api.post(library.base() + "/copies/TV-1/withdrawal",
                "{\"reason\":\"Rách nát\",\"decisionNo\":\"15/QĐ-TH\"}"));
        assertThat(payloadAt(decided.eventPosition())).contains("\"reason\":\"Rách nát\"", "\"decisionNo\":\"15/QĐ-TH\"");
        ApiClient.Answer undecided = library.expect(200, api.post(library.base() + "/copies/TV-2/withdrawal",
                "{\"reason\":\"Lạc hậu\"}"));
        assertThat(payloadAt(undecided.eventPosition())).contains("\"decisionNo\":null");
        refused(api.post(library.base() + "/copies/TV-2/withdrawal", "{\"reason\":\"x\",\"decisionNo\":\"" + "9".repeat(101)
                + "\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void anIntakeIsCheckedAndACopyCannotNameAnIntakeOfAnotherSchool() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-intake-refused");
        LibraryFixture other = LibraryFixture.primarySchool(api, "th-intake-other");
        String elsewhere = other.expect(201, api.post(other.base() + "/intakes",
                "{\"receivedOn\":\"2026-09-01\",\"source\":\"DONATION\"}")).text("intakeId");
        String title = library.title("Toán 5");
        long events = eventCount();

        ApiClient.Answer invalid = api.post(library.base() + "/intakes",
                "{\"receivedOn\":\"2026-09-08\",\"source\":\"GIFT\",\"documentNo\":\"" + "x".repeat(101) + "\"}");
        refused(invalid, 400, "VALIDATION_FAILED");
        assertThat(invalid.json().path("errors").findValuesAsString("field")).contains("receivedOn", "source", "documentNo");
        assertThat(invalid.json().path("errors").findValuesAsString("message"))
                .contains("Không có giá trị \"GIFT\": phải là một trong các giá trị PURCHASE, DONATION, TRANSFER, OTHER.");
        refused(api.post(library.base() + "/intakes", "{\"source\":\"PURCHASE\"}"), 400, "VALIDATION_FAILED");
        refused(api.post(library.base() + "/intakes", "{\"receivedOn\":\"1999-12-31\",\"source\":\"PURCHASE\"}"),
                400, "VALIDATION_FAILED");
        refused(api.post(library.base() + "/copies",
                "{\"barcode\":\"T-1\",\"titleId\":\"" + title + "\",\"intakeId\":\"" + elsewhere + "\"}"), 404, "INTAKE_NOT_FOUND");
        refused(api.post(library.base() + "/copies",
                "{\"barcode\":\"T-1\",\"titleId\":\"" + title + "\",\"intakeId\":\"lô 1\"}"), 400, "VALIDATION_FAILED");

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aLostCopyLeavesCirculationAndItsLoanClosesAsLost() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-loss");
        String title = library.title("Tôi thấy hoa vàng trên cỏ xanh");
        library.copy("HV-1", title);
        library.copy("HV-2", title);
        String loanId = library.expect(201, library.checkOut("HV-1", "hs-an")).text("loanId");
        library.expect(201, library.checkOut("HV-2", "hs-binh"));

        ApiClient.Answer lost = library.expect(200, api.post(library.base() + "/copies/HV-1/loss", "{\"note\":\"Em báo mất\"}"));

        assertThat(lost.text("status")).isEqualTo("LOST");
        assertThat(lost.text("loanId")).isEqualTo(loanId);
        assertThat(lost.text("patronId")).isEqualTo("hs-an");
        assertThat(payloadAt(lost.eventPosition())).contains("\"loanId\":\"" + loanId + "\"", "\"patronId\":\"hs-an\"",
                "\"classId\":\"5a4\"", "\"lostOn\":\"2026-09-07\"", "\"note\":\"Em báo mất\"");
        refused(library.checkOut("HV-1", "hs-binh"), 409, "COPY_LOST");
        refused(library.checkIn("HV-1"), 409, "COPY_NOT_ON_LOAN");
        refused(api.post(library.base() + "/copies/HV-1/withdrawal", "{\"reason\":\"Mất\"}"), 409, "COPY_LOST");
        // the lost copy no longer counts against its borrower's loans
        library.expect(201, api.post(library.base() + "/copies", "{\"barcode\":\"HV-3\",\"titleId\":\"" + title + "\"}"));
        library.expect(201, library.checkOut("HV-3", "hs-an"));
    }

    @Test
    void aTitleWhoseLastCopiesAreLostTakesHoldsAsWhenTheyAreWithdrawn() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-loss-holds");
        String title = library.title("Cho tôi xin một vé đi tuổi thơ");
        library.copy("VT-1", title);
        library.copy("VT-2", title);
        library.expect(201, library.checkOut("VT-1", "hs-an"));
        refused(library.placeHold(title, "hs-binh"), 409, "HOLD_NOT_NEEDED");

        library.expect(200, api.post(library.base() + "/copies/VT-2/loss", "{}"));
        library.expect(201, library.placeHold(title, "hs-binh"));
        library.expect(200, api.post(library.base() + "/copies/VT-1/loss", "{\"patronId\":\"hs-an\"}"));

        library.patron("hs-chi", "Lê Văn Chi", "STUDENT", "5a4");
        refused(library.placeHold(title, "hs-chi"), 409, "TITLE_NOT_LOANABLE");
    }

    @Test
    void everyRefusalOfALossHasItsCodeAndStoresNothing() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-loss-refused");
        String title = library.title("Những tấm lòng cao cả");
        library.copy("NL-1", title);
        library.copy("NL-2", title);
        library.copy("NL-3", title);
        library.expect(200, api.post(library.base() + "/copies/NL-2/withdrawal", "{\"reason\":\"Rách\"}"));
        library.expect(200, api.post(library.base() + "/copies/NL-3/loss", "{}"));
        library.expect(201, library.checkOut("NL-1", "hs-an"));
        library.expect(201, library.placeHold(title, "hs-binh"));
        library.expect(200, library.checkIn("NL-1"));
        long events = eventCount();

        refused(api.post(library.base() + "/copies/KHONG-CO/loss", "{}"), 404, "COPY_NOT_FOUND");
        refused(api.post(library.base() + "/copies/NL-2/loss", "{}"), 409, "COPY_WITHDRAWN");
        refused(api.post(library.base() + "/copies/NL-3/loss", "{}"), 409, "COPY_LOST");
        refused(api.post(library.base() + "/copies/NL-1/loss", "{}"), 409, "COPY_ON_HOLD_SHELF");
        refused(api.post(library.base() + "/copies/NL-1/loss", "{\"patronId\":\"khong-co\"}"), 404, "PATRON_NOT_FOUND");
        refused(api.post(library.base() + "/copies/NL-1/loss", "{\"patronId\":\"hs an\"}"), 400, "VALIDATION_FAILED");
        ApiClient.Answer english = api.post(library.base() + "/copies/NL-3/loss", "{}", "Accept-Language", "en");
        assertThat(english.text("detail")).isEqualTo("Copy NL-3 has been reported lost and cannot circulate.");
        assertThat(api.post(library.base() + "/copies/NL-3/loss", "{}").text("detail"))
                .isEqualTo("Bản sách NL-3 đã được báo mất, không thể lưu thông.");

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aCopysDetailsAreCorrectedWholeAndTheDeskLendsAsTheyNowSay() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-copy-details");
        String title = library.title("Quê nội");
        library.copy("QN-1", title);
        String details = """
                {"acquiredOn":"2026-09-01","source":"Tặng","price":52000,"loanable":false,"callNumber":"895.922 V"}""";

        ApiClient.Answer corrected = library.expect(200, api.put(library.base() + "/copies/QN-1", details));

        assertThat(corrected.text("barcode")).isEqualTo("QN-1");
        assertThat(corrected.text("callNumber")).isEqualTo("895.922 V");
        assertThat(corrected.json().path("loanable").asBoolean()).isFalse();
        assertThat(typeAt(corrected.eventPosition())).endsWith(".CopyDetailsRevised");
        assertThat(payloadAt(corrected.eventPosition())).contains("\"barcode\":\"QN-1\"", "\"acquiredOn\":\"2026-09-01\"",
                "\"source\":\"Tặng\"", "\"price\":52000", "\"loanable\":false", "\"callNumber\":\"895.922 V\"");
        refused(library.checkOut("QN-1", "hs-an"), 409, "COPY_NOT_LOANABLE");
        long events = eventCount();
        ApiClient.Answer again = library.expect(200, api.put(library.base() + "/copies/QN-1", details.replace("52000", "52000.00")));
        assertThat(again.eventPosition()).as("the same details again store nothing").isEqualTo(corrected.eventPosition());
        assertThat(eventCount()).isEqualTo(events);

        library.expect(200, api.put(library.base() + "/copies/QN-1", "{\"price\":52000}"));
        assertThat(payloadsOf("CopyDetailsRevised", "th-copy-details").get(1))
                .as("absent details are no details; a copy is loanable unless said otherwise")
                .contains("\"acquiredOn\":null", "\"source\":null", "\"loanable\":true", "\"callNumber\":null");
        library.expect(201, library.checkOut("QN-1", "hs-an"));
    }

    @Test
    void everyRefusalOfACorrectionHasItsCodeAndStoresNothing() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-copy-details-refused");
        String title = library.title("Bỉ vỏ");
        library.copy("BV-1", title);
        library.copy("BV-2", title);
        library.copy("BV-3", title);
        library.expect(200, api.post(library.base() + "/copies/BV-2/withdrawal", "{\"reason\":\"Rách\"}"));
        library.expect(200, api.post(library.base() + "/copies/BV-3/loss", "{}"));
        long events = eventCount();

        refused(api.put(library.base() + "/copies/KHONG-CO", "{\"price\":1000}"), 404, "COPY_NOT_FOUND");
        refused(api.put(library.base() + "/copies/BV-2", "{\"price\":1000}"), 409, "COPY_WITHDRAWN");
        refused(api.put(library.base() + "/copies/BV-3", "{\"price\":1000}"), 409, "COPY_LOST");
        ApiClient.Answer invalid = api.put(library.base() + "/copies/BV-1",
                "{\"acquiredOn\":\"2099-01-01\",\"price\":-5,\"callNumber\":\"" + "x".repeat(51) + "\"}");
        refused(invalid, 400, "VALIDATION_FAILED");
        assertThat(invalid.json().path("errors").findValuesAsString("field")).contains("acquiredOn", "price", "callNumber");
        LibraryFixture other = LibraryFixture.primarySchool(api, "th-copy-details-other");
        long afterOther = eventCount();
        refused(api.put(other.base() + "/copies/BV-1", "{\"price\":1000}"), 404, "COPY_NOT_FOUND");

        assertThat(eventCount()).isEqualTo(afterOther);
        assertThat(afterOther - events).as("only the other school's set-up").isPositive();
    }

    /** Copies accessioned before intakes existed were stored without the field: they still load, with no intake. */
    @Test
    void aCopyStoredBeforeIntakesStillLoads() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-old-copy");
        String title = library.title("Hai vạn dặm dưới đáy biển");
        library.copy("HV-OLD", title);
        jdbc.sql("""
                        update domainevententry set payload = (payload::jsonb - 'intakeId')::text
                        where aggregateidentifier = 'copy:th-old-copy:HV-OLD'""").update();
        assertThat(jdbc.sql("select payload from domainevententry where aggregateidentifier = 'copy:th-old-copy:HV-OLD'")
                .query(String.class).single()).doesNotContain("intakeId");

        List<Object> payloads = eventStore.readEvents("copy:th-old-copy:HV-OLD").asStream().map(m -> (Object) m.getPayload()).toList();

        assertThat(payloads).singleElement().isInstanceOfSatisfying(CopyAccessioned.class, accessioned -> {
            assertThat(accessioned.barcode().value()).isEqualTo("HV-OLD");
            assertThat(accessioned.intakeId()).isNull();
        });
    }

    /**
     * A stocktake's close reads a title's document type and classification and when a copy last
     * circulated from the lookup tables; rows written before they had those columns are filled
     * from the events by the migration that added them.
     */
    @Test
    void theStocktakeLookupsOfEarlierTitlesAndCopiesAreFilledFromTheirEvents() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-lookups");
        library.patron("gv-lan", "Nguyễn Thị Lan", "TEACHER", null);
        String title = library.title("Dế Mèn phiêu lưu ký");
        library.expect(200, api.put(library.base() + "/titles/" + title, """
                {"title":"Dế Mèn phiêu lưu ký","authors":["Tô Hoài"],"classification":"895.922 TO-H","subjects":[],
                 "docType":"CHILDREN"}"""));
        library.copy("DM-1", title);
        library.copy("DM-2", title);
        library.expect(201, library.checkOut("DM-1", "gv-lan"));
        clock.setTo(TestClockConfiguration.FIRST_MONDAY, LocalTime.of(10, 30));
        library.expect(200, library.checkIn("DM-1"));
        String lookups = """
                select t.doc_type, t.classification, c.barcode, c.circulated_at
                from cmd_copy c join cmd_title t on t.school_id = c.school_id and t.title_id = c.title_id
                where c.school_id = 'th-lookups' order by c.barcode""";
        List<String> kept = jdbc.sql(lookups).query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)
                + "|" + (rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).list();
        assertThat(kept).containsExactly("CHILDREN|895.922 TO-H|DM-1|" + clock.instant(), "CHILDREN|895.922 TO-H|DM-2|null");

        jdbc.sql("update cmd_title set doc_type = null, classification = null where school_id = 'th-lookups'").update();
        jdbc.sql("update cmd_copy set circulated_at = null where school_id = 'th-lookups'").update();
        String migration = new String(getClass().getResourceAsStream("/db/command/V12__stocktake_lookups.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        jdbc.sql(migration.substring(migration.indexOf("do $$"))).update();

        assertThat(jdbc.sql(lookups).query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)
                + "|" + (rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).list()).isEqualTo(kept);
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    private String payloadAt(long position) {
        return jdbc.sql("select payload from domainevententry where globalindex = ?").param(position).query(String.class).single();
    }

    private String typeAt(long position) {
        return jdbc.sql("select payloadtype from domainevententry where globalindex = ?").param(position).query(String.class)
                .single();
    }

    private List<String> payloadsOf(String type, String school) {
        return jdbc.sql("""
                        select payload from domainevententry
                        where payloadtype like ? and payload like ? order by globalindex""")
                .params("%." + type, "%\"schoolId\":\"" + school + "\"%")
                .query(String.class).list();
    }

    /** A lookup handler that fails fails the command: events are never stored without their lookup rows. */
    @Test
    void aLookupTablesFailureFailsTheCommand() {
        assertThat(processing.listenerInvocationErrorHandler(vn.motsach.command.execution.LookupTables.PROCESSING_GROUP))
                .isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class);
    }
}
