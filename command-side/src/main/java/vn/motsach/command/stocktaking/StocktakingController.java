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
import org.springframework.web.bind.annotation.PostMapping;
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
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** Stocktaking (kiểm kê) over HTTP: start, a handheld scanner's batches, close. */
@Tag(name = "stocktaking", description = "Kiểm kê kho sách")
@RestController
class StocktakingController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** A handheld scanner's batch; a larger one is sent in parts. */
    static final int MAX_BARCODES_PER_SCAN = 500;

    private final CommandResponses commands;
    private final IdGenerator ids;

    StocktakingController(CommandResponses commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @ApiResponse(responseCode = "201", description = "Đã bắt đầu kiểm kê",
            content = @Content(schema = @Schema(implementation = StocktakeCreated.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Bắt đầu một đợt kiểm kê, toàn kho hoặc theo loại tài liệu và môn loại")
    @PostMapping("/api/v1/schools/{schoolId}/stocktakes")
    ResponseEntity<StocktakeCreated> start(Starting asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        StartStocktake command = asked.command(new StocktakeId(ids.newId()));
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST stocktakes", asked.body()), command,
                started -> ResponseEntity.status(HttpStatus.CREATED).body(new StocktakeCreated(command.stocktakeId().toString())));
    }

    @ApiResponse(responseCode = "200", description = "Đã ghi các mã quét",
            content = @Content(schema = @Schema(implementation = ScanResult.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "STOCKTAKE_NOT_FOUND"}, conflict = "STOCKTAKE_CLOSED")
    @Operation(summary = "Ghi một lượt quét của máy quét mã vạch (nhiều số ĐKCB một lần)")
    @PostMapping("/api/v1/schools/{schoolId}/stocktakes/{stocktakeId}/scans")
    ResponseEntity<ScanResult> scan(Scanning asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        ScanCopies command = asked.command();
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST scans " + command.stocktakeId(), asked.body()),
                command, ResponseEntity::ok);
    }

    @ApiResponse(responseCode = "200", description = "Đã kết thúc kiểm kê",
            content = @Content(schema = @Schema(implementation = StocktakeClosedBody.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "STOCKTAKE_NOT_FOUND"}, conflict = "STOCKTAKE_CLOSED")
    @Operation(summary = "Kết thúc đợt kiểm kê",
            description = "Kết quả kiểm kê được chốt tại thời điểm kết thúc; markMissingAsLost: true báo mất mọi bản sách không "
                    + "tìm thấy (không tính bản đang được mượn hoặc đã lưu thông trong lúc kiểm kê).")
    @PostMapping("/api/v1/schools/{schoolId}/stocktakes/{stocktakeId}/closing")
    ResponseEntity<StocktakeClosedBody> close(Closing asked, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        CloseStocktake command = asked.command();
        String stocktake = command.stocktakeId().toString();
        return commands.respond(new IdempotentRequest(asked.schoolId(), key, "POST closing " + stocktake, asked.body()), command,
                findings -> ResponseEntity.ok(new StocktakeClosedBody(stocktake, "CLOSED", findings.expected(),
                        findings.missing().size(), findings.onLoan().size(),
                        command.markMissingAsLost() ? findings.missing().size() : 0)));
    }

    /** {@code POST .../stocktakes}: its id is the library's to give. */
    record Starting(String schoolId, StartStocktake stocktake, StocktakeRequest body) implements CheckedRequest {

        Starting(RequestValues in, StocktakeRequest body) {
            this(PathIds.school(in), body.toCommand(in.check(), in.clock()), body);
        }

        StartStocktake command(StocktakeId stocktakeId) {
            return new StartStocktake(SchoolId.of(schoolId), stocktakeId, stocktake.name(), stocktake.scope(),
                    stocktake.at());
        }
    }

    record Scanning(String schoolId, ScanCopies command, ScanRequest body) implements CheckedRequest {

        Scanning(RequestValues in, ScanRequest body) {
            this(in.value("schoolId"), body.toCommand(in.check(), PathIds.school(in),
                    in.check().converted("stocktakeId", in.value("stocktakeId"), StocktakeId::parse), in.clock()), body);
        }
    }

    record Closing(String schoolId, CloseStocktake command, ClosingRequest body) implements CheckedRequest {

        Closing(RequestValues in, ClosingRequest body) {
            this(in.value("schoolId"), body.toCommand(in.check(), PathIds.school(in),
                    in.check().converted("stocktakeId", in.value("stocktakeId"), StocktakeId::parse), in.clock()), body);
        }
    }

    record StocktakeRequest(String name, @Nullable ScopeRequest scope) {

        /** The stocktake as described, its school and id still to be given; {@code null} parts where a check failed. */
        StartStocktake toCommand(RequestCheck check, Clock clock) {
            String checkedName = check.text("name", name, 200);
            StocktakeScope checkedScope = StocktakeScope.WHOLE_LIBRARY;
            if (scope != null) {
                List<DocType> types = scope.docTypes() == null ? List.of() : scope.docTypes().stream()
                        .map(type -> check.oneOf("scope.docTypes", check.required("scope.docTypes", type), DocType.class))
                        .filter(type -> type != null)
                        .distinct()
                        .toList();
                checkedScope = new StocktakeScope(types,
                        check.optionalText("scope.classificationPrefix", scope.classificationPrefix(), 50));
            }
            return new StartStocktake(null, null, checkedName, checkedScope, clock.instant());
        }
    }

    record ScopeRequest(@Schema(description = "TEXTBOOK, REFERENCE, TEACHER_PROFESSIONAL, CHILDREN, GENERAL, PERIODICAL, DIGITAL") @Nullable List<String> docTypes,
            @Nullable String classificationPrefix) {
    }

    record StocktakeCreated(String stocktakeId) {
    }

    record ScanRequest(List<String> barcodes) {

        /** The batch for the stocktake the path names; {@code null} when a check failed. */
        ScanCopies toCommand(RequestCheck check, String school, StocktakeId stocktake, Clock clock) {
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
            return check.ifPassed(() -> new ScanCopies(SchoolId.of(school), stocktake, checked, clock.instant()));
        }
    }

    record ClosingRequest(@Nullable Boolean markMissingAsLost) {

        /** The closing of the stocktake the path names; {@code null} when a check failed. */
        CloseStocktake toCommand(RequestCheck check, String school, StocktakeId stocktake, Clock clock) {
            return check.ifPassed(() -> new CloseStocktake(SchoolId.of(school), stocktake,
                    Boolean.TRUE.equals(markMissingAsLost), clock.instant()));
        }
    }

    /** The close's answer: the stocktake, and how many copies it expected, missed, found on loan and marked lost. */
    record StocktakeClosedBody(String stocktakeId, String status, int expected, int missing, int onLoan, int markedLost) {
    }
}
