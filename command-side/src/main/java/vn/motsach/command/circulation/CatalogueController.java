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
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** The catalogue: titles, copies under their accession numbers, withdrawals. */
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

    @ApiResponse(responseCode = "201", description = "Đã vào sổ",
            content = @Content(schema = @Schema(implementation = CopyCreated.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "TITLE_NOT_FOUND"}, conflict = "DUPLICATE_BARCODE")
    @Operation(summary = "Vào sổ một bản sách (số ĐKCB) của một nhan đề")
    @PostMapping("/api/v1/schools/{schoolId}/copies")
    ResponseEntity<CopyCreated> accession(Accessioning asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST copies", asked.body()), asked.command(),
                accessioned -> ResponseEntity.status(HttpStatus.CREATED).body(new CopyCreated(asked.command().barcode().value())));
    }

    @ApiResponse(responseCode = "200", description = "Đã thanh lý",
            content = @Content(schema = @Schema(implementation = CopyWithdrawnBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND"}, conflict = {"COPY_ALREADY_ON_LOAN", "COPY_ON_HOLD_SHELF", "COPY_WITHDRAWN"})
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
                    title.language());
        }
    }

    record Accessioning(String schoolId, AccessionCopy command, CopyRequest body) implements CheckedRequest {

        Accessioning(RequestValues in, CopyRequest body) {
            this(in.value("schoolId"), body.toCommand(in.check(), PathIds.school(in), in.today()), body);
        }
    }

    record Withdrawal(String schoolId, String barcode, WithdrawCopy command, WithdrawalRequest body) implements CheckedRequest {

        Withdrawal(RequestValues in, WithdrawalRequest body) {
            this(in.value("schoolId"), in.value("barcode"),
                    body.toCommand(in.check(), PathIds.school(in), PathIds.local(in, "barcode")), body);
        }
    }

    record TitleRequest(String title, @Nullable List<String> authors, @Nullable String isbn, @Nullable String publisher,
            @Nullable Integer publishedYear, @Nullable String classification, @Nullable List<String> subjects,
            @Schema(implementation = DocType.class) String docType, @Schema(example = "vie") @Nullable String language) {

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
            DocType type = check.converted("docType", check.required("docType", docType), DocType::valueOf);
            return new CatalogueTitle(null, null, checkedTitle, checkedAuthors, checkedIsbn,
                    check.optionalText("publisher", publisher, 200), publishedYear,
                    check.optionalText("classification", classification, 50), texts(check, "subjects", subjects, 100), type,
                    check.optionalText("language", language, 16));
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

        /** The copy to accession; {@code null} when a check failed. */
        AccessionCopy toCommand(RequestCheck check, String school, LocalDate today) {
            String checkedBarcode = check.matching("barcode", barcode, LocalId.FORMAT);
            TitleId title = check.converted("titleId", check.required("titleId", titleId), TitleId::parse);
            if (acquiredOn != null && acquiredOn.isAfter(today)) {
                check.problem("acquiredOn", "inFuture");
            }
            if (price != null && (price.signum() < 0 || price.precision() - price.scale() > 12)) {
                check.problem("price", "range", 0, "999999999999");
            }
            String checkedSource = check.optionalText("source", source, 100);
            return check.ifPassed(() -> new AccessionCopy(SchoolId.of(school), Barcode.of(checkedBarcode), title, acquiredOn,
                    checkedSource, price, loanable == null || loanable));
        }
    }

    record CopyCreated(String barcode) {
    }

    record WithdrawalRequest(String reason) {

        /** The withdrawal of the copy the path names; {@code null} when a check failed. */
        WithdrawCopy toCommand(RequestCheck check, String school, String barcode) {
            String checkedReason = check.text("reason", reason, 500);
            return check.ifPassed(() -> new WithdrawCopy(SchoolId.of(school), Barcode.of(barcode), checkedReason));
        }
    }

    record CopyWithdrawnBody(String barcode, boolean withdrawn, String reason) {
    }
}
