package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.motsach.infra.web.WebAutoConfiguration;

/**
 * A day an import's issue names is kept with the job as a day, and its message (the job's answer,
 * the report workbook) writes it as a refusal does: 01/06/2027 in Vietnamese, 1 June 2027 in English.
 */
class ImportIssueDaysTest {

    private static final LocalDate CLOSED = LocalDate.of(2027, 6, 1);

    private final ImportController controller = new ImportController(null, null, null, null, null, null, null,
            new WebAutoConfiguration().messageSource(), null);

    @Test
    void aDayIsKeptAsADayAndTheRestAsText() {
        ImportIssue issue = closedClass();

        assertThat(issue.arguments()).containsExactly("4A1", "4a1", "day:2027-06-01");
        assertThat(ImportIssue.argument("day:2027-06-01")).isEqualTo(CLOSED);
        assertThat(ImportIssue.argument("2027-06-01")).isEqualTo("2027-06-01");
        assertThat(ImportIssue.argument("day:tháng sáu")).isEqualTo("day:tháng sáu");
    }

    @Test
    void itsMessageWritesTheDayTheReadersWay() {
        assertThat(controller.message(closedClass(), Locale.forLanguageTag("vi")))
                .isEqualTo("Lớp 4A1 (mã 4a1) đã đóng từ ngày 01/06/2027, không nhận thêm học sinh.");
        assertThat(controller.message(closedClass(), Locale.ENGLISH))
                .isEqualTo("Class 4A1 (id 4a1) has been closed since 1 June 2027: it takes no new student.");
    }

    private static ImportIssue closedClass() {
        SourceRecord<String> row = new SourceRecord<>(7, "Học sinh", 8, "hs-an, Nguyễn Văn An, 4a1", "hs-an");
        return ImportIssue.error(row, "classId", "CLASS_CLOSED", "4A1", "4a1", CLOSED);
    }
}
