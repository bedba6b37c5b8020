package vn.motsach.command.school;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** School years with their calendars, and loan policies. */
@Tag(name = "schools", description = "Trường, năm học, chính sách mượn")
@RestController
class SchoolSetUpController {

    private final CommandResponses commands;

    SchoolSetUpController(CommandResponses commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo năm học",
            content = @Content(schema = @Schema(implementation = SchoolYearBody.class)))
    @ApiResponse(responseCode = "200", description = "Đã cập nhật năm học",
            content = @Content(schema = @Schema(implementation = SchoolYearBody.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Đặt lịch một năm học: ngày bắt đầu, kết thúc, học kỳ, ngày nghỉ")
    @PutMapping("/api/v1/schools/{schoolId}/school-years/{schoolYear}")
    ResponseEntity<SchoolYearBody> scheduleYear(YearScheduling asked) {
        ScheduleSchoolYear command = asked.command();
        return commands.respond(command, registration -> ResponseEntity
                .status(registration == SchoolRegistration.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SchoolYearRequest.normalised(command)));
    }

    @ApiResponse(responseCode = "200", description = "Đã đặt chính sách mượn",
            content = @Content(schema = @Schema(implementation = LoanPolicyBody.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Đặt chính sách mượn của một đối tượng bạn đọc (STUDENT, TEACHER, STAFF)")
    @PutMapping("/api/v1/schools/{schoolId}/loan-policies/{category}")
    ResponseEntity<LoanPolicyBody> setLoanPolicy(LoanPolicySetting asked) {
        SetLoanPolicy command = asked.command();
        LoanPolicy policy = command.policy();
        return commands.respond(command, set -> ResponseEntity.ok(new LoanPolicyBody(command.category(), policy.loanDays(),
                policy.maxLoans(), policy.maxRenewals(), policy.holdPickupDays())));
    }

    /** {@code PUT .../school-years/{schoolYear}}: the year the path names, its calendar in the body. */
    record YearScheduling(ScheduleSchoolYear command) implements CheckedRequest {

        YearScheduling(RequestValues in, SchoolYearRequest body) {
            this(body.toCommand(in.check(), PathIds.school(in), in.value("schoolYear")));
        }
    }

    record LoanPolicySetting(SetLoanPolicy command) implements CheckedRequest {

        LoanPolicySetting(RequestValues in, LoanPolicyRequest body) {
            this(body.toCommand(in.check(), PathIds.school(in), in.value("category")));
        }
    }

    record SemesterRequest(Integer number, LocalDate startsOn, LocalDate endsOn) {
    }

    record SchoolYearRequest(LocalDate startsOn, LocalDate endsOn, @Nullable List<SemesterRequest> semesters,
            @Nullable List<LocalDate> closedDays) {

        /** The calendar of {@code schoolYear} at {@code school}; {@code null} when a check failed. */
        ScheduleSchoolYear toCommand(RequestCheck check, String school, String schoolYear) {
            if (!SchoolYear.isValid(schoolYear)) {
                check.problem("schoolYear", "schoolYear");
            }
            check.required("startsOn", startsOn);
            check.required("endsOn", endsOn);
            if (startsOn != null && endsOn != null && !startsOn.isBefore(endsOn)) {
                check.problem("endsOn", "notAfter", "startsOn");
            }
            if (startsOn != null && SchoolYear.isValid(schoolYear)
                    && startsOn.getYear() != Integer.parseInt(schoolYear.substring(0, 4))) {
                check.problem("startsOn", "notInSchoolYear", schoolYear);
            }
            List<Semester> checkedSemesters = new ArrayList<>();
            List<SemesterRequest> given = semesters == null ? List.of() : semesters;
            for (int i = 0; i < given.size(); i++) {
                SemesterRequest semester = given.get(i);
                String field = "semesters[" + i + "]";
                if (semester == null || semester.number() == null || semester.startsOn() == null || semester.endsOn() == null) {
                    check.problem(field, "required");
                    continue;
                }
                if (semester.number() != i + 1) {
                    check.problem(field + ".number", "semesterNumber", i + 1);
                }
                if (!semester.startsOn().isBefore(semester.endsOn())) {
                    check.problem(field + ".endsOn", "notAfter", "startsOn");
                }
                if (startsOn != null && endsOn != null
                        && (semester.startsOn().isBefore(startsOn) || semester.endsOn().isAfter(endsOn))) {
                    check.problem(field, "outsideSchoolYear");
                }
                if (!checkedSemesters.isEmpty() && !semester.startsOn().isAfter(checkedSemesters.get(checkedSemesters.size() - 1).endsOn())) {
                    check.problem(field + ".startsOn", "overlapsPrevious");
                }
                checkedSemesters.add(new Semester(semester.number(), semester.startsOn(), semester.endsOn()));
            }
            if (given.size() > 2) {
                check.problem("semesters", "tooMany", 2);
            }
            List<LocalDate> closed = closedDays == null ? List.of() : closedDays;
            if (closed.stream().anyMatch(day -> day == null)) {
                check.problem("closedDays", "noNulls");
            } else if (startsOn != null && endsOn != null
                    && closed.stream().anyMatch(day -> day.isBefore(startsOn) || day.isAfter(endsOn))) {
                check.problem("closedDays", "outsideSchoolYear");
            }
            return check.ifPassed(() -> new ScheduleSchoolYear(SchoolId.of(school), SchoolYear.of(schoolYear), startsOn, endsOn,
                    List.copyOf(checkedSemesters), closed.stream().distinct().sorted().toList()));
        }

        static SchoolYearBody normalised(ScheduleSchoolYear command) {
            return new SchoolYearBody(command.schoolYear().value(), command.startsOn(), command.endsOn(), command.semesters(),
                    command.closedDays());
        }
    }

    record SchoolYearBody(String schoolYear, LocalDate startsOn, LocalDate endsOn, List<Semester> semesters,
            List<LocalDate> closedDays) {
    }

    record LoanPolicyRequest(Integer loanDays, Integer maxLoans, Integer maxRenewals, Integer holdPickupDays) {

        /** The policy of {@code category} at {@code school}; {@code null} when a check failed. */
        SetLoanPolicy toCommand(RequestCheck check, String school, String category) {
            PatronCategory patronCategory = check.oneOf("category", category, PatronCategory.class);
            int days = inRange(check, "loanDays", loanDays, 1, 400);
            int loans = inRange(check, "maxLoans", maxLoans, 0, 100);
            int renewals = inRange(check, "maxRenewals", maxRenewals, 0, 20);
            int pickup = inRange(check, "holdPickupDays", holdPickupDays, 1, 30);
            return check.ifPassed(() -> new SetLoanPolicy(SchoolId.of(school), patronCategory,
                    new LoanPolicy(days, loans, renewals, pickup)));
        }

        private static int inRange(RequestCheck check, String field, Integer value, int min, int max) {
            if (check.required(field, value) == null) {
                return 0;
            }
            if (value < min || value > max) {
                check.problem(field, "range", min, max);
            }
            return value;
        }
    }

    record LoanPolicyBody(PatronCategory category, int loanDays, int maxLoans, int maxRenewals, int holdPickupDays) {
    }
}
