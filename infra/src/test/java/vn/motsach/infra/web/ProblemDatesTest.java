package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A day a problem names is written as its reader writes days: 05/09/2026 in Vietnamese, 5 September 2026 in English. */
class ProblemDatesTest {

    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 5);
    private static final LocalDate JANUARY = LocalDate.of(2027, 1, 15);

    private final Problems problems = new Problems(new WebAutoConfiguration().messageSource());

    @Test
    void aVietnameseReaderReadsDayMonthYearInDigits() {
        assertThat(detail("PATRON_LEAVING", WebAutoConfiguration.VIETNAMESE, "hs-an", SEPTEMBER))
                .startsWith("Bạn đọc hs-an rời trường ngày 05/09/2026;");
        assertThat(detail("CLASS_MOVE_BEFORE_REGISTRATION", WebAutoConfiguration.VIETNAMESE, "hs-an", SEPTEMBER, JANUARY))
                .isEqualTo("Bạn đọc hs-an được đăng ký từ ngày 15/01/2027, nên không thể chuyển lớp từ ngày 05/09/2026.");
    }

    @Test
    void anEnglishReaderReadsTheMonthsName() {
        assertThat(detail("PATRON_LEAVING", Locale.ENGLISH, "hs-an", SEPTEMBER))
                .startsWith("Patron hs-an leaves the school on 5 September 2026;");
        assertThat(detail("CLASS_MOVE_BEFORE_REGISTRATION", Locale.forLanguageTag("en-US"), "hs-an", SEPTEMBER, JANUARY))
                .isEqualTo("Patron hs-an was registered on 15 January 2027, so they cannot move class from 5 September 2026.");
    }

    /** A moment of the school's day (when a rollover was asked for) is written with its day, the reader's way. */
    @Test
    void aMomentIsWrittenWithItsDay() {
        LocalDateTime asked = LocalDateTime.of(2027, 6, 1, 9, 5);

        assertThat(Problems.inWords(new Object[] {asked, "hs-an"}, WebAutoConfiguration.VIETNAMESE))
                .containsExactly("09:05 01/06/2027", "hs-an");
        assertThat(Problems.inWords(new Object[] {asked}, Locale.ENGLISH)).containsExactly("09:05, 1 June 2027");
    }

    @Test
    void aReaderOfAnotherLanguageGetsTheVietnameseWordsAndTheirDays() {
        assertThat(detail("OUTSIDE_SCHOOL_YEAR", Locale.FRENCH, JANUARY)).startsWith("Ngày 15/01/2027 không thuộc năm học nào");
    }

    @Test
    void aFieldsMessageWritesItsDaysTheSameWay() {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0],
                List.of(new ApiProblem.FieldProblem("to", "notBefore", SEPTEMBER)), Locale.ENGLISH);

        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(Map.of("field", "to", "message",
                "May not be before 5 September 2026.")));
    }

    /** A date that is no date names its bounds as it shows the value: as it must be sent. */
    @Test
    void theBoundsOfADateFieldAreWrittenAsTheValueIsSent() {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", new Object[0],
                List.of(InputBounds.outOfBounds("on", "date")), WebAutoConfiguration.VIETNAMESE);

        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(Map.of("field", "on", "message",
                "Phải là một ngày dạng 2026-09-05, từ 2000-01-01 đến 2100-12-31.")));
    }

    private String detail(String code, Locale locale, Object... arguments) {
        return problems.of(HttpStatus.CONFLICT, code, arguments, List.of(), locale).getDetail();
    }
}
