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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.circulation.CirculationCommands.AccessionCopy;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitle;
import vn.motsach.command.circulation.CirculationCommands.WithdrawCopy;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.time.IdGenerator;
import vn.motsach.infra.web.RequestCheck;

/** The catalogue: titles, copies under their accession numbers, withdrawals. */
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

    @ApiResponse(responseCode = "201", description = "Đã vào sổ",
            content = @Content(schema = @Schema(implementation = CopyCreated.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "TITLE_NOT_FOUND"}, conflict = "DUPLICATE_BARCODE")
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
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND"}, conflict = {"COPY_ALREADY_ON_LOAN", "COPY_ON_HOLD_SHELF", "COPY_WITHDRAWN"})
    @Operation(summary = "Thanh lý (xuất khỏi kho) một bản sách")
    @PostMapping("/api/v1/schools/{schoolId}/copies/{barcode}/withdrawal")
    ResponseEntity<Object> withdraw(@PathVariable String schoolId, @PathVariable String barcode,
            @RequestBody WithdrawalRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        WithdrawCopy command = request.toCommand(schoolId, barcode);
        return commands.respond(new IdempotentRequest(schoolId, key, "POST withdrawal " + barcode, request), command,
                withdrawn -> ResponseEntity.ok(new CopyWithdrawnBody(barcode, true, command.reason())));
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
            @Schema(description = "false: chỉ đọc tại chỗ", defaultValue = "true") @Nullable Boolean loanable) {

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
            check.orRefuse();
            return new AccessionCopy(SchoolId.of(school), Barcode.of(checkedBarcode), title, acquiredOn, checkedSource, price,
                    loanable == null || loanable);
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
}
