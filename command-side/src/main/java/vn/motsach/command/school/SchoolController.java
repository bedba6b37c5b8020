package vn.motsach.command.school;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.security.Role;
import vn.motsach.infra.time.TimeAutoConfiguration;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

@Tag(name = "schools", description = "Trường, năm học, chính sách mượn")
@RestController
class SchoolController {

    private final CommandResponses commands;
    private final SchoolLookups schools;
    private final Clock clock;

    SchoolController(CommandResponses commands, SchoolLookups schools, Clock clock) {
        this.commands = commands;
        this.schools = schools;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "Đã đăng ký trường", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Đã cập nhật trường", useReturnTypeSchema = true)
    @Operation(summary = "Đăng ký hoặc cập nhật một trường")
    @PutMapping("/api/v1/schools/{schoolId}")
    ResponseEntity<SchoolBody> register(Registration asked) {
        RegisterSchool command = asked.command(this::currentSchoolYear);
        refuseRewritingPastYears(command);
        return commands.respond(command,
                registration -> ResponseEntity.status(registration == SchoolRegistration.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new SchoolBody(command.schoolId().value(), command.name(), command.educationLevels(),
                                command.authorityId() == null ? null : command.authorityId().value(),
                                command.authorityFrom().value())));
    }

    /**
     * Which authority a school reported to in a year past is the system administrator's to
     * correct: a school's own administrator moves it from the current year on, so its earlier
     * figures cannot be taken from the authority that counted them.
     */
    private void refuseRewritingPastYears(RegisterSchool command) {
        boolean systemAdministrator = CurrentCaller.get().map(caller -> caller.roles().contains(Role.SYSTEM_ADMIN)).orElse(false);
        SchoolYear current = currentSchoolYear(command.schoolId());
        if (!systemAdministrator && command.authorityFrom().value().compareTo(current.value()) < 0) {
            RequestCheck check = RequestCheck.of();
            check.problem("authorityFromSchoolYear", "notBefore", current.value());
            check.orRefuse();
        }
    }

    /** The school year holding today in the school's own calendar, else the August-to-July year. */
    private SchoolYear currentSchoolYear(SchoolId school) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeAutoConfiguration.SCHOOL_ZONE);
        return schools.schoolYearOn(school, today).map(SchoolYear::of).orElseGet(() -> SchoolYear.holding(today));
    }

    /** The request, checked; its command once the current school year is known, when it names none. */
    record Registration(SchoolRequest.Checked checked) implements CheckedRequest {

        Registration(RequestValues in, SchoolRequest body) {
            this(body.toCommand(in.check(), PathIds.school(in)));
        }

        RegisterSchool command(Function<SchoolId, SchoolYear> currentSchoolYear) {
            return checked.command(currentSchoolYear);
        }
    }

    /**
     * @param authorityFromSchoolYear the school year from which {@code authorityId} applies (absent:
     *        the current one); the school's figures of the years before stay with the authority it had
     */
    record SchoolRequest(String name,
            @ArraySchema(schema = @Schema(implementation = EducationLevel.class)) List<String> educationLevels,
            @Nullable String authorityId,
            @Schema(example = "2025-2026") @Nullable String authorityFromSchoolYear) {

        /** The school the path names, as described; {@code null} when a check failed. */
        Checked toCommand(RequestCheck check, String id) {
            String checkedName = check.text("name", name, 200);
            List<EducationLevel> levels = check.nonEmpty("educationLevels", educationLevels).stream()
                    .map(level -> check.oneOf("educationLevels", level, EducationLevel.class))
                    .toList();
            String authority = check.optionalMatching("authorityId", authorityId, AuthorityId.FORMAT);
            if (authorityFromSchoolYear != null && !SchoolYear.isValid(authorityFromSchoolYear)) {
                check.problem("authorityFromSchoolYear", "schoolYear");
            }
            return check.ifPassed(() -> new Checked(SchoolId.of(id), checkedName, levels.stream().sorted().toList(),
                    authority == null ? null : AuthorityId.of(authority),
                    authorityFromSchoolYear == null ? null : SchoolYear.of(authorityFromSchoolYear)));
        }

        record Checked(SchoolId schoolId, String name, List<EducationLevel> levels, @Nullable AuthorityId authorityId,
                @Nullable SchoolYear authorityFrom) {

            RegisterSchool command(Function<SchoolId, SchoolYear> currentSchoolYear) {
                return new RegisterSchool(schoolId, name, levels, authorityId,
                        authorityFrom == null ? currentSchoolYear.apply(schoolId) : authorityFrom);
            }
        }
    }

    /** @param authorityFromSchoolYear the school year from which {@code authorityId} applies */
    record SchoolBody(String schoolId, String name, List<EducationLevel> educationLevels, @Nullable String authorityId,
            String authorityFromSchoolYear) {
    }
}
