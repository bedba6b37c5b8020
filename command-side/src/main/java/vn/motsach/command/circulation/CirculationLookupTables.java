package vn.motsach.command.circulation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.CatalogueCommandsForImports.NewCopy;
import vn.motsach.command.execution.LookupInserts;
import vn.motsach.command.execution.LookupTables;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyDetailsRevised;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.IntakeReceived;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.catalogue.TitleRevised;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.interop.CopyArrivedAtPartner;
import vn.motsach.events.interop.CopyBackHome;
import vn.motsach.events.interop.CopyLocationEvent;
import vn.motsach.events.interop.CopySentAway;
import vn.motsach.events.interop.CopySentHome;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;

/** Keeps the lookup tables of the catalogue and the desk (titles, copies, open loans, holds, the hold shelf) in step with their events. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
class CirculationLookupTables {

    private final JdbcClient jdbc;
    private final LookupInserts inserts;

    CirculationLookupTables(JdbcClient jdbc, LookupInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    @EventHandler
    void on(TitleCatalogued event) {
        inserts.insert("insert into cmd_title (school_id, title_id, doc_type, classification) values (?, ?, ?, ?)",
                event.schoolId().value(), event.titleId().value(), event.docType().name(), event.classification());
    }

    /** A stocktake's scope reads the title's document type and classification as they are now. */
    @EventHandler
    void on(TitleRevised event) {
        jdbc.sql("update cmd_title set doc_type = ?, classification = ? where school_id = ? and title_id = ?")
                .params(event.docType().name(), event.classification(), event.schoolId().value(), event.titleId().value())
                .update();
    }

    /** {@code details_digest}: for an import to tell a mended record of the copy from the same one again. */
    @EventHandler
    void on(CopyAccessioned event) {
        inserts.insert("insert into cmd_copy (school_id, barcode, title_id, loanable, details_digest) values (?, ?, ?, ?, ?)",
                event.schoolId().value(), event.barcode().value(), event.titleId().value(), event.loanable(),
                new NewCopy(event.barcode(), event.acquiredOn(), event.source(), event.price(), event.loanable(),
                        event.callNumber()).detailsDigest());
    }

    /** A checkout reads whether the copy may be lent as it is now. */
    @EventHandler
    void on(CopyDetailsRevised event) {
        jdbc.sql("update cmd_copy set loanable = ?, details_digest = ? where school_id = ? and barcode = ?")
                .params(event.loanable(), new NewCopy(event.barcode(), event.acquiredOn(), event.source(), event.price(),
                        event.loanable(), event.callNumber()).detailsDigest(), event.schoolId().value(), event.barcode().value())
                .update();
    }

    @EventHandler
    void on(CopyWithdrawn event) {
        // an import withdraws a copy in the unit of work that accessions it
        inserts.flush();
        jdbc.sql("update cmd_copy set withdrawn = true where school_id = ? and barcode = ?")
                .params(event.schoolId().value(), event.barcode().value()).update();
    }

    /**
     * A lost copy is out of the collection as a withdrawn one is, so the hold rules read it the
     * same way (no copy on the shelf, none that can be lent); its open loan ends with it.
     */
    @EventHandler
    void on(CopyReportedLost event) {
        // an import records a copy lost in the unit of work that accessions it
        inserts.flush();
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

    /**
     * {@code copyId}: the copy's stream, which names its owner. The event names the desk that lent
     * it, which for a partner's copy is not the owner's, and the desk may have a copy of its own
     * with the same barcode.
     */
    @EventHandler
    void on(CopyCheckedOut event, @SourceId String copyId) {
        String school = event.schoolId().value();
        String owner = Copy.ownerOf(copyId).value();
        jdbc.sql("update cmd_copy set on_loan = true, circulated_at = ? where school_id = ? and barcode = ?")
                .params(OffsetDateTime.ofInstant(event.borrowedAt(), ZoneOffset.UTC), owner, event.barcode().value()).update();
        jdbc.sql("""
                        insert into cmd_open_loan (school_id, loan_id, barcode, patron_id, due_on, owner_school_id)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(school, event.loanId().value(), event.barcode().value(), event.patronId().value(), event.dueOn(),
                        owner.equals(school) ? null : owner)
                .update();
    }

    @EventHandler
    void on(CopyReturned event, @SourceId String copyId) {
        jdbc.sql("update cmd_copy set on_loan = false, circulated_at = ? where school_id = ? and barcode = ?")
                .params(OffsetDateTime.ofInstant(event.returnedAt(), ZoneOffset.UTC), Copy.ownerOf(copyId).value(),
                        event.barcode().value()).update();
        jdbc.sql("delete from cmd_open_loan where loan_id = ?").param(event.loanId().value()).update();
    }

    @EventHandler
    void on(CopySentAway event) {
        away(event, true);
    }

    /** A rotated copy arrives without a shipment before: away from here on. */
    @EventHandler
    void on(CopyArrivedAtPartner event) {
        away(event, true);
        jdbc.sql("insert into cmd_partner_copy (holder_school_id, barcode, owner_school_id) values (?, ?, ?) on conflict do nothing")
                .params(event.partnerSchoolId().value(), event.barcode().value(), event.schoolId().value()).update();
    }

    @EventHandler
    void on(CopySentHome event) {
        jdbc.sql("delete from cmd_partner_copy where holder_school_id = ? and barcode = ? and owner_school_id = ?")
                .params(event.partnerSchoolId().value(), event.barcode().value(), event.schoolId().value()).update();
    }

    /** A rotated copy comes home without a return shipment before: off the partner's desk now. */
    @EventHandler
    void on(CopyBackHome event) {
        away(event, false);
        jdbc.sql("delete from cmd_partner_copy where holder_school_id = ? and barcode = ? and owner_school_id = ?")
                .params(event.partnerSchoolId().value(), event.barcode().value(), event.schoolId().value()).update();
    }

    private void away(CopyLocationEvent event, boolean away) {
        jdbc.sql("update cmd_copy set away = ? where school_id = ? and barcode = ?")
                .params(away, event.schoolId().value(), event.barcode().value()).update();
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
