package vn.motsach.query.holds;

import java.time.Instant;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.query.EventPosition;
import vn.motsach.query.web.Sql;

/**
 * Every hold with its status. The queue is not stored: a waiting hold's place is its rank among
 * the title's waiting holds by order of placement, computed when asked, so that no event ever
 * has to renumber the others. A hold changes only for an event newer than its last change.
 */
@Component
@ProcessingGroup(HoldProjection.NAME)
class HoldProjection {

    static final String NAME = "holds";

    private final JdbcClient jdbc;

    HoldProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HoldPlaced event, TrackingToken token) {
        long position = EventPosition.of(token);
        jdbc.sql("""
                        insert into qs_hold (school_id, hold_id, title_id, patron_id, patron_category, class_id, placed_at,
                                             placed_position, status, last_position)
                        values (:school, :hold, :title_id, :patron, :category, :class_id, :at, :position, 'WAITING', :position)
                        on conflict (school_id, hold_id) do nothing""")
                .param("school", event.schoolId().value())
                .param("hold", event.holdId().value())
                .param("title_id", event.titleId().value())
                .param("patron", event.patronId().value())
                .param("category", event.patronCategory() == null ? null : event.patronCategory().name())
                .param("class_id", Sql.text(event.classId()))
                .param("at", Sql.timestamp(event.placedAt()))
                .param("position", position)
                .update();
    }

    @EventHandler
    void on(HoldReadyForPickup event, TrackingToken token) {
        jdbc.sql("""
                        update qs_hold set status = 'READY', barcode = :barcode, ready_at = :at, pickup_by = :pickup_by,
                          last_position = :position
                        where school_id = :school and hold_id = :hold and last_position < :position""")
                .param("barcode", event.barcode().value())
                .param("at", Sql.timestamp(event.readyAt()))
                .param("pickup_by", event.pickupBy())
                .param("school", event.schoolId().value())
                .param("hold", event.holdId().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(HoldFulfilled event, @Timestamp Instant at, TrackingToken token) {
        close(event.schoolId().value(), event.holdId().value(), "FULFILLED", at, event.loanId().value(), token);
    }

    @EventHandler
    void on(HoldCancelled event, TrackingToken token) {
        close(event.schoolId().value(), event.holdId().value(), "CANCELLED", event.cancelledAt(), null, token);
    }

    @EventHandler
    void on(HoldExpired event, @Timestamp Instant at, TrackingToken token) {
        close(event.schoolId().value(), event.holdId().value(), "EXPIRED", at, null, token);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_hold").update();
    }

    private void close(String school, java.util.UUID hold, String status, Instant at, java.util.UUID loan, TrackingToken token) {
        jdbc.sql("""
                        update qs_hold set status = :status, closed_at = :at, loan_id = :loan, last_position = :position
                        where school_id = :school and hold_id = :hold and last_position < :position""")
                .param("status", status)
                .param("at", Sql.timestamp(at))
                .param("loan", loan)
                .param("school", school)
                .param("hold", hold)
                .param("position", EventPosition.of(token))
                .update();
    }
}
