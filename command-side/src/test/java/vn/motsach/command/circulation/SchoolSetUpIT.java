package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/** The set-up endpoints through HTTP: created or updated, and every invalid field named. */
@SpringBootTest(classes = {CommandSideApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
class SchoolSetUpIT {

    @LocalServerPort
    int port;

    @Test
    void setUpIsCreatedOnceAndUpdatedAfter() {
        ApiClient api = new ApiClient(port);
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-setup");

        library.expect(200, api.put(library.base(), "{\"name\":\"Trường Tiểu học Lê Lợi\",\"educationLevels\":[\"PRIMARY\"]}"));
        library.expect(200, api.put(library.base() + "/classes/5a4", "{\"name\":\"5A4\",\"grade\":5,\"schoolYear\":\"2026-2027\","
                + "\"homeroomTeacherId\":\"gv-lan\"}"));
        library.expect(200, api.put(library.base() + "/patrons/hs-an",
                "{\"fullName\":\"Nguyễn Văn An\",\"category\":\"STUDENT\",\"classId\":\"5a4\"}"));
        ApiClient.Answer policy = library.expect(200, api.put(library.base() + "/loan-policies/TEACHER",
                "{\"loanDays\":60,\"maxLoans\":10,\"maxRenewals\":2,\"holdPickupDays\":5}"));
        assertThat(policy.json().path("maxLoans").asInt()).isEqualTo(10);
        assertThat(library.expect(201, api.post(library.base() + "/patrons/hs-an/departures", "{\"reason\":\"GRADUATED\"}"))
                .text("reason")).isEqualTo("GRADUATED");
        library.expect(200, api.post(library.base() + "/patrons/hs-an/departures", "{\"reason\":\"GRADUATED\"}"));
        // a second departure changes nothing, and the answer says the departure the patron has, not the one asked for
        ApiClient.Answer again = library.expect(200, api.post(library.base() + "/patrons/hs-an/departures",
                "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"2027-05-20\"}"));
        assertThat(again.text("reason")).isEqualTo("GRADUATED");
        assertThat(again.text("leftOn")).isNotEqualTo("2027-05-20");
    }

    /**
     * A departure is a day the patron left the school they had joined: one dated before the patron
     * was registered (the clock's 07/09/2026) is refused with both days as its reader writes them,
     * also when the refusal is given again under its key, and nothing is recorded (a departure
     * asked for afterwards is the first one).
     */
    @Test
    void aDepartureCannotBeDatedBeforeThePatronJoinedTheSchool() {
        ApiClient api = new ApiClient(port);
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-left-early");
        String departures = library.base() + "/patrons/hs-an/departures";

        ApiClient.Answer early = api.post(departures, "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"2026-09-05\"}",
                "Idempotency-Key", "left-early-1");

        refused(early, 409, "DEPARTURE_BEFORE_REGISTRATION");
        assertThat(early.text("detail"))
                .isEqualTo("Bạn đọc hs-an được đăng ký vào trường ngày 07/09/2026, nên không thể ghi nhận rời trường ngày 05/09/2026.");
        ApiClient.Answer english = api.post(departures, "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"2026-09-05\"}",
                "Accept-Language", "en");
        refused(english, 409, "DEPARTURE_BEFORE_REGISTRATION");
        assertThat(english.text("detail")).isEqualTo("Patron hs-an was registered at the school on 7 September 2026, so they"
                + " cannot be recorded as leaving on 5 September 2026.");
        // the first answer kept under its key keeps the days as days, to be written the repeat's reader's way
        ApiClient.Answer repeated = api.post(departures, "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"2026-09-05\"}",
                "Idempotency-Key", "left-early-1", "Accept-Language", "en");
        refused(repeated, 409, "DEPARTURE_BEFORE_REGISTRATION");
        assertThat(repeated.text("detail")).isEqualTo(english.text("detail"));
        // refused, nothing recorded: the departure asked for next is the patron's first, on the day they joined
        ApiClient.Answer sameDay = library.expect(201, api.post(departures, "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"2026-09-07\"}"));
        assertThat(sameDay.text("leftOn")).isEqualTo("2026-09-07");
    }

    @Test
    void aSchoolYearWithInvalidDatesListsEveryProblem() {
        ApiClient api = new ApiClient(port);
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-bad-year");

        ApiClient.Answer answer = api.put(library.base() + "/school-years/2026-2028", """
                {"startsOn":"2027-06-01","endsOn":"2027-05-31",
                 "semesters":[{"number":2,"startsOn":"2026-09-05","endsOn":"2027-01-17"}],
                 "closedDays":["2030-01-01"]}""");

        refused(answer, 400, "VALIDATION_FAILED");
        assertThat(fields(answer)).contains("schoolYear", "endsOn", "semesters[0].number", "semesters[0]", "closedDays");
    }

    @Test
    void invalidSetUpIsRefusedFieldByField() {
        ApiClient api = new ApiClient(port);
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-bad-setup");

        ApiClient.Answer policy = api.put(library.base() + "/loan-policies/PRINCIPAL", "{\"loanDays\":0,\"maxLoans\":2}");
        refused(policy, 400, "VALIDATION_FAILED");
        assertThat(fields(policy)).contains("category", "loanDays", "maxRenewals", "holdPickupDays");

        ApiClient.Answer title = api.post(library.base() + "/titles", "{\"title\":\" \",\"isbn\":\"978-0-00-000000-1\",\"docType\":\"NOVEL\"}");
        refused(title, 400, "VALIDATION_FAILED");
        assertThat(fields(title)).contains("title", "isbn", "docType");

        ApiClient.Answer patron = api.put(library.base() + "/patrons/hs%20an", "{\"category\":\"PARENT\"}");
        refused(patron, 400, "VALIDATION_FAILED");
        assertThat(fields(patron)).contains("patronId", "fullName", "category");
        assertThat(patron.json().path("errors").findValuesAsString("message"))
                .contains("Không có giá trị \"PARENT\": phải là một trong các giá trị STUDENT, TEACHER, STAFF.");
    }

    @Test
    void vietnameseTextIsKeptNfcNormalised() {
        ApiClient api = new ApiClient(port);
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-nfc");
        String decomposed = java.text.Normalizer.normalize("Dế Mèn phiêu lưu ký", java.text.Normalizer.Form.NFD);

        String titleId = library.expect(201, api.post(library.base() + "/titles",
                "{\"title\":\"" + decomposed + "\",\"docType\":\"CHILDREN\"}")).text("titleId");

        assertThat(titleId).isNotBlank();
        assertThat(decomposed).isNotEqualTo("Dế Mèn phiêu lưu ký");
        library.copy("DM-NFC", titleId);
        assertThat(library.expect(201, library.checkOut("DM-NFC", "hs-an")).text("title")).isEqualTo("Dế Mèn phiêu lưu ký");
    }

    private static List<String> fields(ApiClient.Answer answer) {
        return answer.json().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }

}
