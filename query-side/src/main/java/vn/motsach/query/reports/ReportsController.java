package vn.motsach.query.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.events.Semester;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.documents.DocumentHeading;
import vn.motsach.query.documents.DocumentResponses;
import vn.motsach.query.documents.TableDocuments;
import vn.motsach.query.documents.TableWriter;
import vn.motsach.query.schools.SchoolNames;
import vn.motsach.query.setup.SchoolYears;
import vn.motsach.query.setup.SchoolYears.YearDates;

/** The reports a school library sends: its yearly statistics and its semester report, as JSON numbers or as a document. */
@Tag(name = "documents", description = "Sổ sách, nhãn, báo cáo")
@RestController
class ReportsController {

    private final SchoolNames schoolNames;
    private final SchoolYears years;
    private final LibraryStatistics statistics;
    private final SemesterReport semesterReport;
    private final JsonMapper json;
    private final Clock clock;

    ReportsController(SchoolNames schoolNames, SchoolYears years, LibraryStatistics statistics, SemesterReport semesterReport,
            JsonMapper json, Clock clock) {
        this.schoolNames = schoolNames;
        this.years = years;
        this.statistics = statistics;
        this.semesterReport = semesterReport;
        this.json = json;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "200", description = "Số liệu (JSON) hoặc tệp XLSX, PDF",
            content = @Content(schema = @Schema(implementation = StatisticsView.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "SCHOOL_YEAR_NOT_FOUND"})
    @Operation(summary = "Thống kê thư viện hằng năm theo Thông tư 18/2014 (Yearly library statistics)",
            description = "Vốn tài liệu cuối năm học theo loại tài liệu, ngôn ngữ, môn loại; lượt mượn về nhà và đọc tại thư viện; "
                    + "bạn đọc đăng ký, bạn đọc mới, lượt đến thư viện. schoolYear mặc định năm học hiện tại; "
                    + "format=JSON (mặc định), XLSX hoặc PDF.")
    @GetMapping("/api/v1/schools/{schoolId}/statistics")
    ResponseEntity<StreamingResponseBody> statistics(YearAsked asked) {
        String name = schoolNames.of(asked.schoolId());
        LocalDate today = SchoolDates.today(clock);
        YearDates year = years.askedOrCurrent(asked.schoolId(), asked.schoolYear(), today);
        StatisticsView view = statistics.of(asked.schoolId(), name, year, today);
        if (asked.format() == ReportFormat.JSON) {
            return numbers(view);
        }
        DocumentHeading heading = new DocumentHeading(name, StatisticsDocument.TITLE, "Năm học " + year.schoolYear(), today);
        return DocumentResponses.file(asked.format().document(), "thong-ke-" + asked.schoolId() + "-" + year.schoolYear(), out -> {
            try (TableWriter table = TableDocuments.open(asked.format().document(), heading, StatisticsDocument.COLUMNS, out)) {
                StatisticsDocument.write(view, table);
            }
        });
    }

    @ApiResponse(responseCode = "200", description = "Số liệu (JSON) hoặc tệp XLSX, PDF",
            content = @Content(schema = @Schema(implementation = SemesterReportView.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "SCHOOL_YEAR_NOT_FOUND", "SEMESTER_NOT_FOUND"})
    @Operation(summary = "Báo cáo hoạt động thư viện học kỳ (Semester activity report)",
            description = "Vốn tài liệu cuối học kỳ và tài liệu nhập; lượt mượn theo lớp và loại tài liệu; bạn đọc tích cực; "
                    + "tiết đọc thư viện của từng lớp; sự kiện đọc sách và người tham gia; mục tiêu văn hóa đọc và tiến độ. "
                    + "schoolYear mặc định năm học hiện tại, semester mặc định học kỳ hiện tại; format=JSON (mặc định), XLSX hoặc PDF.")
    @GetMapping("/api/v1/schools/{schoolId}/reports/semester")
    ResponseEntity<StreamingResponseBody> semester(SemesterAsked asked) {
        String name = schoolNames.of(asked.schoolId());
        LocalDate today = SchoolDates.today(clock);
        YearDates year = years.askedOrCurrent(asked.schoolId(), asked.schoolYear(), today);
        Semester semester = years.semesterAskedOrCurrent(asked.schoolId(), year, asked.semester(), today);
        SemesterReportView view = semesterReport.of(asked.schoolId(), name, year, semester, today);
        if (asked.format() == ReportFormat.JSON) {
            return numbers(view);
        }
        DocumentHeading heading = new DocumentHeading(name, SemesterDocument.TITLE, SemesterDocument.period(view), today);
        return DocumentResponses.file(asked.format().document(),
                "bao-cao-hoc-ky-" + asked.schoolId() + "-" + year.schoolYear() + "-hk" + semester.number(), out -> {
                    try (TableWriter table = TableDocuments.open(asked.format().document(), heading, SemesterDocument.COLUMNS,
                            out)) {
                        SemesterDocument.write(view, table);
                    }
                });
    }

    /** A report's numbers as JSON, answered the way its documents are (a document answer is a stream). */
    private ResponseEntity<StreamingResponseBody> numbers(Object view) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, view));
    }

    record YearAsked(String schoolId, String schoolYear, ReportFormat format) implements CheckedRequest {

        YearAsked(RequestValues in) {
            this(PathIds.school(in), PathIds.optionalSchoolYear(in), ReportFormat.of(in));
        }
    }

    /** A semester of a school year: semester 1 to 9 as typed; which of them the year has is the year's to say. */
    record SemesterAsked(String schoolId, String schoolYear, Integer semester, ReportFormat format) implements CheckedRequest {

        static final int MOST_SEMESTERS = 9;

        SemesterAsked(RequestValues in) {
            this(PathIds.school(in), PathIds.optionalSchoolYear(in), semester(in), ReportFormat.of(in));
        }

        private static Integer semester(RequestValues in) {
            String typed = in.value("semester");
            if (typed == null || typed.isBlank()) {
                return null;
            }
            if (!typed.strip().matches("[0-9]{1,2}") || Integer.parseInt(typed.strip()) < 1
                    || Integer.parseInt(typed.strip()) > MOST_SEMESTERS) {
                in.check().problem("semester", "range", 1, MOST_SEMESTERS);
                return null;
            }
            return Integer.parseInt(typed.strip());
        }
    }
}
