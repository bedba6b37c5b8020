package vn.motsach.command.authorities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.authority.AuthorityKind;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.security.Caller;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** The tree of supervising authorities: the system's administrator builds it, an authority's administrator below it. */
@Tag(name = "authorities", description = "Cơ quan quản lý: Sở GD&ĐT, phòng cấp xã, phòng GD&ĐT cấp huyện (cũ)")
@RestController
class AuthorityTreeController {

    private final CommandResponses commands;

    AuthorityTreeController(CommandResponses commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Đã đăng ký cơ quan quản lý", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Đã cập nhật cơ quan quản lý", useReturnTypeSchema = true)
    @Refusals(notFound = "PARENT_AUTHORITY_NOT_FOUND",
            conflict = {"AUTHORITY_CYCLE", "AUTHORITY_PARENT_NOT_ALLOWED", "AUTHORITY_HAS_CHILDREN",
                    "AUTHORITY_NAMED_BY_SCHOOLS"})
    @Operation(summary = "Đăng ký hoặc cập nhật một cơ quan quản lý và cấp trên của nó")
    @PutMapping("/api/v1/authorities/{authorityId}")
    ResponseEntity<AuthorityBody> register(Registration asked) {
        RegisterAuthority command = asked.command();
        return commands.respond(command, registration -> ResponseEntity
                .status(registration == AuthorityRegistration.REGISTERED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new AuthorityBody(command.authorityId().value(), command.name(), command.kind(),
                        command.parentId() == null ? null : command.parentId().value())));
    }

    record Registration(RegisterAuthority command) implements CheckedRequest {

        Registration(RequestValues in, AuthorityRequest body) {
            this(body.toCommand(in.check(), PathIds.authority(in), actingFor()));
        }

        /** An authority's administrator acts within their own authority; the system's anywhere. */
        private static @Nullable AuthorityId actingFor() {
            return CurrentCaller.get()
                    .filter(caller -> !caller.isSystemAdmin())
                    .map(Caller::authorityId)
                    .map(AuthorityId::of)
                    .orElse(null);
        }
    }

    record AuthorityRequest(String name, @Schema(implementation = AuthorityKind.class) String kind, @Nullable String parentId) {

        /** The authority the path names, as described; {@code null} when a check failed. */
        RegisterAuthority toCommand(RequestCheck check, String id, @Nullable AuthorityId actingFor) {
            String checkedName = check.text("name", name, 200);
            AuthorityKind checkedKind = check.oneOf("kind", check.required("kind", kind), AuthorityKind.class);
            String parent = actingFor == null
                    ? check.optionalMatching("parentId", parentId, AuthorityId.FORMAT)
                    // an authority's administrator places authorities below their own, never at the top
                    : check.matching("parentId", parentId, AuthorityId.FORMAT);
            return check.ifPassed(() -> new RegisterAuthority(AuthorityId.of(id), checkedName, checkedKind,
                    parent == null ? null : AuthorityId.of(parent), actingFor));
        }
    }

    record AuthorityBody(String authorityId, String name, AuthorityKind kind, @Nullable String parentId) {
    }
}
