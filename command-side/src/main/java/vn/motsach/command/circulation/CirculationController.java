package vn.motsach.command.circulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.circulation.CirculationCommands.CancelHold;
import vn.motsach.command.circulation.CirculationCommands.CheckOutCopy;
import vn.motsach.command.circulation.CirculationCommands.PlaceHold;
import vn.motsach.command.circulation.CirculationCommands.RenewLoan;
import vn.motsach.command.circulation.CirculationCommands.ReturnCopy;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.LocalId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

/** The circulation desk over HTTP: checkouts, check-ins, renewals, holds. */
@Tag(name = "circulation", description = "Lưu thông: mượn, trả, gia hạn, đặt trước")
@RestController
class CirculationController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String LEAVES_ON =
            "Ngày bạn đọc rời trường, khi nó rút ngắn hạn trả (hạn trả là ngày thư viện mở cửa cuối cùng trước đó)";

    private final CommandResponses commands;

    CirculationController(CommandResponses commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Đã cho mượn",
            content = @Content(schema = @Schema(implementation = CheckoutBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND", "PATRON_NOT_FOUND"}, conflict = {"COPY_WITHDRAWN",
            "COPY_NOT_LOANABLE", "COPY_ALREADY_ON_LOAN", "COPY_ON_HOLD_FOR_ANOTHER_PATRON", "PATRON_INACTIVE",
            "PATRON_HAS_OVERDUE_LOANS", "LOAN_LIMIT_REACHED", "PATRON_LEAVING", "COPY_AWAY", "BARCODE_AMBIGUOUS"})
    @Operation(summary = "Cho một bạn đọc mượn một bản sách (theo số ĐKCB)")
    @PostMapping("/api/v1/schools/{schoolId}/checkouts")
    ResponseEntity<CheckoutBody> checkOut(Checkout asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST checkouts", asked.body()), asked.command(),
                lent -> {
                    CopyCheckedOut loan = lent.loan();
                    return ResponseEntity.status(HttpStatus.CREATED).body(new CheckoutBody(loan.loanId().toString(),
                            loan.barcode().value(), loan.patronId().value(), loan.titleId().toString(), loan.title(), loan.dueOn(),
                            loan.holdId() == null ? null : loan.holdId().toString(), lent.leavesOn()));
                });
    }

    @ApiResponse(responseCode = "200", description = "Đã nhận trả",
            content = @Content(schema = @Schema(implementation = CheckinBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND"}, conflict = {"COPY_NOT_ON_LOAN", "COPY_AWAY", "BARCODE_AMBIGUOUS"})
    @Operation(summary = "Nhận trả một bản sách: lên giá, hoặc sang giá giữ sách cho người đặt trước")
    @PostMapping("/api/v1/schools/{schoolId}/checkins")
    ResponseEntity<CheckinBody> checkIn(Checkin asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST checkins", asked.body()), asked.command(),
                returned -> ResponseEntity.ok(new CheckinBody(returned.loanId().toString(), returned.barcode().value(),
                        returned.patronId().value(), returned.returnedAt(), returned.overdueDays(), returned.routedTo(),
                        returned.holdId() == null ? null : returned.holdId().toString())));
    }

    @ApiResponse(responseCode = "200", description = "Đã gia hạn",
            content = @Content(schema = @Schema(implementation = RenewalBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "LOAN_NOT_FOUND"},
            conflict = {"RENEWAL_LIMIT_REACHED", "RENEWAL_BLOCKED_BY_HOLD", "PATRON_INACTIVE", "PATRON_LEAVING"})
    @Operation(summary = "Gia hạn một lượt mượn")
    @PostMapping("/api/v1/schools/{schoolId}/loans/{loanId}/renewals")
    ResponseEntity<RenewalBody> renew(Renewal asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST renewals " + asked.loanId(), ""),
                new RenewLoan(SchoolId.of(asked.schoolId()), asked.loanId()),
                renewed -> ResponseEntity.ok(new RenewalBody(renewed.renewal().loanId().toString(), renewed.renewal().dueOn(),
                        renewed.renewal().renewals(), renewed.leavesOn())));
    }

    @ApiResponse(responseCode = "201", description = "Đã đặt trước",
            content = @Content(schema = @Schema(implementation = HoldBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "TITLE_NOT_FOUND", "PATRON_NOT_FOUND"},
            conflict = {"PATRON_INACTIVE", "HOLD_NOT_NEEDED", "HOLD_ALREADY_PLACED", "TITLE_NOT_LOANABLE"})
    @Operation(summary = "Đặt trước một nhan đề cho một bạn đọc")
    @PostMapping("/api/v1/schools/{schoolId}/holds")
    ResponseEntity<HoldBody> placeHold(HoldPlacing asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST holds", asked.body()), asked.command(),
                placed -> ResponseEntity.status(HttpStatus.CREATED).body(new HoldBody(placed.holdId().toString(), placed.position())));
    }

    @ApiResponse(responseCode = "204", description = "Đã huỷ lượt đặt trước")
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "HOLD_NOT_FOUND"})
    @Operation(summary = "Huỷ một lượt đặt trước")
    @DeleteMapping("/api/v1/schools/{schoolId}/holds/{holdId}")
    ResponseEntity<Void> cancelHold(HoldCancelling asked) {
        return commands.respond(new CancelHold(SchoolId.of(asked.schoolId()), asked.holdId()),
                cancelled -> ResponseEntity.noContent().build());
    }

    /** {@code POST .../checkouts}: the school in the path, the copy and the borrower in the body. */
    /** {@code ownerSchoolId}: whose copy, where the barcode is both the school's and a partner's copy at this desk. */
    record Checkout(String schoolId, String barcode, String patronId, @Nullable String ownerSchoolId, CheckoutRequest body)
            implements CheckedRequest {

        Checkout(RequestValues in, CheckoutRequest body) {
            this(PathIds.school(in), in.check().matching("barcode", body.barcode(), LocalId.FORMAT),
                    in.check().matching("patronId", body.patronId(), LocalId.FORMAT),
                    in.check().optionalMatching("ownerSchoolId", body.ownerSchoolId(), SchoolId.FORMAT), body);
        }

        CheckOutCopy command() {
            return new CheckOutCopy(SchoolId.of(schoolId), Barcode.of(barcode), PatronId.of(patronId), owner(ownerSchoolId));
        }
    }

    record CheckoutRequest(String barcode, String patronId, @Nullable String ownerSchoolId) {
    }

    /** {@code leavesOn}: present when the borrower's departure on that day held the due date back. */
    record CheckoutBody(String loanId, String barcode, String patronId, String titleId, String title, LocalDate dueOn,
            @Nullable String holdId, @Schema(description = LEAVES_ON) @Nullable LocalDate leavesOn) {
    }

    /** {@code ownerSchoolId}: as for a checkout. */
    record Checkin(String schoolId, String barcode, @Nullable String ownerSchoolId, CheckinRequest body) implements CheckedRequest {

        Checkin(RequestValues in, CheckinRequest body) {
            this(PathIds.school(in), in.check().matching("barcode", body.barcode(), LocalId.FORMAT),
                    in.check().optionalMatching("ownerSchoolId", body.ownerSchoolId(), SchoolId.FORMAT), body);
        }

        ReturnCopy command() {
            return new ReturnCopy(SchoolId.of(schoolId), Barcode.of(barcode), owner(ownerSchoolId));
        }
    }

    record CheckinRequest(String barcode, @Nullable String ownerSchoolId) {
    }

    private static @Nullable SchoolId owner(@Nullable String ownerSchoolId) {
        return ownerSchoolId == null ? null : SchoolId.of(ownerSchoolId);
    }

    record CheckinBody(String loanId, String barcode, String patronId, Instant returnedAt, int overdueDays, Routing routedTo,
            @Nullable String holdId) {
    }

    record Renewal(String schoolId, LoanId loanId) implements CheckedRequest {

        Renewal(RequestValues in) {
            this(PathIds.school(in), in.check().converted("loanId", in.value("loanId"), LoanId::parse));
        }
    }

    /** {@code leavesOn}: as for a checkout. */
    record RenewalBody(String loanId, LocalDate dueOn, int renewals, @Schema(description = LEAVES_ON) @Nullable LocalDate leavesOn) {
    }

    record HoldPlacing(String schoolId, TitleId titleId, String patronId, HoldRequest body) implements CheckedRequest {

        HoldPlacing(RequestValues in, HoldRequest body) {
            this(PathIds.school(in), in.check().converted("titleId", in.check().required("titleId", body.titleId()), TitleId::parse),
                    in.check().matching("patronId", body.patronId(), LocalId.FORMAT), body);
        }

        PlaceHold command() {
            return new PlaceHold(SchoolId.of(schoolId), titleId, PatronId.of(patronId));
        }
    }

    record HoldRequest(@Schema(format = "uuid") String titleId, String patronId) {
    }

    record HoldBody(String holdId, int position) {
    }

    record HoldCancelling(String schoolId, HoldId holdId) implements CheckedRequest {

        HoldCancelling(RequestValues in) {
            this(PathIds.school(in), in.check().converted("holdId", in.value("holdId"), HoldId::parse));
        }
    }
}
