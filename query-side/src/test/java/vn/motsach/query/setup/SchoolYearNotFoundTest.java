package vn.motsach.query.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.motsach.infra.web.Problems;
import vn.motsach.infra.web.WebAutoConfiguration;

/**
 * A school year not found is named when one was asked for; when none was, the refusal says no
 * year had begun by the day asked about, rather than calling a day a school year.
 */
class SchoolYearNotFoundTest {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Problems problems = new Problems(new WebAutoConfiguration().messageSource());

    @Test
    void aYearAskedForIsNamed() {
        assertThat(detail(VIETNAMESE, "2024-2025", 0)).isEqualTo("Trường chưa khai báo năm học 2024-2025.");
        assertThat(detail(Locale.ENGLISH, "2024-2025", 0)).isEqualTo("The school has not set up the school year 2024-2025.");
    }

    @Test
    void withoutAYearAskedTheDayIsNamedAsADay() {
        LocalDate today = LocalDate.of(2026, 9, 5);

        assertThat(detail(VIETNAMESE, today, 1))
                .isEqualTo("Đến ngày 05/09/2026, trường chưa có năm học nào đã bắt đầu.");
        assertThat(detail(Locale.ENGLISH, today, 1)).isEqualTo("By 5 September 2026, no school year of the school had begun.");
    }

    private String detail(Locale locale, Object... arguments) {
        return problems.of(HttpStatus.NOT_FOUND, "SCHOOL_YEAR_NOT_FOUND", arguments, List.of(), locale).getDetail();
    }
}
