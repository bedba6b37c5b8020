package vn.motsach.command.circulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.circulation.OfflineCommands.DeskOutcome;
import vn.motsach.command.circulation.OfflineCommands.RecordFromDesk;
import vn.motsach.command.execution.Executed;
import vn.motsach.command.execution.FirstAnswers;
import vn.motsach.command.execution.IdempotencyStore.StoredAnswer;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.events.Barcode;
import vn.motsach.events.LocalId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.desk.DeskRecordKind;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.IdempotencyKeyCheck;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/**
 * The offline desk's upload: the records a desk made without the server, each decided once under
 * its key (the school's, whichever desk or tab sends it) in the order they happened. A record
 * that cannot be true is answered {@code REFUSED} with its code, in the batch's 200 like the
 * others: the desk shows each record's outcome, and nothing of the batch is undone by one record.
 */
@Tag(name = "circulation", description = "Lưu thông: mượn, trả, gia hạn, đặt trước")
@RestController
class DeskSyncController {

    /** A desk uploads what waits in batches of at most this many records. */
    static final int MAX_RECORDS = 200;
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final CommandResponses commands;
    private final JsonMapper json;

    DeskSyncController(CommandResponses commands, JsonMapper json) {
        this.commands = commands;
        this.json = json;
    }

    @ApiResponse(responseCode = "200", description = "Kết quả của từng bản ghi",
            content = @Content(schema = @Schema(implementation = SyncBody.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Gửi lên các lượt mượn, trả, gia hạn bàn lưu thông đã ghi khi mất mạng")
    @PostMapping("/api/v1/schools/{schoolId}/desk-sync")
    ResponseEntity<SyncBody> sync(Upload asked, @Parameter(description = "Không cần: mỗi bản ghi đã có khóa riêng (key)")
            @RequestHeader(name = IdempotencyKeyCheck.HEADER, required = false) String batchKey) {
        List<RecordResult> results = new ArrayList<>();
        for (RecordFromDesk record : asked.inOrder()) {
            results.add(decide(asked.schoolId(), record));
        }
        return ResponseEntity.ok(new SyncBody(results));
    }

    private RecordResult decide(String schoolId, RecordFromDesk record) {
        try {
            return commands.onceInSchool(schoolId, record.key(), record, new RecordAnswers(record));
        } catch (Refused refusal) {
            return RecordResult.refused(record.key(), refusal.code().name());
        }
    }

    /**
     * How a record's first answer is kept and given again: a repeat of the record (a batch sent
     * twice, or by two tabs) is {@code ALREADY_APPLIED} with the first answer's loan, and a repeat
     * of a refused record is refused again; another record under a used key is refused.
     */
    private final class RecordAnswers implements FirstAnswers<DeskOutcome, RecordResult> {

        private final RecordFromDesk record;
        private final String requestHash;

        RecordAnswers(RecordFromDesk record) {
            this.record = record;
            this.requestHash = hash(record);
        }

        @Override
        public Kept<RecordResult> answered(Executed<DeskOutcome> executed) {
            DeskOutcome outcome = executed.result();
            RecordResult result = outcome.exception()
                    ? new RecordResult(record.key(), Status.EXCEPTION, outcome.broken().get(0).name(), id(outcome.loanId()),
                            outcome.dueOn(), outcome.exceptionId().toString())
                    : new RecordResult(record.key(), Status.APPLIED, null, id(outcome.loanId()), outcome.dueOn(), null);
            return new Kept<>(result, new StoredAnswer(requestHash, 200, json.writeValueAsString(result), executed.position(), null));
        }

        @Override
        public StoredAnswer refused(Refused refusal) {
            return StoredAnswer.refused(requestHash, 409, refusal.code().name(), refusal.arguments());
        }

        @Override
        public RecordResult again(StoredAnswer first) {
            if (!first.requestHash().equals(requestHash)) {
                return RecordResult.refused(record.key(), "IDEMPOTENCY_KEY_REUSED");
            }
            if (first.refusal() != null) {
                return RecordResult.refused(record.key(), first.refusal());
            }
            RecordResult result = json.readValue(first.body(), RecordResult.class);
            return new RecordResult(result.key(), Status.ALREADY_APPLIED, result.code(), result.loanId(), result.dueOn(),
                    result.exceptionId());
        }

        private static String id(Object id) {
            return id == null ? null : id.toString();
        }
    }

    /** What tells a repeat of a record from another record sent under the same key. */
    private static String hash(RecordFromDesk record) {
        String text = record.kind() + "\n" + record.barcode().value() + "\n"
                + (record.patronId() == null ? "" : record.patronId().value()) + "\n" + record.recordedAt();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST .../desk-sync}: the records, checked whole before any is decided. */
    record Upload(String schoolId, List<RecordFromDesk> records) implements CheckedRequest {

        Upload(RequestValues in, SyncRequest body) {
            this(PathIds.school(in), body.toCommands(in.check(), PathIds.school(in)));
        }

        /**
         * In the order they happened, across desks as within one; records of the same moment
         * keep the order they were sent in (the sort is stable).
         */
        List<RecordFromDesk> inOrder() {
            return records.stream().sorted(Comparator.comparing(RecordFromDesk::recordedAt)).toList();
        }
    }

    record SyncRequest(String deskId, List<RecordRequest> records) {

        List<RecordFromDesk> toCommands(RequestCheck check, String school) {
            String desk = check.matching("deskId", deskId, LocalId.FORMAT);
            if (records == null || records.isEmpty()) {
                check.problem("records", "nonEmpty");
                return List.of();
            }
            if (records.size() > MAX_RECORDS) {
                check.problem("records", "tooMany", MAX_RECORDS);
                return List.of();
            }
            List<RecordFromDesk> commands = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (RecordRequest record : records) {
                if (record == null) {
                    check.problem("records", "noNulls");
                    continue;
                }
                String key = check.matching("records.key", record.key(), KEY);
                if (key != null && !keys.add(key)) {
                    check.problem("records.key", "duplicate", key);
                }
                DeskRecordKind kind = check.oneOf("records.kind", check.required("records.kind", record.kind()),
                        DeskRecordKind.class);
                String barcode = check.matching("records.barcode", record.barcode(), LocalId.FORMAT);
                String patron = kind == DeskRecordKind.CHECKOUT
                        ? check.matching("records.patronId", record.patronId(), LocalId.FORMAT)
                        : check.optionalMatching("records.patronId", record.patronId(), LocalId.FORMAT);
                OffsetDateTime recordedAt = check.required("records.recordedAt", record.recordedAt());
                commands.add(check.ifPassed(() -> new RecordFromDesk(SchoolId.of(school), desk, key, kind, Barcode.of(barcode),
                        patron == null ? null : PatronId.of(patron), recordedAt.toInstant())));
            }
            return check.ifPassed(() -> commands);
        }
    }

    record RecordRequest(String key, @Schema(description = "CHECKOUT, CHECKIN, RENEWAL") String kind, String barcode,
            @Nullable String patronId, OffsetDateTime recordedAt) {
    }

    record SyncBody(List<RecordResult> results) {
    }

    enum Status {
        APPLIED,
        ALREADY_APPLIED,
        EXCEPTION,
        REFUSED
    }

    /**
     * One record's outcome: {@code code} the first rule it broke (an exception) or why it was
     * refused; the loan it opened, closed or renewed, and the new due date when it has one.
     */
    record RecordResult(String key, Status status, @Nullable String code, @Nullable String loanId, @Nullable LocalDate dueOn,
            @Nullable String exceptionId) {

        static RecordResult refused(String key, String code) {
            return new RecordResult(key, Status.REFUSED, code, null, null, null);
        }
    }
}
