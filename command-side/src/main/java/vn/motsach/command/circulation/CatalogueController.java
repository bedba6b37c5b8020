package vn.motsach.command.circulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.circulation.CirculationCommands.AccessionCopy;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitle;
import vn.motsach.command.circulation.CirculationCommands.ReceiveIntake;
import vn.motsach.command.circulation.CirculationCommands.ReportCopyLost;
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
import vn.motsach.infra.web.RequestCheck;

/** The catalogue: titles, intakes, copies under their accession numbers, withdrawals and losses. */
@Tag(name = "catalogue", description = "Biên mục: nhan đề và bản sách")
@RestController
class CatalogueController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandResponses commands;
    private final IdGenerator ids;
    private final Clock clock;

    CatalogueController(CommandResponses commands, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "Đã biên mục",
            content = @Content(schema = @Schema(implementation = TitleCreated.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Biên mục một nhan đề mới")
    @PostMapping("/api/v1/schools/{schoolId}/titles")
    ResponseEntity<Object> catalogue(@PathVariable String schoolId, @RequestBody TitleRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        CatalogueTitle command = request.toCommand(schoolId, new TitleId(ids.newId()), LocalDate.now(clock));
        return commands.respond(new IdempotentRequest(schoolId, key, "POST titles", request), command,
                catalogued -> ResponseEntity.status(HttpStatus.CREATED).body(new TitleCreated(command.titleId().toString())));
    }

    @ApiResponse(responseCode = "200", description = "Đã sửa",
            content = @Content(schema = @Schema(implementation = TitleRevisedBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "TITLE_NOT_FOUND"})
    @Operation(summary = "Sửa mô tả một nhan đề (thay toàn bộ, như khi biên mục)")
    @PutMapping("/api/v1/schools/{schoolId}/titles/{titleId}")
    ResponseEntity<Object> revise(@PathVariable String schoolId, @PathVariable String titleId,
            @RequestBody TitleRequest request) {
        RequestCheck path = RequestCheck.of();
        TitleId title = path.converted("titleId", titleId, TitleId::parse);
        path.orRefuse();
        CatalogueTitle described = request.toCommand(schoolId, title, LocalDate.now(clock));
        ReviseTitle command = new ReviseTitle(described.schoolId(), title, described.title(), described.authors(),
                described.isbn(), described.publisher(), described.publishedYear(), described.classification(),
                described.subjects(), described.docType(), described.language());
        return commands.respond(new IdempotentRequest(schoolId, null, "PUT title " + titleId, request), command,
                result -> ResponseEntity.ok(TitleRevisedBody.of(command)));
    }

    @ApiResponse(responseCode = "201", description = "Đã ghi đợt nhập",
            content = @Content(schema = @Schema(implementation = IntakeCreated.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Ghi một đợt nhập sách (một dòng của sổ đăng ký tổng quát); các bản sách nhập về ghi intakeId")
    @PostMapping("/api/v1/schools/{schoolId}/intakes")
    ResponseEntity<Object> receive(@PathVariable String schoolId, @RequestBody IntakeRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        ReceiveIntake command = request.toCommand(schoolId, new IntakeId(ids.newId()), LocalDate.now(clock));
        return commands.respond(new IdempotentRequest(schoolId, key, "POST intakes", request), command,
                result -> ResponseEntity.status(HttpStatus.CREATED).body(new IntakeCreated(command.intakeId().toString())));
    }

    @ApiResponse(responseCode = "201", description = "Đã vào sổ",
            content = @Content(schema = @Schema(implementation = CopyCreated.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "TITLE_NOT_FOUND", "INTAKE_NOT_FOUND"}, conflict = "DUPLICATE_BARCODE")
    @Operation(summary = "Vào sổ một bản sách (số ĐKCB) của một nhan đề")
    @PostMapping("/api/v1/schools/{schoolId}/copies")
    ResponseEntity<Object> accession(@PathVariable String schoolId, @RequestBody CopyRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        AccessionCopy command = request.toCommand(schoolId, LocalDate.now(clock));
        return commands.respond(new IdempotentRequest(schoolId, key, "POST copies", request), command,
                accessioned -> ResponseEntity.status(HttpStatus.CREATED).body(new CopyCreated(command.barcode().value())));
    }

    @ApiResponse(responseCode = "200", description = "Đã thanh lý",
            content = @Content(schema = @Schema(implementation = CopyWithdrawnBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND"}, conflict = {"COPY_ALREADY_ON_LOAN", "COPY_ON_HOLD_SHELF", "COPY_WITHDRAWN", "COPY_LOST"})
    @Operation(summary = "Thanh lý (xuất khỏi kho) một bản sách")
    @PostMapping("/api/v1/schools/{schoolId}/copies/{barcode}/withdrawal")
    ResponseEntity<Object> withdraw(@PathVariable String schoolId, @PathVariable String barcode,
            @RequestBody WithdrawalRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        WithdrawCopy command = request.toCommand(schoolId, barcode);
        return commands.respond(new IdempotentRequest(schoolId, key, "POST withdrawal " + barcode, request), command,
                withdrawn -> ResponseEntity.ok(new CopyWithdrawnBody(barcode, true, command.reason())));
    }

    @ApiResponse(responseCode = "200", description = "Đã ghi nhận mất; lượt mượn đang mở (nếu có) đóng lại là mất",
            content = @Content(schema = @Schema(implementation = CopyLostBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND", "PATRON_NOT_FOUND"},
            conflict = {"COPY_ON_HOLD_SHELF", "COPY_WITHDRAWN", "COPY_LOST"})
    @Operation(summary = "Báo mất một bản sách: bản sách thôi lưu thông")
    @PostMapping("/api/v1/schools/{schoolId}/copies/{barcode}/loss")
    ResponseEntity<Object> reportLost(@PathVariable String schoolId, @PathVariable String barcode,
            @RequestBody LossRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        ReportCopyLost command = request.toCommand(schoolId, barcode);
        return commands.respond(new IdempotentRequest(schoolId, key, "POST loss " + barcode, request), command,
                result -> ResponseEntity.ok(CopyLostBody.of(result)));
    }

    record TitleRequest(String title, @Nullable List<String> authors, @Nullable String isbn, @Nullable String publisher,
            @Nullable Integer publishedYear, @Nullable String classification, @Nullable List<String> subjects,
            @Schema(implementation = DocType.class) String docType, @Schema(example = "vie") @Nullable String language) {

        CatalogueTitle toCommand(String schoolId, TitleId titleId, LocalDate today) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
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
            DocType type = check.converted("docType", check.required("docType", docType), DocType::valueOf);
            CatalogueTitle command = new CatalogueTitle(null, titleId, checkedTitle, checkedAuthors, checkedIsbn,
                    check.optionalText("publisher", publisher, 200), publishedYear,
                    check.optionalText("classification", classification, 50), texts(check, "subjects", subjects, 100), type,
                    check.optionalText("language", language, 16));
            check.orRefuse();
            return new CatalogueTitle(SchoolId.of(school), command.titleId(), command.title(), command.authors(),
                    command.isbn(), command.publisher(), command.publishedYear(), command.classification(),
                    command.subjects(), command.docType(), command.language());
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
            @Schema(format = "uuid", description = "đợt nhập của bản sách") @Nullable String intakeId) {

        AccessionCopy toCommand(String schoolId, LocalDate today) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            String checkedBarcode = check.matching("barcode", barcode, LocalId.FORMAT);
            TitleId title = check.converted("titleId", check.required("titleId", titleId), TitleId::parse);
            if (acquiredOn != null && acquiredOn.isAfter(today)) {
                check.problem("acquiredOn", "inFuture");
            }
            if (price != null && (price.signum() < 0 || price.precision() - price.scale() > 12)) {
                check.problem("price", "range", 0, "999999999999");
            }
            String checkedSource = check.optionalText("source", source, 100);
            IntakeId intake = intakeId == null ? null : check.converted("intakeId", intakeId, IntakeId::parse);
            check.orRefuse();
            return new AccessionCopy(SchoolId.of(school), Barcode.of(checkedBarcode), title, acquiredOn, checkedSource, price,
                    loanable == null || loanable, intake);
        }
    }

    record CopyCreated(String barcode) {
    }

    record WithdrawalRequest(String reason) {

        WithdrawCopy toCommand(String schoolId, String barcode) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            String checkedBarcode = check.matching("barcode", barcode, LocalId.FORMAT);
            String checkedReason = check.text("reason", reason, 500);
            check.orRefuse();
            return new WithdrawCopy(SchoolId.of(school), Barcode.of(checkedBarcode), checkedReason);
        }
    }

    record CopyWithdrawnBody(String barcode, boolean withdrawn, String reason) {
    }

    record TitleRevisedBody(String titleId, String title, List<String> authors, @Nullable String isbn,
            @Nullable String publisher, @Nullable Integer publishedYear, @Nullable String classification,
            List<String> subjects, DocType docType, @Nullable String language) {

        static TitleRevisedBody of(ReviseTitle command) {
            return new TitleRevisedBody(command.titleId().toString(), command.title(), command.authors(), command.isbn(),
                    command.publisher(), command.publishedYear(), command.classification(), command.subjects(),
                    command.docType(), command.language());
        }
    }

    record IntakeRequest(LocalDate receivedOn, @Schema(implementation = AcquisitionSource.class) String source,
            @Schema(description = "số chứng từ (hóa đơn, biên bản tặng)") @Nullable String documentNo, @Nullable String note) {

        ReceiveIntake toCommand(String schoolId, IntakeId intakeId, LocalDate today) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            LocalDate received = check.required("receivedOn", receivedOn);
            if (received != null && received.isAfter(today)) {
                check.problem("receivedOn", "inFuture");
            }
            AcquisitionSource checkedSource = check.converted("source", check.required("source", source),
                    AcquisitionSource::valueOf);
            String checkedDocument = check.optionalText("documentNo", documentNo, 100);
            String checkedNote = check.optionalText("note", note, 1000);
            check.orRefuse();
            return new ReceiveIntake(SchoolId.of(school), intakeId, received, checkedSource, checkedDocument, checkedNote);
        }
    }

    record IntakeCreated(String intakeId) {
    }

    record LossRequest(@Schema(description = "bạn đọc làm mất (mặc định: người đang mượn)") @Nullable String patronId,
            @Nullable String note) {

        ReportCopyLost toCommand(String schoolId, String barcode) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            String checkedBarcode = check.matching("barcode", barcode, LocalId.FORMAT);
            String patron = check.optionalMatching("patronId", patronId, LocalId.FORMAT);
            String checkedNote = check.optionalText("note", note, 1000);
            check.orRefuse();
            return new ReportCopyLost(SchoolId.of(school), Barcode.of(checkedBarcode), patron == null ? null : PatronId.of(patron),
                    checkedNote);
        }
    }

    record CopyLostBody(String barcode, String status, LocalDate lostOn, @Nullable String patronId, @Nullable String loanId) {

        static CopyLostBody of(CopyReportedLost lost) {
            return new CopyLostBody(lost.barcode().value(), "LOST", lost.lostOn(),
                    lost.patronId() == null ? null : lost.patronId().value(), lost.loanId() == null ? null : lost.loanId().toString());
        }
    }
}
