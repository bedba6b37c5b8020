package vn.motsach.query.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolYear;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.authorities.AuthorityCoverage;
import vn.motsach.query.documents.DocumentFormat;
import vn.motsach.query.documents.DocumentResponses;

/**
 * The Circular 16/2022 evaluation, live from the projections: a school's, its self-assessment
 * report, and an authority's report over the schools it covers.
 */
@Tag(name = "circular-16", description = "Đánh giá thư viện theo Thông tư 16/2022")
@RestController
class Circular16QueryController {

    private final Circular16Facts facts;
    private final AuthorityCoverage coverage;
    private final Clock clock;
    private final JsonMapper json;

    Circular16QueryController(Circular16Facts facts, AuthorityCoverage coverage, Clock clock, JsonMapper json) {
        this.facts = facts;
        this.coverage = coverage;
        this.clock = clock;
        this.json = json;
    }

    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Đánh giá thư viện của trường theo Thông tư 16/2022 trong một năm học (Circular 16 evaluation)",
            description = "Năm tiêu chuẩn, mỗi tiêu chí do phần mềm tính từ dữ liệu hoặc do trường khai báo, với giá trị, "
                    + "ngưỡng, đạt hay không, minh chứng; mức độ của từng tiêu chuẩn và của trường; những gì còn thiếu để lên mức sau.")
    @GetMapping("/api/v1/schools/{schoolId}/circular-16/{schoolYear}")
    EvaluationView school(SchoolAsked asked) {
        return evaluate(asked.schoolId(), asked.schoolYear());
    }

    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Báo cáo tự đánh giá thư viện theo Thông tư 16/2022 (self-assessment report)",
            description = "format=JSON (mặc định), XLSX hoặc PDF; kèm danh sách minh chứng của từng tiêu chí.")
    @GetMapping("/api/v1/schools/{schoolId}/circular-16/{schoolYear}/self-assessment")
    ResponseEntity<StreamingResponseBody> selfAssessment(SchoolAsked asked) {
        EvaluationView evaluation = evaluate(asked.schoolId(), asked.schoolYear());
        if (asked.format() == null) {
            return json(evaluation);
        }
        LocalDate today = SchoolDates.today(clock);
        return DocumentResponses.file(asked.format(), "tu-danh-gia-tt16-" + asked.schoolId() + "-" + asked.schoolYear(),
                out -> Circular16Documents.selfAssessment(evaluation, asked.format(), today, out));
    }

    @Operation(summary = "Tổng hợp đánh giá thư viện các trường của cơ quan quản lý theo Thông tư 16/2022 (authority report)",
            description = "Theo cấp học: số trường, số và tỉ lệ đạt mức độ 1, mức độ 2, chưa đạt; rồi mỗi trường một dòng với "
                    + "mức độ từng tiêu chuẩn. format=JSON (mặc định), XLSX hoặc PDF.")
    @GetMapping("/api/v1/authorities/{authorityId}/circular-16/{schoolYear}")
    ResponseEntity<StreamingResponseBody> authority(AuthorityAsked asked) {
        Instant now = clock.instant();
        List<String> schools = coverage.schoolsCoveredBy(new AuthorityId(asked.authorityId()), new SchoolYear(asked.schoolYear())).stream()
                .map(AuthorityCoverage.CoveredSchool::schoolId)
                .toList();
        List<EvaluationView> evaluations = facts.of(schools, asked.schoolYear(), SchoolDates.dateOf(now)).values().stream()
                .map(school -> Circular16Evaluation.evaluate(school, now))
                .toList();
        AuthorityReportView report = AuthorityReport.of(asked.authorityId(), asked.schoolYear(), evaluations, now);
        if (asked.format() == null) {
            return json(report);
        }
        LocalDate today = SchoolDates.dateOf(now);
        return DocumentResponses.file(asked.format(), "tong-hop-tt16-" + asked.authorityId() + "-" + asked.schoolYear(),
                out -> Circular16Documents.authorityReport(report, asked.format(), today, out));
    }

    /** The JSON answer of a route that may answer a document instead: Spring MVC streams one declared type. */
    private ResponseEntity<StreamingResponseBody> json(Object view) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, view));
    }

    private EvaluationView evaluate(String school, String schoolYear) {
        Instant now = clock.instant();
        SchoolFacts found = facts.of(List.of(school), schoolYear, SchoolDates.dateOf(now)).get(school);
        if (found == null) {
            throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, school);
        }
        return Circular16Evaluation.evaluate(found, now);
    }

    /** {@code format}: {@code null} for JSON, the default. */
    private static DocumentFormat formatOf(RequestValues in) {
        String typed = in.value("format");
        if (typed == null || typed.isBlank() || typed.strip().equalsIgnoreCase("JSON")) {
            return null;
        }
        String named = typed.strip().toUpperCase(Locale.ROOT);
        for (DocumentFormat format : DocumentFormat.values()) {
            if (format.name().equals(named)) {
                return format;
            }
        }
        // JSON is no document format but a value the API takes, so RequestCheck.oneOf would leave it out of the list
        in.check().problem("format", "oneOf", typed, "JSON, " + String.join(", ",
                Arrays.stream(DocumentFormat.values()).sorted().map(Enum::name).toList()));
        return null;
    }

    record SchoolAsked(String schoolId, String schoolYear, DocumentFormat format) implements CheckedRequest {

        SchoolAsked(RequestValues in) {
            this(PathIds.school(in), PathIds.schoolYear(in), formatOf(in));
        }
    }

    record AuthorityAsked(String authorityId, String schoolYear, DocumentFormat format) implements CheckedRequest {

        AuthorityAsked(RequestValues in) {
            this(PathIds.authority(in), PathIds.schoolYear(in), formatOf(in));
        }
    }
}
