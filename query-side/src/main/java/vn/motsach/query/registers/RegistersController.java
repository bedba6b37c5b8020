package vn.motsach.query.registers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.DayRange;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.documents.DocumentFormat;
import vn.motsach.query.documents.DocumentHeading;
import vn.motsach.query.documents.DocumentResponses;
import vn.motsach.query.documents.TableDocuments;
import vn.motsach.query.documents.TableWriter;
import vn.motsach.query.schools.SchoolNames;
import vn.motsach.query.setup.SchoolYears;
import vn.motsach.query.setup.SchoolYears.YearDates;

/** The registers a school library keeps (sổ đăng ký cá biệt, sổ đăng ký tổng quát), as XLSX or PDF, streamed. */
@Tag(name = "documents", description = "Sổ sách, nhãn, báo cáo")
@RestController
class RegistersController {

    private final SchoolNames schoolNames;
    private final IndividualRegister individual;
    private final GeneralRegister general;
    private final SchoolYears years;
    private final Clock clock;

    RegistersController(SchoolNames schoolNames, IndividualRegister individual, GeneralRegister general, SchoolYears years,
            Clock clock) {
        this.schoolNames = schoolNames;
        this.individual = individual;
        this.general = general;
        this.years = years;
        this.clock = clock;
    }

    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Sổ đăng ký cá biệt (The individual register)",
            description = "Mỗi bản sách một dòng theo thứ tự vào sổ; bản đã thanh lý hoặc mất ghi ngày và lý do xuất. "
                    + "from, to (YYYY-MM-DD) giới hạn theo ngày vào sổ, mặc định toàn bộ sổ; format=XLSX (mặc định) hoặc PDF.")
    @GetMapping("/api/v1/schools/{schoolId}/registers/individual")
    ResponseEntity<StreamingResponseBody> individual(IndividualAsked asked) {
        DocumentHeading heading = new DocumentHeading(schoolNames.of(asked.schoolId()), "Sổ đăng ký cá biệt",
                period(asked.range()), SchoolDates.today(clock));
        return DocumentResponses.file(asked.format(), "so-dang-ky-ca-biet-" + asked.schoolId(), out -> {
            try (TableWriter table = TableDocuments.open(asked.format(), heading, IndividualRegister.COLUMNS, out)) {
                individual.write(asked.schoolId(), asked.range(), table);
            }
        });
    }

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "SCHOOL_YEAR_NOT_FOUND"})
    @Operation(summary = "Sổ đăng ký tổng quát (The general register)",
            description = "Một năm học: phần I mỗi đợt nhập một dòng, phần II mỗi quyết định thanh lý một dòng (và sách mất), "
                    + "phần III tổng số đầu năm, nhập, xuất, cuối năm; số bản theo loại tài liệu và giá trị. schoolYear mặc định "
                    + "năm học hiện tại; format=XLSX (mặc định) hoặc PDF.")
    @GetMapping("/api/v1/schools/{schoolId}/registers/general")
    ResponseEntity<StreamingResponseBody> general(GeneralAsked asked) {
        String name = schoolNames.of(asked.schoolId());
        YearDates year = years.askedOrCurrent(asked.schoolId(), asked.schoolYear(), SchoolDates.today(clock));
        DocumentHeading heading = new DocumentHeading(name, "Sổ đăng ký tổng quát", "Năm học " + year.schoolYear()
                + " (" + year.startsOn().format(DocumentHeading.VIETNAMESE_DATE) + " – "
                + year.endsOn().format(DocumentHeading.VIETNAMESE_DATE) + ")", SchoolDates.today(clock));
        return DocumentResponses.file(asked.format(), "so-dang-ky-tong-quat-" + asked.schoolId() + "-" + year.schoolYear(), out -> {
            try (TableWriter table = TableDocuments.open(asked.format(), heading, GeneralRegister.COLUMNS, out)) {
                general.write(asked.schoolId(), year, table);
            }
        });
    }

    private static String period(DayRange range) {
        if (range.from() == null && range.to() == null) {
            return "Toàn bộ sổ";
        }
        String from = range.from() == null ? "" : "từ " + range.from().format(DocumentHeading.VIETNAMESE_DATE) + " ";
        String to = range.to() == null ? "" : "đến " + range.to().format(DocumentHeading.VIETNAMESE_DATE);
        return (from + to).strip();
    }

    /** {@code format} as typed, in any case; XLSX unless asked. */
    static DocumentFormat formatOf(RequestValues in) {
        String typed = in.value("format");
        if (typed == null || typed.isBlank()) {
            return DocumentFormat.XLSX;
        }
        try {
            return DocumentFormat.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            in.check().problem("format", "documentFormat", "XLSX, PDF");
            return DocumentFormat.XLSX;
        }
    }

    record GeneralAsked(String schoolId, String schoolYear, DocumentFormat format) implements CheckedRequest {

        GeneralAsked(RequestValues in) {
            this(PathIds.school(in), PathIds.optionalSchoolYear(in), formatOf(in));
        }
    }

    record IndividualAsked(String schoolId, DayRange range, DocumentFormat format) implements CheckedRequest {

        IndividualAsked(RequestValues in) {
            this(PathIds.school(in), DayRange.of(in), formatOf(in));
        }
    }
}
