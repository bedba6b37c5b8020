package vn.motsach.query.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.motsach.events.evaluation.Circular16.Source;
import vn.motsach.query.documents.Column;
import vn.motsach.query.documents.DocumentFormat;
import vn.motsach.query.documents.DocumentHeading;
import vn.motsach.query.documents.TableDocuments;
import vn.motsach.query.documents.TableWriter;
import vn.motsach.query.evaluation.AuthorityReportView.LevelSummary;
import vn.motsach.query.evaluation.AuthorityReportView.SchoolLine;
import vn.motsach.query.evaluation.EvaluationView.CriterionView;
import vn.motsach.query.evaluation.EvaluationView.MissingItem;
import vn.motsach.query.evaluation.EvaluationView.StandardView;

/** The Circular 16 documents as tables: a school's self-assessment report and an authority's report. */
final class Circular16Documents {

    static final String SELF_ASSESSMENT = "Báo cáo tự đánh giá thư viện theo Thông tư 16/2022/TT-BGDĐT";
    static final String AUTHORITY_REPORT = "Tổng hợp kết quả đánh giá thư viện trường học theo Thông tư 16/2022/TT-BGDĐT";

    private static final List<Column> CRITERIA = List.of(new Column("Tiêu chuẩn", 5), new Column("Mã tiêu chí", 13),
            new Column("Tiêu chí", 30), new Column("Nguồn", 9), new Column("Giá trị", 7), new Column("Ngưỡng mức độ 1", 8),
            new Column("Ngưỡng mức độ 2", 8), new Column("Đạt", 5), new Column("Mức độ", 9), new Column("Minh chứng", 30));

    private static final List<Column> SCHOOLS = List.of(new Column("STT", 4), new Column("Trường", 34), new Column("Cấp học", 18),
            new Column("Mức độ", 10), new Column("Tiêu chuẩn 1", 9), new Column("Tiêu chuẩn 2", 9), new Column("Tiêu chuẩn 3", 9),
            new Column("Tiêu chuẩn 4", 9), new Column("Tiêu chuẩn 5", 9));

    private Circular16Documents() {
    }

    /** One line per criterion with its evidence, each standard's result, the library's, then what is missing for the next level. */
    static void selfAssessment(EvaluationView evaluation, DocumentFormat format, LocalDate madeOn, OutputStream out) throws IOException {
        DocumentHeading heading = new DocumentHeading(evaluation.schoolName(), SELF_ASSESSMENT, "Năm học " + evaluation.schoolYear(),
                madeOn);
        try (TableWriter table = TableDocuments.open(format, heading, CRITERIA, out)) {
            for (StandardView standard : evaluation.standards()) {
                for (CriterionView criterion : standard.criteria()) {
                    table.row(Arrays.asList(standard.standard(), criterion.criterionId(), criterion.text(),
                            criterion.source() == Source.COMPUTED ? "Phần mềm tính" : "Trường khai báo", criterion.value(),
                            criterion.threshold(), criterion.thresholdLevel2(), criterion.met() ? "Có" : "Không",
                            Words.level(criterion.level()), String.join("; ", criterion.evidence())));
                }
                table.row(Arrays.asList(standard.standard(), null, "Kết quả tiêu chuẩn " + standard.standard() + ": " + standard.name(),
                        null, null, null, null, null, Words.level(standard.level()), null));
            }
            table.row(Arrays.asList(null, null, "Kết quả chung của thư viện", null, null, null, null, null,
                    Words.level(evaluation.level()), null));
            if (evaluation.missingForNextLevel().nextLevel() != null) {
                String wanted = "Cần làm để đạt " + Words.level(evaluation.missingForNextLevel().nextLevel()).toLowerCase(Locale.ROOT);
                for (MissingItem item : evaluation.missingForNextLevel().items()) {
                    // the words alone on their line, so that a PDF reader finds them whole
                    table.row(Arrays.asList(null, null, wanted + " (tiêu chuẩn " + item.standard() + "): " + item.text(), null, null,
                            null, null, null, null, null));
                }
            }
        }
    }

    /** The summary line of each education level and of all schools, then one line per school. */
    static void authorityReport(AuthorityReportView report, DocumentFormat format, LocalDate madeOn, OutputStream out)
            throws IOException {
        DocumentHeading heading = new DocumentHeading("Cơ quan quản lý: " + report.authorityId(), AUTHORITY_REPORT,
                "Năm học " + report.schoolYear(), madeOn);
        try (TableWriter table = TableDocuments.open(format, heading, SCHOOLS, out)) {
            List<LevelSummary> summaries = new ArrayList<>(report.levels());
            summaries.add(report.total());
            for (LevelSummary summary : summaries) {
                // the line alone in its row, so that a PDF reader finds it whole
                table.row(Arrays.asList(null, summary.summary(), null, null, null, null, null, null, null));
            }
            int number = 0;
            for (SchoolLine school : report.schools()) {
                List<Object> cells = new ArrayList<>(List.of(++number, school.name(),
                        String.join(", ", school.educationLevels().stream().map(Words::level).toList()), Words.level(school.level())));
                school.standards().forEach(level -> cells.add(Words.level(level)));
                table.row(cells);
            }
        }
    }
}
