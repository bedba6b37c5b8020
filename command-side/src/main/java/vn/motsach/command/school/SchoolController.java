package vn.motsach.command.school;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

@Tag(name = "schools", description = "Trường, năm học, chính sách mượn")
@RestController
class SchoolController {

    private final CommandResponses commands;

    SchoolController(CommandResponses commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Đã đăng ký trường", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Đã cập nhật trường", useReturnTypeSchema = true)
    @Operation(summary = "Đăng ký hoặc cập nhật một trường")
    @PutMapping("/api/v1/schools/{schoolId}")
    ResponseEntity<SchoolBody> register(Registration asked) {
        RegisterSchool command = asked.command();
        return commands.respond(command,
                registration -> ResponseEntity.status(registration == SchoolRegistration.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new SchoolBody(command.schoolId().value(), command.name(), command.educationLevels(),
                                command.authorityId() == null ? null : command.authorityId().value())));
    }

    record Registration(RegisterSchool command) implements CheckedRequest {

        Registration(RequestValues in, SchoolRequest body) {
            this(body.toCommand(in.check(), PathIds.school(in)));
        }
    }

    record SchoolRequest(String name,
            @ArraySchema(schema = @Schema(implementation = EducationLevel.class)) List<String> educationLevels,
            @Nullable String authorityId) {

        /** The school the path names, as described; {@code null} when a check failed. */
        RegisterSchool toCommand(RequestCheck check, String id) {
            String checkedName = check.text("name", name, 200);
            List<EducationLevel> levels = check.nonEmpty("educationLevels", educationLevels).stream()
                    .map(level -> check.converted("educationLevels", level, EducationLevel::valueOf))
                    .toList();
            String authority = check.optionalMatching("authorityId", authorityId, AuthorityId.FORMAT);
            return check.ifPassed(() -> new RegisterSchool(SchoolId.of(id), checkedName, levels.stream().sorted().toList(),
                    authority == null ? null : AuthorityId.of(authority)));
        }
    }

    record SchoolBody(String schoolId, String name, List<EducationLevel> educationLevels, @Nullable String authorityId) {
    }
}
