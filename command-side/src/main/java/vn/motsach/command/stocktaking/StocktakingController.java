package vn.motsach.command.stocktaking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.stocktaking.StocktakingCommands.CloseStocktake;
import vn.motsach.command.stocktaking.StocktakingCommands.ScanCopies;
import vn.motsach.command.stocktaking.StocktakingCommands.ScanResult;
import vn.motsach.command.stocktaking.StocktakingCommands.StartStocktake;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.StocktakeId;
import vn.motsach.events.stocktake.StocktakeScope;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.time.IdGenerator;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.RequestCheck;

/** Stocktaking (kiểm kê) over HTTP: start, a handheld scanner's batches, close. */
@Tag(name = "stocktaking", description = "Kiểm kê kho sách")
@RestController
class StocktakingController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** A handheld scanner's batch; a larger one is sent in parts. */
    static final int MAX_BARCODES_PER_SCAN = 500;

    private final CommandResponses commands;
    private final IdGenerator ids;
    private final Clock clock;

    StocktakingController(CommandResponses commands, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "Đã bắt đầu kiểm kê",
            content = @Content(schema = @Schema(implementation = StocktakeCreated.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Bắt đầu một đợt kiểm kê, toàn kho hoặc theo loại tài liệu và môn loại")
    @PostMapping("/api/v1/schools/{schoolId}/stocktakes")
    ResponseEntity<Object> start(@PathVariable String schoolId, @RequestBody StocktakeRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        StartStocktake command = request.toCommand(schoolId, new StocktakeId(ids.newId()), clock);
        return commands.respond(new IdempotentRequest(schoolId, key, "POST stocktakes", request), command,
                started -> ResponseEntity.status(HttpStatus.CREATED).body(new StocktakeCreated(command.stocktakeId().toString())));
    }

    @ApiResponse(responseCode = "200", description = "Đã ghi các mã quét",
            content = @Content(schema = @Schema(implementation = ScanResult.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "STOCKTAKE_NOT_FOUND"}, conflict = "STOCKTAKE_CLOSED")
    @Operation(summary = "Ghi một lượt quét của máy quét mã vạch (nhiều số ĐKCB một lần)")
    @PostMapping("/api/v1/schools/{schoolId}/stocktakes/{stocktakeId}/scans")
    ResponseEntity<Object> scan(@PathVariable String schoolId, @PathVariable String stocktakeId,
            @RequestBody ScanRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        ScanCopies command = request.toCommand(schoolId, stocktakeId, clock);
        return commands.respond(new IdempotentRequest(schoolId, key, "POST scans " + stocktakeId, request), command,
                ResponseEntity::ok);
    }

    @ApiResponse(responseCode = "200", description = "Đã kết thúc kiểm kê",
            content = @Content(schema = @Schema(implementation = StocktakeClosedBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "STOCKTAKE_NOT_FOUND"}, conflict = "STOCKTAKE_CLOSED")
    @Operation(summary = "Kết thúc đợt kiểm kê")
    @PostMapping("/api/v1/schools/{schoolId}/stocktakes/{stocktakeId}/closing")
    ResponseEntity<Object> close(@PathVariable String schoolId, @PathVariable String stocktakeId,
            @RequestBody ClosingRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        CloseStocktake command = request.toCommand(schoolId, stocktakeId, clock);
        return commands.respond(new IdempotentRequest(schoolId, key, "POST closing " + stocktakeId, request), command,
                closed -> ResponseEntity.ok(new StocktakeClosedBody(stocktakeId, "CLOSED")));
    }

    record StocktakeRequest(String name, @Nullable ScopeRequest scope) {

        StartStocktake toCommand(String schoolId, StocktakeId stocktakeId, Clock clock) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            String checkedName = check.text("name", name, 200);
            StocktakeScope checkedScope = StocktakeScope.WHOLE_LIBRARY;
            if (scope != null) {
                List<DocType> types = scope.docTypes() == null ? List.of() : scope.docTypes().stream()
                        .map(type -> check.converted("scope.docTypes", check.required("scope.docTypes", type), DocType::valueOf))
                        .filter(type -> type != null)
                        .distinct()
                        .toList();
                checkedScope = new StocktakeScope(types,
                        check.optionalText("scope.classificationPrefix", scope.classificationPrefix(), 50));
            }
            check.orRefuse();
            return new StartStocktake(SchoolId.of(school), stocktakeId, checkedName, checkedScope, clock.instant());
        }
    }

    record ScopeRequest(@Schema(description = "TEXTBOOK, REFERENCE, TEACHER_PROFESSIONAL, CHILDREN, GENERAL, PERIODICAL, DIGITAL") @Nullable List<String> docTypes,
            @Nullable String classificationPrefix) {
    }

    record StocktakeCreated(String stocktakeId) {
    }

    record ScanRequest(List<String> barcodes) {

        ScanCopies toCommand(String schoolId, String stocktakeId, Clock clock) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            StocktakeId stocktake = check.converted("stocktakeId", stocktakeId, StocktakeId::parse);
            // every reading of the scanner, repeats included: a repeat is answered as already scanned
            List<String> read = barcodes == null ? null : barcodes;
            if (read == null || read.isEmpty()) {
                check.problem("barcodes", "nonEmpty");
            } else if (read.size() > MAX_BARCODES_PER_SCAN) {
                check.problem("barcodes", "tooMany", MAX_BARCODES_PER_SCAN);
            }
            List<Barcode> checked = read == null || read.size() > MAX_BARCODES_PER_SCAN ? List.of() : read.stream()
                    .map(barcode -> check.matching("barcodes", barcode == null ? null : barcode.strip(), LocalId.FORMAT))
                    .filter(barcode -> barcode != null)
                    .map(Barcode::of)
                    .toList();
            check.orRefuse();
            return new ScanCopies(SchoolId.of(school), stocktake, checked, clock.instant());
        }
    }

    record ClosingRequest(@Nullable Boolean markMissingAsLost) {

        CloseStocktake toCommand(String schoolId, String stocktakeId, Clock clock) {
            RequestCheck check = RequestCheck.of();
            String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
            StocktakeId stocktake = check.converted("stocktakeId", stocktakeId, StocktakeId::parse);
            check.orRefuse();
            if (Boolean.TRUE.equals(markMissingAsLost)) {
                // marking missing copies lost would send ReportCopyLost for each, but only the query side judges
                // which copies are missing; the command side would need that judgement first
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "LOSS_REPORTING_UNAVAILABLE");
            }
            return new CloseStocktake(SchoolId.of(school), stocktake, clock.instant());
        }
    }

    record StocktakeClosedBody(String stocktakeId, String status) {
    }
}
