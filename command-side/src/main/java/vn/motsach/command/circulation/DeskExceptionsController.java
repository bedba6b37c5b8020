package vn.motsach.command.circulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.circulation.OfflineCommands.SettleDeskException;
import vn.motsach.command.web.CommandResponses;
import vn.motsach.command.web.IdempotentRequest;
import vn.motsach.events.Barcode;
import vn.motsach.events.SchoolId;
import vn.motsach.events.desk.DeskExceptionId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.IdempotencyKeyCheck;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/**
 * The offline desk's exceptions for the librarian: each with the record that made it, the rules
 * it broke and the events that explain it (its own, and those of the loans it opened or closed,
 * read from the event store), oldest first; and their settling.
 */
@Tag(name = "circulation", description = "Lưu thông: mượn, trả, gia hạn, đặt trước")
@RestController
class DeskExceptionsController {

    private final CommandResponses commands;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeskExceptionsController(CommandResponses commands, JdbcClient jdbc, JsonMapper json) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Operation(summary = "Các ngoại lệ của bàn lưu thông ngoại tuyến, chờ xử lý (OPEN) hoặc đã xử lý (SETTLED)")
    @GetMapping("/api/v1/schools/{schoolId}/desk-exceptions")
    Page<DeskExceptionView> list(ExceptionQuery asked) {
        String settled = asked.settled() ? "settled_at is not null" : "settled_at is null";
        List<DeskExceptionView> items = jdbc.sql("""
                        select exception_id, desk_id, record_key, kind, barcode, patron_id, recorded_at, broken, loan_id,
                               closed_loan_id, uploaded_at, settled_at, action, note
                        from cmd_desk_exception where school_id = ? and\s""" + settled
                        + " order by recorded_at, exception_id limit ? offset ?")
                .params(asked.schoolId(), asked.paging().size(), asked.paging().offset())
                .query((rs, row) -> view(asked.schoolId(), rs))
                .list();
        long total = jdbc.sql("select count(*) from cmd_desk_exception where school_id = ? and " + settled)
                .param(asked.schoolId()).query(Long.class).single();
        return asked.paging().of(items, total);
    }

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "DESK_EXCEPTION_NOT_FOUND"}, conflict = "DESK_EXCEPTION_SETTLED")
    @Operation(summary = "Xử lý một ngoại lệ của bàn lưu thông ngoại tuyến")
    @PostMapping("/api/v1/schools/{schoolId}/desk-exceptions/{exceptionId}/settlement")
    ResponseEntity<Settled> settle(Settling asked,
            @RequestHeader(name = IdempotencyKeyCheck.HEADER, required = false) String key) {
        String exception = asked.command().exceptionId().toString();
        return commands.respond(new IdempotentRequest(asked.command().schoolId().value(), key, "POST settlement " + exception,
                asked.body()), asked.command(), done -> ResponseEntity.ok(new Settled(exception, "SETTLED")));
    }

    private DeskExceptionView view(String school, ResultSet rs) throws SQLException {
        UUID exceptionId = rs.getObject(1, UUID.class);
        UUID loanId = rs.getObject(9, UUID.class);
        UUID closedLoanId = rs.getObject(10, UUID.class);
        String barcode = rs.getString(5);
        return new DeskExceptionView(exceptionId.toString(),
                new DeskRecord(rs.getString(3), rs.getString(2), rs.getString(4), barcode, rs.getString(6), instant(rs, 7)),
                strings(rs.getArray(8)), id(loanId), id(closedLoanId), instant(rs, 11),
                rs.getTimestamp(12) == null ? "OPEN" : "SETTLED", instant(rs, 12), rs.getString(13), rs.getString(14),
                events(school, exceptionId, barcode, loanId, closedLoanId));
    }

    /** The exception's own events, and those of the copy that concern the loans it names, in the order they were stored. */
    private List<ExplainingEvent> events(String school, UUID exceptionId, String barcode, UUID loanId, UUID closedLoanId) {
        List<String> loans = new ArrayList<>();
        if (loanId != null) {
            loans.add(loanId.toString());
        }
        if (closedLoanId != null) {
            loans.add(closedLoanId.toString());
        }
        return jdbc.sql("""
                        select timestamp, regexp_replace(payloadtype, '.*[.$]', ''), payload from domainevententry
                        where aggregateidentifier = ?
                           or (aggregateidentifier = ? and (payload::jsonb ->> 'loanId') = any(?))
                        order by globalindex""")
                .params(DeskException.aggregateId(SchoolId.of(school), DeskExceptionId.of(exceptionId)),
                        Copy.aggregateId(SchoolId.of(school), Barcode.of(barcode)), loans.toArray(String[]::new))
                .query((rs, row) -> new ExplainingEvent(Instant.parse(rs.getString(1)), rs.getString(2),
                        json.readTree(rs.getString(3))))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }

    /** {@code GET .../desk-exceptions?status=OPEN|SETTLED} (OPEN when not given), a page of them. */
    record ExceptionQuery(String schoolId, boolean settled, Paging paging) implements CheckedRequest {

        ExceptionQuery(RequestValues in) {
            this(PathIds.school(in), "SETTLED".equals(status(in.check(), in.value("status"))), Paging.of(in));
        }

        private static String status(RequestCheck check, String status) {
            if (status != null && !status.equals("OPEN") && !status.equals("SETTLED")) {
                check.problem("status", "oneOf", status, "OPEN, SETTLED");
            }
            return status;
        }
    }

    record Settling(SettleDeskException command, SettlementRequest body) implements CheckedRequest {

        Settling(RequestValues in, SettlementRequest body) {
            this(body.toCommand(in.check(), PathIds.school(in),
                    in.check().converted("exceptionId", in.value("exceptionId"), DeskExceptionId::parse), in.clock()), body);
        }
    }

    record SettlementRequest(@Schema(description = "what the librarian did, e.g. KEPT, CORRECTED") String action,
            @Nullable String note) {

        SettleDeskException toCommand(RequestCheck check, String school, DeskExceptionId exception, Clock clock) {
            String checkedAction = check.text("action", action, 64);
            String checkedNote = check.optionalText("note", note, 500);
            return check.ifPassed(() -> new SettleDeskException(SchoolId.of(school), exception, checkedAction, checkedNote,
                    clock.instant()));
        }
    }

    record Settled(String exceptionId, String status) {
    }

    /** A record the offline desk made, as it sent it. */
    record DeskRecord(String key, String deskId, String kind, String barcode, @Nullable String patronId, Instant recordedAt) {
    }

    /** @param event the event's fields, as the event store keeps them */
    record ExplainingEvent(Instant occurredAt, String type, JsonNode event) {
    }

    /**
     * An exception: the record, the rules it broke (their codes), the loan it opened or renewed
     * and the one it closed as returned unseen, and its settling once settled.
     */
    record DeskExceptionView(String exceptionId, DeskRecord record, List<String> broken, @Nullable String loanId,
            @Nullable String closedLoanId, Instant uploadedAt, String status, @Nullable Instant settledAt,
            @Nullable String action, @Nullable String note, List<ExplainingEvent> events) {
    }
}
