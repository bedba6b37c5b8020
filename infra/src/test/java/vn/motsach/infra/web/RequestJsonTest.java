package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies are read strictly, and a refusal names the field it is about. */
class RequestJsonTest {

    private static final JsonMapper STRICT = RequestJson.strict(JsonMapper.builder().build());

    record Semester(Integer number, LocalDate startsOn) {
    }

    enum Shelf {
        OPEN,
        CLOSED
    }

    record Body(String barcode, Integer loanDays, Boolean loanable, BigDecimal threshold, LocalDate leftOn,
            OffsetDateTime startedAt, List<LocalDate> closedDays, List<Semester> semesters, List<String> names, Shelf shelf) {
    }

    @Test
    void aWellFormedBodyIsRead() {
        Body body = STRICT.readValue("""
                {"barcode":"TK/12","loanDays":14,"loanable":false,"threshold":0.75,"leftOn":"2026-09-05",
                 "startedAt":"2026-09-07T08:00:00+07:00","closedDays":["2027-02-08"],
                 "semesters":[{"number":1,"startsOn":"2026-09-05"}],"names":["An"]}""", Body.class);
        assertThat(body.barcode()).isEqualTo("TK/12");
        assertThat(body.threshold()).isEqualByComparingTo("0.75");
        assertThat(body.leftOn()).isEqualTo(LocalDate.of(2026, 9, 5));
    }

    @Test
    void eachLenientReadingIsRefusedNamingTheField() {
        assertRefused("{\"barcode\":true}", "barcode", "type");
        assertRefused("{\"barcode\":12}", "barcode", "type");
        assertRefused("{\"barcode\":\"a\\u0000b\"}", "barcode", "nul");
        assertRefused("{\"names\":[\"An\",\"B\\u0000\"]}", "names[1]", "nul");
        assertRefused("{\"loanDays\":1.5}", "loanDays", "type");
        // a blank text is no number, no flag: read as null, an optional field would take its default
        assertRefused("{\"loanDays\":\"\"}", "loanDays", "type");
        assertRefused("{\"loanDays\":\" \"}", "loanDays", "type");
        assertRefused("{\"loanDays\":\"\\u0000\"}", "loanDays", "nul");
        assertRefused("{\"threshold\":\" \"}", "threshold", "type");
        assertRefused("{\"loanable\":\"\"}", "loanable", "type");
        assertRefused("{\"loanDays\":\"14\"}", "loanDays", "type");
        assertRefused("{\"loanDays\":99999999999}", "loanDays", "type");
        assertRefused("{\"loanable\":1}", "loanable", "type");
        assertRefused("{\"loanable\":\"true\"}", "loanable", "type");
        assertRefused("{\"threshold\":1E-1000000}", "threshold", "type");
        assertRefused("{\"threshold\":1E+1000}", "threshold", "type");
        assertRefused("{\"threshold\":\"2\"}", "threshold", "type");
        assertRefused("{\"leftOn\":\"+9999999-01-01\"}", "leftOn", "date");
        assertRefused("{\"leftOn\":\"1999-12-31\"}", "leftOn", "date");
        assertRefused("{\"leftOn\":20260905}", "leftOn", "date");
        assertRefused("{\"startedAt\":\"2026-09-07T08:00:00\"}", "startedAt", "dateTime");
        assertRefused("{\"startedAt\":\"2101-01-01T08:00:00+07:00\"}", "startedAt", "dateTime");
        assertRefused("{\"closedDays\":[\"2027-02-08\",\"9999-01-01\"]}", "closedDays[1]", "date");
        assertRefused("{\"semesters\":[{\"number\":1,\"startsOn\":\"3000-01-01\"}]}", "semesters[0].startsOn", "date");
        assertRefused("{\"loanDays\":14,\"loanDays\":400}", "loanDays", "type");
        assertRefused("{\"loanDays\":14} {\"loanDays\":1}", "body", "malformedJson");
        assertRefused("{\"loanDays\":14", "body", "malformedJson");
    }

    @Test
    void aValueAnEnumerationDoesNotHaveIsRefusedWithTheValuesItHas() {
        ApiProblem.FieldProblem problem = RequestJson.problem(catchThrowable(() -> STRICT.readValue("{\"shelf\":\"AJAR\"}",
                Body.class)));

        assertThat(problem.field()).isEqualTo("shelf");
        assertThat(problem.messageKey()).isEqualTo("oneOf");
        assertThat(problem.arguments()).containsExactly("AJAR", "OPEN, CLOSED");
        assertRefused("{\"shelf\":[\"OPEN\"]}", "shelf", "oneOfText");
    }

    private static void assertRefused(String json, String field, String messageKey) {
        Throwable refused = catchThrowable(() -> STRICT.readValue(json, Body.class));
        assertThat(refused).as(json).isNotNull();
        ApiProblem.FieldProblem problem = RequestJson.problem(refused);
        assertThat(problem.field()).as(json + ": " + refused.getMessage()).isEqualTo(field);
        assertThat(problem.messageKey()).as(json + ": " + refused.getMessage()).isEqualTo(messageKey);
    }
}
