package vn.motsach.command.interop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.Sharing;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.security.Caller;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

@Tag(name = "interop", description = "Liên thông thư viện: nhóm liên thông, mượn liên thư viện, luân chuyển")
@RestController
class InteropGroupController {

    /** A group of a district's or province's schools; far more would be a directory, not a group. */
    private static final int MAX_MEMBERS = 500;

    private final CommandResponses commands;

    InteropGroupController(CommandResponses commands) {
        this.commands = commands;
    }

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "INTEROP_GROUP_NOT_FOUND"})
    @ApiResponse(responseCode = "201", description = "Đã lập nhóm liên thông", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Đã cập nhật nhóm liên thông", useReturnTypeSchema = true)
    @Operation(summary = "Lập hoặc cập nhật một nhóm liên thông của cơ quan quản lý")
    @PutMapping("/api/v1/authorities/{authorityId}/interop-groups/{groupId}")
    ResponseEntity<GroupBody> form(Forming asked) {
        FormInteropGroup command = asked.command();
        return commands.respond(command, result -> ResponseEntity
                .status(result == SchoolRegistration.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new GroupBody(command.groupId().value(), command.authorityId().value(), command.name(), command.sharing(),
                        command.schoolIds().stream().map(SchoolId::value).toList())));
    }

    record Forming(FormInteropGroup command) implements CheckedRequest {

        Forming(RequestValues in, GroupRequest body) {
            this(body.toCommand(in.check(), PathIds.authority(in),
                    in.check().matching("groupId", in.value("groupId"), InteropGroupId.FORMAT),
                    CurrentCaller.get().map(Caller::isSystemAdmin).orElse(false)));
        }
    }

    record GroupRequest(String name, List<String> schoolIds, @Schema(implementation = Sharing.class) String sharing) {

        /** The group the path names; its members once each, in order. {@code null} when a check failed. */
        FormInteropGroup toCommand(RequestCheck check, String authority, String group, boolean acrossAuthorities) {
            String checkedName = check.text("name", name, 200);
            List<String> members = check.nonEmpty("schoolIds", schoolIds).stream()
                    .map(school -> check.matching("schoolIds", school, SchoolId.FORMAT))
                    .filter(school -> school != null)
                    .distinct()
                    .sorted()
                    .toList();
            if (members.size() > MAX_MEMBERS) {
                check.problem("schoolIds", "tooMany", MAX_MEMBERS);
            }
            Sharing level = sharing == null ? check.required("sharing", null) : check.oneOf("sharing", sharing, Sharing.class);
            return check.ifPassed(() -> new FormInteropGroup(InteropGroupId.of(group), AuthorityId.of(authority), checkedName,
                    level, members.stream().map(SchoolId::of).toList(), acrossAuthorities));
        }
    }

    record GroupBody(String groupId, String authorityId, String name, Sharing sharing, List<String> schoolIds) {
    }
}
