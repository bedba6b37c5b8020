package vn.motsach.command.interop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.interop.RotationCommands.ReturnRotation;
import vn.motsach.command.interop.RotationCommands.SendRotation;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.Barcode;
import vn.motsach.events.LocalId;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** Rotations (luân chuyển) over HTTP: the owner of the copies sends them and takes them back. */
@Tag(name = "interop")
@RestController
class RotationController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** As many copies as a box or two of books: a rotation is a set a librarian scans. */
    static final int MAX_COPIES = 500;

    private final CommandResponses commands;

    RotationController(CommandResponses commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Đã gửi đợt luân chuyển", useReturnTypeSchema = true)
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND"},
            conflict = {"NOT_IN_LENDING_GROUP", "COPY_NOT_AVAILABLE", "RETURN_BY_OUT_OF_RANGE", "OUTSIDE_SCHOOL_YEAR"})
    @Operation(summary = "Luân chuyển một nhóm bản sách sang thư viện khác trong nhóm liên thông đến hạn trả")
    @PostMapping("/api/v1/schools/{schoolId}/rotations")
    ResponseEntity<RotationCreated> send(Sending asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST rotations", asked.body()), asked.command(),
                sent -> ResponseEntity.status(HttpStatus.CREATED).body(new RotationCreated(sent.rotationId().toString())));
    }

    @ApiResponse(responseCode = "200", description = "Đã nhận lại sách luân chuyển", useReturnTypeSchema = true)
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "ROTATION_NOT_FOUND"}, conflict = {"WRONG_STATE", "COPY_ALREADY_ON_LOAN"})
    @Operation(summary = "Nhận lại sách luân chuyển, đủ cả đợt hoặc một phần (theo số ĐKCB)")
    @PostMapping("/api/v1/schools/{schoolId}/rotations/{rotationId}/return")
    ResponseEntity<RotationBackBody> takeBack(Returning asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST rotations return", asked.body()), asked.command(),
                returned -> ResponseEntity.ok(new RotationBackBody(returned.rotationId().toString(),
                        returned.barcodes().stream().map(Barcode::value).toList())));
    }

    record Sending(String schoolId, SendRotation command, RotationRequest body) implements CheckedRequest {

        Sending(RequestValues in, RotationRequest body) {
            this(PathIds.school(in), body.toCommand(in.check(), PathIds.school(in)), body);
        }
    }

    record RotationRequest(String toSchoolId, List<String> barcodes, @Schema(format = "date") String returnBy) {

        SendRotation toCommand(RequestCheck check, String school) {
            String to = check.matching("toSchoolId", toSchoolId, SchoolId.FORMAT);
            List<Barcode> copies = RotationController.barcodes(check, barcodes, true);
            LocalDate by = check.date("returnBy", check.required("returnBy", returnBy));
            return check.ifPassed(() -> new SendRotation(SchoolId.of(school), SchoolId.of(to), copies, by));
        }
    }

    record Returning(String schoolId, ReturnRotation command, ReturnRequest body) implements CheckedRequest {

        Returning(RequestValues in, ReturnRequest body) {
            this(PathIds.school(in), body.toCommand(in.check(), PathIds.school(in), PathIds.uuid(in, "rotationId")), body);
        }
    }

    /** Without {@code barcodes}, every copy of the rotation still away comes back. */
    record ReturnRequest(@Nullable List<String> barcodes) {

        ReturnRotation toCommand(RequestCheck check, String school, UUID rotation) {
            List<Barcode> copies = barcodes == null ? null : RotationController.barcodes(check, barcodes, false);
            return check.ifPassed(() -> new ReturnRotation(SchoolId.of(school), RotationId.of(rotation), copies));
        }
    }

    /** The barcodes given, each once, each of the barcode format; at least one, at most {@link #MAX_COPIES}. */
    private static List<Barcode> barcodes(RequestCheck check, List<String> given, boolean required) {
        if (given == null || given.isEmpty()) {
            check.problem("barcodes", required && given == null ? "required" : "nonEmpty");
            return List.of();
        }
        if (given.size() > MAX_COPIES) {
            check.problem("barcodes", "tooMany", MAX_COPIES);
            return List.of();
        }
        List<String> matched = given.stream().map(barcode -> check.matching("barcodes", barcode, LocalId.FORMAT)).toList();
        matched.stream().filter(Objects::nonNull)
                .filter(barcode -> matched.indexOf(barcode) != matched.lastIndexOf(barcode))
                .findFirst()
                .ifPresent(twice -> check.problem("barcodes", "duplicate", twice));
        return matched.stream().filter(Objects::nonNull).map(Barcode::of).toList();
    }

    record RotationCreated(String rotationId) {
    }

    /** The copies this return brought home. */
    record RotationBackBody(String rotationId, List<String> returned) {
    }
}
