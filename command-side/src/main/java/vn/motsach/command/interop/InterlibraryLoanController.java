package vn.motsach.command.interop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.interop.InterlibraryLoanCommands.AnswerInterlibraryLoan;
import vn.motsach.command.interop.InterlibraryLoanCommands.ReceiveInterlibraryLoan;
import vn.motsach.command.interop.InterlibraryLoanCommands.RequestInterlibraryLoan;
import vn.motsach.command.interop.InterlibraryLoanCommands.ShipInterlibraryLoanBack;
import vn.motsach.command.interop.InterlibraryLoanCommands.Step;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.LocalId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** Inter-library loans over HTTP: each school takes its own steps under its own path. */
@Tag(name = "interop", description = "Liên thông thư viện: nhóm liên thông, mượn liên thư viện, luân chuyển")
@RestController
class InterlibraryLoanController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String REQUEST = "/api/v1/schools/{schoolId}/interlibrary-loans/{requestId}";

    private final CommandResponses commands;

    InterlibraryLoanController(CommandResponses commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Đã gửi yêu cầu mượn liên thư viện", useReturnTypeSchema = true)
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "PATRON_NOT_FOUND", "TITLE_NOT_FOUND"},
            conflict = {"NOT_IN_LENDING_GROUP", "PATRON_INACTIVE"})
    @Operation(summary = "Bạn đọc yêu cầu mượn một nhan đề của thư viện khác trong nhóm liên thông (tại thư viện của mình)")
    @PostMapping("/api/v1/schools/{schoolId}/interlibrary-loans")
    ResponseEntity<RequestBody> request(Requesting asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST interlibrary-loans", asked.body()), asked.command(),
                requested -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(new RequestBody(requested.requestId().toString(), "REQUESTED")));
    }

    @ApiResponse(responseCode = "200", description = "Đã gửi sách đi, hoặc đã từ chối", useReturnTypeSchema = true)
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "INTERLIBRARY_LOAN_NOT_FOUND", "COPY_NOT_FOUND"},
            conflict = {"WRONG_STATE", "COPY_NOT_AVAILABLE", "NOT_IN_LENDING_GROUP"})
    @Operation(summary = "Thư viện cho mượn gửi một bản sách (theo số ĐKCB) hoặc từ chối yêu cầu")
    @PostMapping(REQUEST + "/shipment")
    ResponseEntity<RequestBody> ship(Answering asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return step(asked.schoolId(), key, "POST interlibrary-loans shipment", asked.body(), asked.command().requestId(),
                asked.command());
    }

    @ApiResponse(responseCode = "200", description = "Đã nhận sách", useReturnTypeSchema = true)
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "INTERLIBRARY_LOAN_NOT_FOUND"}, conflict = "WRONG_STATE")
    @Operation(summary = "Nhận sách: thư viện mượn nhận từ thư viện chủ, hoặc thư viện chủ nhận lại sách về giá")
    @PostMapping(REQUEST + "/receipt")
    ResponseEntity<RequestBody> receive(OneRequest asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return step(asked.schoolId(), key, "POST interlibrary-loans receipt", asked.requestId().toString(), asked.requestId(),
                new ReceiveInterlibraryLoan(SchoolId.of(asked.schoolId()), asked.requestId()));
    }

    @ApiResponse(responseCode = "200", description = "Đã gửi trả sách về thư viện chủ", useReturnTypeSchema = true)
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "INTERLIBRARY_LOAN_NOT_FOUND"}, conflict = {"WRONG_STATE", "COPY_ALREADY_ON_LOAN"})
    @Operation(summary = "Thư viện mượn gửi trả bản sách về thư viện chủ")
    @PostMapping(REQUEST + "/return-shipment")
    ResponseEntity<RequestBody> shipBack(OneRequest asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return step(asked.schoolId(), key, "POST interlibrary-loans return-shipment", asked.requestId().toString(),
                asked.requestId(), new ShipInterlibraryLoanBack(SchoolId.of(asked.schoolId()), asked.requestId()));
    }

    private ResponseEntity<RequestBody> step(String school, String key, String operation, Object body,
            InterlibraryLoanId requestId, SchoolCommand<Step> command) {
        return commands.respond(new IdempotentRequest(school, key, operation, body), command,
                step -> ResponseEntity.ok(new RequestBody(requestId.toString(), step.name())));
    }

    record Requesting(String schoolId, RequestInterlibraryLoan command, LoanRequest body) implements CheckedRequest {

        Requesting(RequestValues in, LoanRequest body) {
            this(PathIds.school(in), body.toCommand(in.check(), PathIds.school(in)), body);
        }
    }

    record LoanRequest(String lendingSchoolId, @Schema(format = "uuid") String titleId, String patronId) {

        RequestInterlibraryLoan toCommand(RequestCheck check, String school) {
            String lender = check.matching("lendingSchoolId", lendingSchoolId, SchoolId.FORMAT);
            TitleId title = check.converted("titleId", check.required("titleId", titleId), TitleId::parse);
            String patron = check.matching("patronId", patronId, LocalId.FORMAT);
            return check.ifPassed(() -> new RequestInterlibraryLoan(SchoolId.of(school), SchoolId.of(lender), title,
                    PatronId.of(patron)));
        }
    }

    record Answering(String schoolId, AnswerInterlibraryLoan command, ShipmentRequest body) implements CheckedRequest {

        Answering(RequestValues in, ShipmentRequest body) {
            this(PathIds.school(in), body.toCommand(in.check(), PathIds.school(in), PathIds.uuid(in, "requestId")), body);
        }
    }

    /** A copy's barcode, or a refusal's reason: one of the two. */
    record ShipmentRequest(@Nullable String barcode, @Nullable String refusal) {

        AnswerInterlibraryLoan toCommand(RequestCheck check, String school, UUID request) {
            String copy = barcode == null ? null : check.matching("barcode", barcode, LocalId.FORMAT);
            String reason = check.optionalText("refusal", refusal, 500);
            if ((copy == null) == (reason == null)) {
                check.problem(barcode == null ? "barcode" : "refusal", "required");
            }
            return check.ifPassed(() -> new AnswerInterlibraryLoan(SchoolId.of(school), InterlibraryLoanId.of(request),
                    copy == null ? null : Barcode.of(copy), reason));
        }
    }

    record OneRequest(String schoolId, InterlibraryLoanId requestId) implements CheckedRequest {

        OneRequest(RequestValues in) {
            this(PathIds.school(in), requestId(PathIds.uuid(in, "requestId")));
        }

        private static InterlibraryLoanId requestId(UUID id) {
            return id == null ? null : InterlibraryLoanId.of(id);
        }
    }

    record RequestBody(String requestId, String status) {
    }
}
