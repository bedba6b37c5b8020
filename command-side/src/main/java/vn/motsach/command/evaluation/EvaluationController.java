package vn.motsach.command.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.evaluation.EvaluationCommands.DeclareLibraryProfile;
import vn.motsach.command.evaluation.EvaluationCommands.SetCircular16Thresholds;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.evaluation.Circular16;
import vn.motsach.events.evaluation.DeclaredCriterion;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/**
 * The Circular 16/2022 evaluation's inputs: what a school declares of its library for a school
 * year, and the numbers an authority sets where the Circular leaves them open.
 */
@Tag(name = "circular-16", description = "Đánh giá thư viện theo Thông tư 16/2022")
@RestController
class EvaluationController {

    static final int MAX_CRITERIA = 50;
    static final int MAX_EVIDENCE = 20;
    static final int MAX_EVIDENCE_LENGTH = 500;
    static final BigDecimal MAX_AREA_M2 = new BigDecimal("100000");
    static final int MAX_SEATS = 100_000;
    static final BigDecimal MAX_COPIES_PER_PERSON = new BigDecimal("1000");
    static final int MAX_ACTIVITIES_PER_MONTH = 100;

    private final CommandResponses commands;

    EvaluationController(CommandResponses commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "200", description = "Đã ghi hồ sơ thư viện",
            content = @Content(schema = @Schema(implementation = ProfileRequest.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Khai báo hồ sơ thư viện của năm học (diện tích, chỗ ngồi, các tiêu chí tự đánh giá có minh chứng)",
            description = "Mã tiêu chí không có trong Thông tư 16 được trả lời 400 UNKNOWN_CRITERION; tiêu chí phần mềm tự tính "
                    + "thì không khai báo được (400 CRITERION_COMPUTED).")
    @PutMapping("/api/v1/schools/{schoolId}/library-profile/{schoolYear}")
    ResponseEntity<ProfileRequest> declare(Declaration asked) {
        return commands.respond(asked.command(), declared -> ResponseEntity.ok(asked.body()));
    }

    @ApiResponse(responseCode = "200", description = "Đã đặt các ngưỡng",
            content = @Content(schema = @Schema(implementation = ThresholdsBody.class)))
    @Operation(summary = "Đặt các ngưỡng Thông tư 16 mà cơ quan quản lý quy định cho một năm học",
            description = "Số bản sách/học sinh và /giáo viên ở mức độ 2 theo cấp học, số hoạt động thư viện mỗi tháng, "
                    + "các loại tài liệu được tính; phần không gửi giữ giá trị mặc định.")
    @PutMapping("/api/v1/authorities/{authorityId}/circular-16-thresholds/{schoolYear}")
    ResponseEntity<ThresholdsBody> thresholds(Thresholds asked) {
        SetCircular16Thresholds command = asked.command();
        return commands.respond(command, set -> ResponseEntity.ok(new ThresholdsBody(command.authorityId().value(),
                command.schoolYear().value(), command.copiesPerStudentLevel2(), command.copiesPerTeacherLevel2(),
                command.activitiesPerMonth(), command.countedDocTypes())));
    }

    record Declaration(DeclareLibraryProfile command, ProfileRequest body) implements CheckedRequest {

        Declaration(RequestValues in, ProfileRequest body) {
            this(body.toCommand(in.check(), PathIds.school(in), PathIds.schoolYear(in)), body);
        }
    }

    record Thresholds(SetCircular16Thresholds command) implements CheckedRequest {

        Thresholds(RequestValues in, ThresholdsRequest body) {
            this(body.toCommand(in.check(), PathIds.authority(in), PathIds.schoolYear(in)));
        }
    }

    record ProfileRequest(BigDecimal readingRoomM2, Integer seats, @Nullable List<CriterionRequest> criteria) {

        /** The declaration for the school and year the path names; {@code null} when a check failed. */
        DeclareLibraryProfile toCommand(RequestCheck check, String school, String year) {
            BigDecimal area = check.required("readingRoomM2", readingRoomM2);
            if (area != null && (area.signum() < 0 || area.compareTo(MAX_AREA_M2) > 0)) {
                check.problem("readingRoomM2", "range", 0, MAX_AREA_M2);
            }
            Integer checkedSeats = check.required("seats", seats);
            if (checkedSeats != null && (checkedSeats < 0 || checkedSeats > MAX_SEATS)) {
                check.problem("seats", "range", 0, MAX_SEATS);
            }
            List<CriterionRequest> given = criteria == null ? List.of() : criteria;
            if (given.size() > MAX_CRITERIA) {
                check.problem("criteria", "tooMany", MAX_CRITERIA);
                given = List.of();
            }
            List<DeclaredCriterion> declared = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (CriterionRequest criterion : given) {
                if (check.required("criteria", criterion) == null) {
                    continue;
                }
                String id = check.text("criteria.criterionId", criterion.criterionId(), 50);
                if (id != null && !seen.add(id)) {
                    check.problem("criteria.criterionId", "duplicateCriterion", id);
                }
                Boolean met = check.required("criteria.met", criterion.met());
                List<String> evidence = evidence(check, criterion.evidence());
                if (id != null && met != null) {
                    declared.add(new DeclaredCriterion(id, met, evidence));
                }
            }
            return check.ifPassed(() -> {
                for (DeclaredCriterion criterion : declared) {
                    refuseUndeclarable(criterion.criterionId());
                }
                return new DeclareLibraryProfile(SchoolId.of(school), SchoolYear.of(year), area.stripTrailingZeros(),
                        checkedSeats, List.copyOf(declared));
            });
        }

        private static List<String> evidence(RequestCheck check, @Nullable List<String> given) {
            if (given == null) {
                return List.of();
            }
            if (given.size() > MAX_EVIDENCE) {
                check.problem("criteria.evidence", "tooMany", MAX_EVIDENCE);
                return List.of();
            }
            List<String> evidence = new ArrayList<>();
            for (String line : given) {
                String checked = check.text("criteria.evidence", line, MAX_EVIDENCE_LENGTH);
                if (checked != null) {
                    evidence.add(checked);
                }
            }
            return evidence;
        }

        /** Only the criteria of the Circular that software cannot count may be declared. */
        private static void refuseUndeclarable(String id) {
            if (Circular16.criterion(id).isEmpty()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "UNKNOWN_CRITERION", id);
            }
            if (!Circular16.isDeclared(id)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "CRITERION_COMPUTED", id);
            }
        }
    }

    record CriterionRequest(String criterionId, Boolean met, @Nullable List<String> evidence) {
    }

    record ThresholdsRequest(
            @Schema(description = "bản sách/học sinh ở mức độ 2 theo cấp học, ví dụ {\"PRIMARY\": 4}") @Nullable Map<String, BigDecimal> copiesPerStudentLevel2,
            @Schema(description = "bản sách/giáo viên ở mức độ 2 theo cấp học") @Nullable Map<String, BigDecimal> copiesPerTeacherLevel2,
            @Schema(description = "hoạt động thư viện mỗi tháng (mặc định 1)") @Nullable Integer activitiesPerMonth,
            @Schema(description = "các loại tài liệu được tính (mặc định: tất cả trừ PERIODICAL, DIGITAL)") @Nullable List<String> countedDocTypes) {

        /** The thresholds for the authority and year the path names, defaults where left out; {@code null} when a check failed. */
        SetCircular16Thresholds toCommand(RequestCheck check, String authority, String year) {
            Map<EducationLevel, BigDecimal> perStudent = ratios(check, "copiesPerStudentLevel2", copiesPerStudentLevel2);
            Map<EducationLevel, BigDecimal> perTeacher = ratios(check, "copiesPerTeacherLevel2", copiesPerTeacherLevel2);
            int activities = activitiesPerMonth == null ? Circular16.DEFAULT_ACTIVITIES_PER_MONTH : activitiesPerMonth;
            if (activities < 0 || activities > MAX_ACTIVITIES_PER_MONTH) {
                check.problem("activitiesPerMonth", "range", 0, MAX_ACTIVITIES_PER_MONTH);
            }
            List<DocType> types;
            if (countedDocTypes == null) {
                types = Circular16.DEFAULT_COUNTED_DOC_TYPES.stream().sorted().toList();
            } else {
                types = check.nonEmpty("countedDocTypes", countedDocTypes).stream()
                        .map(type -> check.oneOf("countedDocTypes", type, DocType.class))
                        .filter(type -> type != null)
                        .distinct()
                        .sorted()
                        .toList();
            }
            return check.ifPassed(() -> new SetCircular16Thresholds(AuthorityId.of(authority), SchoolYear.of(year),
                    perStudent, perTeacher, activities, types));
        }

        private static Map<EducationLevel, BigDecimal> ratios(RequestCheck check, String field,
                @Nullable Map<String, BigDecimal> given) {
            Map<EducationLevel, BigDecimal> ratios = new EnumMap<>(EducationLevel.class);
            if (given == null) {
                return ratios;
            }
            given.forEach((level, ratio) -> {
                EducationLevel education = check.oneOf(field, level, EducationLevel.class);
                if (check.required(field, ratio) != null
                        && (ratio.signum() <= 0 || ratio.compareTo(MAX_COPIES_PER_PERSON) > 0 || ratio.scale() > 2)) {
                    check.problem(field, "range", "0.01", MAX_COPIES_PER_PERSON);
                } else if (education != null && ratio != null) {
                    ratios.put(education, ratio.stripTrailingZeros());
                }
            });
            return ratios;
        }
    }

    record ThresholdsBody(String authorityId, String schoolYear, Map<EducationLevel, BigDecimal> copiesPerStudentLevel2,
            Map<EducationLevel, BigDecimal> copiesPerTeacherLevel2, int activitiesPerMonth, List<DocType> countedDocTypes) {
    }
}
