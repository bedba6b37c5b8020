package vn.motsach.command.lookup;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.IntakeReceived;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.events.patron.ClassHistory;
import vn.motsach.events.patron.PatronDetailsChanged;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.patron.PatronRejoined;
import vn.motsach.events.school.LoanPolicySet;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.schoolclass.ClassClosed;
import vn.motsach.events.schoolclass.ClassDetailsChanged;
import vn.motsach.events.schoolclass.ClassOpened;

/**
 * Keeps the command side's lookup tables in step with the events, in the transaction that
 * stores them (a subscribing processor): a decision never reads a table that lags its events.
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
class LookupTables {

    static final String PROCESSING_GROUP = "circulation-lookups";

    private final JdbcClient jdbc;

    LookupTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchoolRegistered event) {
        jdbc.sql("insert into cmd_school (school_id) values (?) on conflict do nothing").param(event.schoolId().value()).update();
    }

    @EventHandler
    void on(SchoolYearScheduled event) {
        jdbc.sql("""
                        insert into cmd_school_year (school_id, school_year, starts_on, ends_on, closed_days)
                        values (?, ?, ?, ?, ?)
                        on conflict (school_id, school_year) do update
                        set starts_on = excluded.starts_on, ends_on = excluded.ends_on, closed_days = excluded.closed_days""")
                .params(event.schoolId().value(), event.schoolYear().value(), event.startsOn(), event.endsOn(),
                        event.closedDays().stream().map(Date::valueOf).toArray(Date[]::new))
                .update();
    }

    @EventHandler
    void on(LoanPolicySet event) {
        jdbc.sql("""
                        insert into cmd_loan_policy (school_id, category, loan_days, max_loans, max_renewals, hold_pickup_days)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (school_id, category) do update
                        set loan_days = excluded.loan_days, max_loans = excluded.max_loans,
                            max_renewals = excluded.max_renewals, hold_pickup_days = excluded.hold_pickup_days""")
                .params(event.schoolId().value(), event.category().name(), event.loanDays(), event.maxLoans(),
                        event.maxRenewals(), event.holdPickupDays())
                .update();
    }

    @EventHandler
    void on(ClassOpened event) {
        classRow(event.schoolId().value(), event.classId().value(), event.schoolYear().value());
    }

    @EventHandler
    void on(ClassDetailsChanged event) {
        classRow(event.schoolId().value(), event.classId().value(), event.schoolYear().value());
    }

    @EventHandler
    void on(ClassClosed event) {
        jdbc.sql("update cmd_class set closed_on = ? where school_id = ? and class_id = ?")
                .params(event.closedOn(), event.schoolId().value(), event.classId().value()).update();
    }

    private void classRow(String school, String classId, String schoolYear) {
        jdbc.sql("""
                        insert into cmd_class (school_id, class_id, school_year) values (?, ?, ?)
                        on conflict (school_id, class_id) do update set school_year = excluded.school_year""")
                .params(school, classId, schoolYear).update();
    }

    /** The first class holds from the day of the registration, as {@link ClassHistory} says; the row is kept without a class too. */
    @EventHandler
    void on(PatronRegistered event, @Timestamp Instant recordedAt) {
        jdbc.sql("insert into cmd_patron (school_id, patron_id, category, active) values (?, ?, ?, true)")
                .params(event.schoolId().value(), event.patronId().value(), event.category().name()).update();
        patronClass(event.schoolId().value(), event.patronId().value(), ClassHistory.registeredOn(recordedAt),
                event.classId() == null ? null : event.classId().value());
    }

    @EventHandler
    void on(PatronDetailsChanged event) {
        jdbc.sql("update cmd_patron set category = ? where school_id = ? and patron_id = ?")
                .params(event.category().name(), event.schoolId().value(), event.patronId().value()).update();
    }

    @EventHandler
    void on(PatronMovedToClass event) {
        patronClass(event.schoolId().value(), event.patronId().value(), event.effectiveOn(), event.toClassId().value());
    }

    @EventHandler
    void on(PatronLeft event) {
        active(event.schoolId().value(), event.patronId().value(), false);
    }

    @EventHandler
    void on(PatronRejoined event) {
        active(event.schoolId().value(), event.patronId().value(), true);
    }

    private void active(String school, String patron, boolean active) {
        jdbc.sql("update cmd_patron set active = ? where school_id = ? and patron_id = ?").params(active, school, patron).update();
    }

    private void patronClass(String school, String patron, LocalDate from, String classId) {
        jdbc.sql("""
                        insert into cmd_patron_class (school_id, patron_id, effective_on, class_id) values (?, ?, ?, ?)
                        on conflict (school_id, patron_id, effective_on) do update set class_id = excluded.class_id""")
                .params(school, patron, from, classId).update();
    }

    @EventHandler
    void on(TitleCatalogued event) {
        jdbc.sql("insert into cmd_title (school_id, title_id) values (?, ?)")
                .params(event.schoolId().value(), event.titleId().value()).update();
    }

    @EventHandler
    void on(CopyAccessioned event) {
        jdbc.sql("insert into cmd_copy (school_id, barcode, title_id, loanable) values (?, ?, ?, ?)")
                .params(event.schoolId().value(), event.barcode().value(), event.titleId().value(), event.loanable()).update();
    }

    @EventHandler
    void on(CopyWithdrawn event) {
        jdbc.sql("update cmd_copy set withdrawn = true where school_id = ? and barcode = ?")
                .params(event.schoolId().value(), event.barcode().value()).update();
    }

    /**
     * A lost copy is out of the collection as a withdrawn one is, so the hold rules read it the
     * same way (no copy on the shelf, none that can be lent); its open loan ends with it.
     */
    @EventHandler
    void on(CopyReportedLost event) {
        jdbc.sql("update cmd_copy set withdrawn = true, on_loan = false where school_id = ? and barcode = ?")
                .params(event.schoolId().value(), event.barcode().value()).update();
        if (event.loanId() != null) {
            jdbc.sql("delete from cmd_open_loan where loan_id = ?").param(event.loanId().value()).update();
        }
    }

    @EventHandler
    void on(IntakeReceived event) {
        jdbc.sql("insert into cmd_intake (school_id, intake_id) values (?, ?)")
                .params(event.schoolId().value(), event.intakeId().value()).update();
    }

    @EventHandler
    void on(CopyCheckedOut event) {
        String school = event.schoolId().value();
        jdbc.sql("update cmd_copy set on_loan = true where school_id = ? and barcode = ?")
                .params(school, event.barcode().value()).update();
        jdbc.sql("insert into cmd_open_loan (school_id, loan_id, barcode, patron_id, due_on) values (?, ?, ?, ?, ?)")
                .params(school, event.loanId().value(), event.barcode().value(), event.patronId().value(), event.dueOn())
                .update();
    }

    @EventHandler
    void on(CopyReturned event) {
        jdbc.sql("update cmd_copy set on_loan = false where school_id = ? and barcode = ?")
                .params(event.schoolId().value(), event.barcode().value()).update();
        jdbc.sql("delete from cmd_open_loan where loan_id = ?").param(event.loanId().value()).update();
    }

    @EventHandler
    void on(LoanRenewed event) {
        jdbc.sql("update cmd_open_loan set due_on = ?, overdue_marked = false where loan_id = ?")
                .params(event.dueOn(), event.loanId().value()).update();
    }

    @EventHandler
    void on(LoanBecameOverdue event) {
        jdbc.sql("update cmd_open_loan set overdue_marked = true where loan_id = ?").param(event.loanId().value()).update();
    }

    @EventHandler
    void on(HoldPlaced event) {
        jdbc.sql("insert into cmd_hold (school_id, hold_id, title_id, patron_id) values (?, ?, ?, ?)")
                .params(event.schoolId().value(), event.holdId().value(), event.titleId().value(), event.patronId().value())
                .update();
    }

    @EventHandler
    void on(HoldReadyForPickup event) {
        jdbc.sql("insert into cmd_hold_shelf (school_id, hold_id, title_id, barcode, pickup_by) values (?, ?, ?, ?, ?)")
                .params(event.schoolId().value(), event.holdId().value(), event.titleId().value(), event.barcode().value(),
                        event.pickupBy())
                .update();
    }

    @EventHandler
    void on(HoldFulfilled event) {
        closed(event.holdId().value());
    }

    @EventHandler
    void on(HoldCancelled event) {
        closed(event.holdId().value());
    }

    @EventHandler
    void on(HoldExpired event) {
        closed(event.holdId().value());
    }

    private void closed(UUID holdId) {
        jdbc.sql("delete from cmd_hold_shelf where hold_id = ?").param(holdId).update();
        jdbc.sql("update cmd_hold set closed = true where hold_id = ?").param(holdId).update();
    }
}
