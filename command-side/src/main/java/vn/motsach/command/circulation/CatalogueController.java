package vn.motsach.command.circulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.circulation.CirculationCommands.AccessionCopy;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitle;
import vn.motsach.command.circulation.CirculationCommands.ReceiveIntake;
import vn.motsach.command.circulation.CirculationCommands.ReportCopyLost;
import vn.motsach.command.circulation.CirculationCommands.ReviseCopyDetails;
import vn.motsach.command.circulation.CirculationCommands.ReviseTitle;
import vn.motsach.command.circulation.CirculationCommands.WithdrawCopy;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.IntakeId;
import vn.motsach.events.LocalId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.time.IdGenerator;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** The catalogue: titles, intakes, copies under their accession numbers, withdrawals and losses. */
@Tag(name = "catalogue", description = "Biên mục: nhan đề và bản sách")
@RestController
class CatalogueController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandResponses commands;
    private final IdGenerator ids;

    CatalogueController(CommandResponses commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @ApiResponse(responseCode = "201", description = "Đã biên mục",
            content = @Content(schema = @Schema(implementation = TitleCreated.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Biên mục một nhan đề mới")
    @PostMapping("/api/v1/schools/{schoolId}/titles")
    ResponseEntity<TitleCreated> catalogue(Cataloguing asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        CatalogueTitle command = asked.command(new TitleId(ids.newId()));
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST titles", asked.body()), command,
                catalogued -> ResponseEntity.status(HttpStatus.CREATED).body(new TitleCreated(command.titleId().toString())));
    }

    @ApiResponse(responseCode = "200", description = "Đã sửa",
            content = @Content(schema = @Schema(implementation = TitleRevisedBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "TITLE_NOT_FOUND"})
    @Operation(summary = "Sửa mô tả một nhan đề (thay toàn bộ, như khi biên mục)")
    @PutMapping("/api/v1/schools/{schoolId}/titles/{titleId}")
    ResponseEntity<TitleRevisedBody> revise(Revising asked) {
        ReviseTitle command = asked.command();
        return commands.respond(new IdempotentRequest(asked.schoolId(), null, "PUT title " + command.titleId(), asked.body()),
                command, revised -> ResponseEntity.ok(TitleRevisedBody.of(command)));
    }

    @ApiResponse(responseCode = "201", description = "Đã ghi đợt nhập",
            content = @Content(schema = @Schema(implementation = IntakeCreated.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Ghi một đợt nhập sách (một dòng của sổ đăng ký tổng quát); các bản sách nhập về ghi intakeId")
    @PostMapping("/api/v1/schools/{schoolId}/intakes")
    ResponseEntity<IntakeCreated> receive(Receiving asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        ReceiveIntake command = asked.command(new IntakeId(ids.newId()));
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST intakes", asked.body()), command,
                received -> ResponseEntity.status(HttpStatus.CREATED).body(new IntakeCreated(command.intakeId().toString())));
    }

    @ApiResponse(responseCode = "201", description = "Đã vào sổ",
            content = @Content(schema = @Schema(implementation = CopyCreated.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "TITLE_NOT_FOUND", "INTAKE_NOT_FOUND"}, conflict = "DUPLICATE_BARCODE")
    @Operation(summary = "Vào sổ một bản sách (số ĐKCB) của một nhan đề")
    @PostMapping("/api/v1/schools/{schoolId}/copies")
    ResponseEntity<CopyCreated> accession(Accessioning asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST copies", asked.body()), asked.command(),
                accessioned -> ResponseEntity.status(HttpStatus.CREATED).body(new CopyCreated(asked.command().barcode().value())));
    }

    @ApiResponse(responseCode = "200", description = "Thông tin bản sách như đã sửa (gửi lại đúng như cũ thì không thay đổi gì)",
            content = @Content(schema = @Schema(implementation = CopyDetailsBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND"}, conflict = {"COPY_WITHDRAWN", "COPY_LOST"})
    @Operation(summary = "Sửa thông tin một bản sách (ngày nhập, nguồn, giá, đọc tại chỗ, ký hiệu xếp giá; thay toàn bộ)")
    @PutMapping("/api/v1/schools/{schoolId}/copies/{barcode}")
    ResponseEntity<CopyDetailsBody> reviseCopy(RevisingCopy asked) {
        ReviseCopyDetails command = asked.command();
        return commands.respond(new IdempotentRequest(asked.schoolId(), null, "PUT copy " + asked.barcode(), asked.body()),
                command, revised -> ResponseEntity.ok(CopyDetailsBody.of(command)));
    }

    @ApiResponse(responseCode = "200", description = "Đã thanh lý",
            content = @Content(schema = @Schema(implementation = CopyWithdrawnBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND"}, conflict = {"COPY_ALREADY_ON_LOAN", "COPY_ON_HOLD_SHELF", "COPY_WITHDRAWN", "COPY_LOST"})
    @Operation(summary = "Thanh lý (xuất khỏi kho) một bản sách")
    @PostMapping("/api/v1/schools/{schoolId}/copies/{barcode}/withdrawal")
    ResponseEntity<CopyWithdrawnBody> withdraw(Withdrawal asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        WithdrawCopy command = asked.command();
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST withdrawal " + asked.barcode(), asked.body()),
                command, withdrawn -> ResponseEntity.ok(new CopyWithdrawnBody(asked.barcode(), true, command.reason())));
    }

    /** {@code POST .../titles}: the title as the body describes it, checked; its id is the catalogue's to give. */
    record Cataloguing(String schoolId, CatalogueTitle title, TitleRequest body) implements CheckedRequest {

        Cataloguing(RequestValues in, TitleRequest body) {
            this(PathIds.school(in), body.toCommand(in.check(), in.today()), body);
        }

        CatalogueTitle command(TitleId titleId) {
            return new CatalogueTitle(SchoolId.of(schoolId), titleId, title.title(), title.authors(), title.isbn(),
                    title.publisher(), title.publishedYear(), title.classification(), title.subjects(), title.docType(),
                    title.language(), title.edition(), null);
        }
    }

    record Accessioning(String schoolId, AccessionCopy command, CopyRequest body) implements CheckedRequest {

        Accessioning(RequestValues in, CopyRequest body) {
            this(in.value("schoolId"), body.toCommand(in.check(), PathIds.school(in), in.today()), body);
        }
    }

    /** {@code PUT .../copies/{barcode}}: the copy's whole details, checked as {@code POST copies} checks them. */
    record RevisingCopy(String schoolId, String barcode, ReviseCopyDetails command, CopyDetailsRequest body) implements CheckedRequest {

        RevisingCopy(RequestValues in, CopyDetailsRequest body) {
            this(in.value("schoolId"), in.value("barcode"),
                    body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "barcode"), in.today()), body);
        }
    }

    record Withdrawal(String schoolId, String barcode, WithdrawCopy command, WithdrawalRequest body) implements CheckedRequest {

        Withdrawal(RequestValues in, WithdrawalRequest body) {
            this(in.value("schoolId"), in.value("barcode"),
                    body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "barcode")), body);
        }
    }

    @ApiResponse(responseCode = "200", description = "Đã ghi nhận mất; lượt mượn đang mở (nếu có) đóng lại là mất",
            content = @Content(schema = @Schema(implementation = CopyLostBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND", "PATRON_NOT_FOUND"},
            conflict = {"COPY_ON_HOLD_SHELF", "COPY_WITHDRAWN", "COPY_LOST"})
    @Operation(summary = "Báo mất một bản sách: bản sách thôi lưu thông")
    @PostMapping("/api/v1/schools/{schoolId}/copies/{barcode}/loss")
    ResponseEntity<CopyLostBody> reportLost(ReportingLoss asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST loss " + asked.barcode(), asked.body()),
                asked.command(), lost -> ResponseEntity.ok(CopyLostBody.of(lost)));
    }

    /** {@code PUT .../titles/{titleId}}: the whole new description, checked as {@code POST titles} checks the first. */
    record Revising(String schoolId, TitleId titleId, CatalogueTitle title, TitleRequest body) implements CheckedRequest {

        Revising(RequestValues in, TitleRequest body) {
            this(PathIds.school(in), in.check().converted("titleId", in.value("titleId"), TitleId::parse),
                    body.toCommand(in.check(), in.today()), body);
        }

        ReviseTitle command() {
            return new ReviseTitle(SchoolId.of(schoolId), titleId, title.title(), title.authors(), title.isbn(),
                    title.publisher(), title.publishedYear(), title.classification(), title.subjects(), title.docType(),
                    title.language(), title.edition());
        }
    }

    /** {@code POST .../intakes}: the delivery as the body describes it; its id is the catalogue's to give. */
    record Receiving(String schoolId, ReceiveIntake intake, IntakeRequest body) implements CheckedRequest {

        Receiving(RequestValues in, IntakeRequest body) {
            this(PathIds.school(in), body.toCommand(in.check(), in.today()), body);
        }

        ReceiveIntake command(IntakeId intakeId) {
            return new ReceiveIntake(SchoolId.of(schoolId), intakeId, intake.receivedOn(), intake.source(),
                    intake.documentNo(), intake.note());
        }
    }

    record ReportingLoss(String schoolId, String barcode, ReportCopyLost command, LossRequest body) implements CheckedRequest {

        ReportingLoss(RequestValues in, LossRequest body) {
            this(in.value("schoolId"), in.value("barcode"),
                    body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "barcode")), body);
        }
    }

    record TitleRequest(String title, @Nullable List<String> authors, @Nullable String isbn, @Nullable String publisher,
            @Nullable Integer publishedYear, @Nullable String classification, @Nullable List<String> subjects,
            @Schema(implementation = DocType.class) String docType, @Schema(example = "vie") @Nullable String language,
            @Schema(example = "Tái bản lần thứ 10") @Nullable String edition) {

        /** The title as described, its school and id still to be given; {@code null} parts where a check failed. */
        CatalogueTitle toCommand(RequestCheck check, LocalDate today) {
            String checkedTitle = check.text("title", title, 500);
            List<String> checkedAuthors = texts(check, "authors", authors, 200);
            String checkedIsbn = null;
            if (isbn != null && !isbn.isBlank()) {
                checkedIsbn = Isbn.normalise(isbn).orElse(null);
                if (checkedIsbn == null) {
                    check.problem("isbn", "isbn");
                }
            }
            if (publishedYear != null && (publishedYear < 1000 || publishedYear > today.getYear() + 1)) {
                check.problem("publishedYear", "range", 1000, today.getYear() + 1);
            }
            DocType type = check.oneOf("docType", check.required("docType", docType), DocType.class);
            return new CatalogueTitle(null, null, checkedTitle, checkedAuthors, checkedIsbn,
                    check.optionalText("publisher", publisher, 200), publishedYear,
                    check.optionalText("classification", classification, 50), texts(check, "subjects", subjects, 100), type,
                    check.optionalText("language", language, 16), check.optionalText("edition", edition, 100), null);
        }

        private static List<String> texts(RequestCheck check, String field, List<String> values, int maxLength) {
            if (values == null) {
                return List.of();
            }
            if (values.size() > 50) {
                check.problem(field, "tooMany", 50);
            }
            return values.stream().map(value -> check.text(field, value, maxLength)).filter(v -> v != null).distinct().toList();
        }
    }

    record TitleCreated(String titleId) {
    }

    record CopyRequest(String barcode, @Schema(format = "uuid") String titleId, @Nullable LocalDate acquiredOn,
            @Nullable String source, @Nullable BigDecimal price,
            @Schema(description = "false: chỉ đọc tại chỗ", defaultValue = "true") @Nullable Boolean loanable,
            @Schema(format = "uuid", description = "đợt nhập của bản sách") @Nullable String intakeId,
            @Schema(description = "ký hiệu xếp giá") @Nullable String callNumber) {

        /** The copy to accession; {@code null} when a check failed. */
        AccessionCopy toCommand(RequestCheck check, String school, LocalDate today) {
            String checkedBarcode = check.matching("barcode", barcode, LocalId.FORMAT);
            TitleId title = check.converted("titleId", check.required("titleId", titleId), TitleId::parse);
            CopyDetailsRequest details = new CopyDetailsRequest(acquiredOn, source, price, loanable, callNumber).checked(check, today);
            IntakeId intake = check.converted("intakeId", intakeId, IntakeId::parse);
            return check.ifPassed(() -> new AccessionCopy(SchoolId.of(school), Barcode.of(checkedBarcode), title,
                    details.acquiredOn(), details.source(), details.price(), details.loanable(), intake, details.callNumber()));
        }
    }

    /** What is said of a copy itself, when accessioned ({@code POST copies}) and when corrected ({@code PUT copies/{barcode}}). */
    record CopyDetailsRequest(@Nullable LocalDate acquiredOn, @Nullable String source, @Nullable BigDecimal price,
            @Schema(description = "false: chỉ đọc tại chỗ", defaultValue = "true") @Nullable Boolean loanable,
            @Schema(description = "ký hiệu xếp giá") @Nullable String callNumber) {

        /** The details checked, their texts normalised and a copy loanable unless said otherwise; problems go to {@code check}. */
        CopyDetailsRequest checked(RequestCheck check, LocalDate today) {
            if (acquiredOn != null && acquiredOn.isAfter(today)) {
                check.problem("acquiredOn", "inFuture");
            }
            if (price != null && (price.signum() < 0 || price.precision() - price.scale() > 12)) {
                check.problem("price", "range", 0, "999999999999");
            }
            return new CopyDetailsRequest(acquiredOn, check.optionalText("source", source, 100), price, loanable == null || loanable,
                    check.optionalText("callNumber", callNumber, 50));
        }

        /** The correction of the copy the path names; {@code null} when a check failed. */
        ReviseCopyDetails toCommand(RequestCheck check, String school, String barcode, LocalDate today) {
            CopyDetailsRequest details = checked(check, today);
            return check.ifPassed(() -> new ReviseCopyDetails(SchoolId.of(school), Barcode.of(barcode), details.acquiredOn(),
                    details.source(), details.price(), details.loanable(), details.callNumber()));
        }
    }

    record CopyDetailsBody(String barcode, @Nullable LocalDate acquiredOn, @Nullable String source, @Nullable BigDecimal price,
            boolean loanable, @Nullable String callNumber) {

        static CopyDetailsBody of(ReviseCopyDetails command) {
            return new CopyDetailsBody(command.barcode().value(), command.acquiredOn(), command.source(), command.price(),
                    command.loanable(), command.callNumber());
        }
    }

    record CopyCreated(String barcode) {
    }

    record WithdrawalRequest(String reason,
            @Schema(description = "số quyết định thanh lý, ghi vào sổ đăng ký") @Nullable String decisionNo) {

        /** The withdrawal of the copy the path names; {@code null} when a check failed. */
        WithdrawCopy toCommand(RequestCheck check, String school, String barcode) {
            String checkedReason = check.text("reason", reason, 500);
            String checkedDecision = check.optionalText("decisionNo", decisionNo, 100);
            return check.ifPassed(() -> new WithdrawCopy(SchoolId.of(school), Barcode.of(barcode), checkedReason,
                    checkedDecision));
        }
    }

    record CopyWithdrawnBody(String barcode, boolean withdrawn, String reason) {
    }

    record TitleRevisedBody(String titleId, String title, List<String> authors, @Nullable String isbn,
            @Nullable String publisher, @Nullable Integer publishedYear, @Nullable String classification,
            List<String> subjects, DocType docType, @Nullable String language, @Nullable String edition) {

        static TitleRevisedBody of(ReviseTitle command) {
            return new TitleRevisedBody(command.titleId().toString(), command.title(), command.authors(), command.isbn(),
                    command.publisher(), command.publishedYear(), command.classification(), command.subjects(),
                    command.docType(), command.language(), command.edition());
        }
    }

    record IntakeRequest(LocalDate receivedOn, @Schema(implementation = AcquisitionSource.class) String source,
            @Schema(description = "số chứng từ (hóa đơn, biên bản tặng)") @Nullable String documentNo, @Nullable String note) {

        /** The intake as described, its school and id still to be given; {@code null} parts where a check failed. */
        ReceiveIntake toCommand(RequestCheck check, LocalDate today) {
            LocalDate received = check.required("receivedOn", receivedOn);
            if (received != null && received.isAfter(today)) {
                check.problem("receivedOn", "inFuture");
            }
            AcquisitionSource checkedSource = check.oneOf("source", check.required("source", source),
                    AcquisitionSource.class);
            String checkedDocument = check.optionalText("documentNo", documentNo, 100);
            String checkedNote = check.optionalText("note", note, 1000);
            return new ReceiveIntake(null, null, received, checkedSource, checkedDocument, checkedNote);
        }
    }

    record IntakeCreated(String intakeId) {
    }

    record LossRequest(@Schema(description = "bạn đọc làm mất (mặc định: người đang mượn)") @Nullable String patronId,
            @Nullable String note) {

        /** The loss of the copy the path names; {@code null} when a check failed. */
        ReportCopyLost toCommand(RequestCheck check, String school, String barcode) {
            String patron = check.optionalMatching("patronId", patronId, LocalId.FORMAT);
            String checkedNote = check.optionalText("note", note, 1000);
            return check.ifPassed(() -> new ReportCopyLost(SchoolId.of(school), Barcode.of(barcode),
                    patron == null ? null : PatronId.of(patron), checkedNote));
        }
    }

    record CopyLostBody(String barcode, String status, LocalDate lostOn, @Nullable String patronId, @Nullable String loanId) {

        static CopyLostBody of(CopyReportedLost lost) {
            return new CopyLostBody(lost.barcode().value(), "LOST", lost.lostOn(),
                    lost.patronId() == null ? null : lost.patronId().value(), lost.loanId() == null ? null : lost.loanId().toString());
        }
    }
}
