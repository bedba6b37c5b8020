package vn.motsach.query.loans;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.SchoolId;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.CopyStream;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.query.EventPosition;
import vn.motsach.query.web.Sql;

/**
 * Every loan, open or returned, with the class the patron was in when borrowing (carried by
 * the event, so a loan made in 6A1 stays a 6A1 loan). A loan changes only for an event newer
 * than the one that last changed it.
 */
@Component
@ProcessingGroup(LoanProjection.NAME)
class LoanProjection {

    static final String NAME = "loans";

    private final JdbcClient jdbc;

    LoanProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The event names the desk that lent the copy; the copy's stream names its owner, which for a
     * partner's copy (liên thông) is another library, while the desk may number a copy of its own
     * alike. The owner is kept only when it is not the desk.
     */
    @EventHandler
    void on(CopyCheckedOut event, EventMessage<?> message, TrackingToken token) {
        String school = event.schoolId().value();
        String owner = message instanceof DomainEventMessage<?> copy
                ? CopyStream.ownerOf(copy.getAggregateIdentifier()).map(SchoolId::value).orElse(school)
                : school;
        jdbc.sql("""
                        insert into qs_loan (school_id, loan_id, barcode, title_id, title, doc_type, patron_id, patron_category,
                                             class_id, borrowed_at, due_on, hold_id, owner_school_id, last_position)
                        values (:school, :loan, :barcode, :title_id, :title, :doc_type, :patron, :category,
                                :class_id, :at, :due_on, :hold, :owner, :position)
                        on conflict (school_id, loan_id) do nothing""")
                .param("school", school)
                .param("owner", owner.equals(school) ? null : owner)
                .param("loan", event.loanId().value())
                .param("barcode", event.barcode().value())
                .param("title_id", event.titleId().value())
                .param("title", event.title())
                .param("doc_type", event.docType() == null ? null : event.docType().name())
                .param("patron", event.patronId().value())
                .param("category", event.patronCategory() == null ? null : event.patronCategory().name())
                .param("class_id", Sql.text(event.classId()))
                .param("at", Sql.timestamp(event.borrowedAt()))
                .param("due_on", event.dueOn())
                .param("hold", event.holdId() == null ? null : event.holdId().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(LoanRenewed event, TrackingToken token) {
        // a renewed loan is due later: whatever made it overdue no longer holds
        jdbc.sql("""
                        update qs_loan set due_on = :due_on, renewals = :renewals, overdue_since = null, last_position = :position
                        where school_id = :school and loan_id = :loan and last_position < :position""")
                .param("due_on", event.dueOn())
                .param("renewals", event.renewals())
                .param("school", event.schoolId().value())
                .param("loan", event.loanId().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(LoanBecameOverdue event, TrackingToken token) {
        jdbc.sql("""
                        update qs_loan set overdue_since = :since, last_position = :position
                        where school_id = :school and loan_id = :loan and last_position < :position and returned_at is null""")
                .param("since", event.overdueSince())
                .param("school", event.schoolId().value())
                .param("loan", event.loanId().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(CopyReturned event, TrackingToken token) {
        jdbc.sql("""
                        update qs_loan set returned_at = :at, overdue_days = :overdue_days, last_position = :position
                        where school_id = :school and loan_id = :loan and last_position < :position""")
                .param("at", Sql.timestamp(event.returnedAt()))
                .param("overdue_days", event.overdueDays())
                .param("school", event.schoolId().value())
                .param("loan", event.loanId().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    /** A loan whose copy was lost closes as lost: it ends when the loss is reported, no longer open nor overdue. */
    @EventHandler
    void on(CopyReportedLost event, TrackingToken token) {
        if (event.loanId() == null) {
            return;
        }
        jdbc.sql("""
                        update qs_loan set returned_at = :at, lost = true, last_position = :position
                        where school_id = :school and loan_id = :loan and last_position < :position""")
                .param("at", Sql.timestamp(event.reportedAt()))
                .param("school", event.schoolId().value())
                .param("loan", event.loanId().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_loan").update();
    }
}
