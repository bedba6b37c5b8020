package vn.motsach.query.interop;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.interop.CopyArrivedAtPartner;
import vn.motsach.events.interop.CopyBackHome;
import vn.motsach.events.interop.RotationSent;

/**
 * Rotations and their copies, and the loans of rotated copies at the partner's desk. Every fact is
 * set once (a row inserted, a copy's return stamped), so an event seen twice changes nothing. A
 * copy's own events come before its rotation's in the store (they are decided first, in one unit
 * of work), so the copies are rows before the rotation is.
 */
@Component
@ProcessingGroup(RotationProjection.NAME)
class RotationProjection {

    static final String NAME = "rotations";

    private final JdbcClient jdbc;

    RotationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RotationSent event) {
        jdbc.sql("""
                        insert into qs_rotation (rotation_id, owner_school_id, partner_school_id, return_by, sent_at)
                        values (?, ?, ?, ?, ?) on conflict (rotation_id) do nothing""")
                .params(event.rotationId().value(), event.schoolId().value(), event.partnerSchoolId().value(), event.returnBy(),
                        time(event.sentAt()))
                .update();
    }

    @EventHandler
    void on(CopyArrivedAtPartner event) {
        if (event.rotationId() == null) {
            return;
        }
        jdbc.sql("""
                        insert into qs_rotation_copy (rotation_id, barcode, owner_school_id, partner_school_id, title_id, arrived_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (rotation_id, barcode) do nothing""")
                .params(event.rotationId().value(), event.barcode().value(), event.schoolId().value(),
                        event.partnerSchoolId().value(), event.titleId().value(), time(event.receivedAt()))
                .update();
    }

    @EventHandler
    void on(CopyBackHome event) {
        if (event.rotationId() == null) {
            return;
        }
        jdbc.sql("update qs_rotation_copy set returned_at = ? where rotation_id = ? and barcode = ? and returned_at is null")
                .params(time(event.receivedAt()), event.rotationId().value(), event.barcode().value())
                .update();
    }

    /** A loan at a desk of a copy rotated to it and still there: the owner's title tells it from the desk's own copy of that barcode. */
    @EventHandler
    void on(CopyCheckedOut event) {
        jdbc.sql("""
                        insert into qs_rotation_loan (loan_id, rotation_id, partner_school_id, borrowed_at)
                        select ?, rotation_id, partner_school_id, ? from qs_rotation_copy
                        where partner_school_id = ? and barcode = ? and title_id = ? and returned_at is null
                        on conflict (loan_id) do nothing""")
                .params(event.loanId().value(), time(event.borrowedAt()), event.schoolId().value(), event.barcode().value(),
                        event.titleId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_rotation, qs_rotation_copy, qs_rotation_loan").update();
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
