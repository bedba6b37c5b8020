package vn.motsach.command.circulation;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.execution.LookupTables;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.desk.DeskExceptionRecorded;
import vn.motsach.events.desk.DeskExceptionSettled;

/** Keeps the offline desk's list of exceptions in step with their events, in the transaction that stores them. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
class DeskExceptionTables {

    private final JdbcClient jdbc;

    DeskExceptionTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DeskExceptionRecorded event) {
        jdbc.sql("""
                        insert into cmd_desk_exception (school_id, exception_id, desk_id, record_key, kind, barcode, patron_id,
                          recorded_at, broken, loan_id, closed_loan_id, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.schoolId().value(), event.exceptionId().value(), event.deskId(), event.recordKey(),
                        event.kind().name(), event.barcode().value(), event.patronId() == null ? null : event.patronId().value(),
                        Timestamp.from(event.recordedAt()),
                        event.broken().stream().map(RefusalCode::name).toArray(String[]::new),
                        event.loanId() == null ? null : event.loanId().value(),
                        event.closedLoanId() == null ? null : event.closedLoanId().value(),
                        Timestamp.from(event.uploadedAt()))
                .update();
    }

    @EventHandler
    void on(DeskExceptionSettled event) {
        jdbc.sql("update cmd_desk_exception set settled_at = ?, action = ?, note = ? where school_id = ? and exception_id = ?")
                .params(Timestamp.from(event.settledAt()), event.action(), event.note(), event.schoolId().value(),
                        event.exceptionId().value())
                .update();
    }
}
