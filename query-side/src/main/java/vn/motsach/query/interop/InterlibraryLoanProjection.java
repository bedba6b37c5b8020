package vn.motsach.query.interop;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.interop.CopyArrivedAtPartner;
import vn.motsach.events.interop.CopyBackHome;
import vn.motsach.events.interop.CopySentHome;
import vn.motsach.events.interop.InterlibraryLoanRefused;
import vn.motsach.events.interop.InterlibraryLoanRequested;
import vn.motsach.events.interop.InterlibraryLoanShipped;
import vn.motsach.query.EventPosition;

/**
 * Inter-library loan requests and where each stands. A step applies only over an older position:
 * an event seen twice, or late, changes nothing. The copy's journey is read from the copy's own
 * events, which name the request; the copy's leaving (shipped) is the request's own event.
 */
@Component
@ProcessingGroup(InterlibraryLoanProjection.NAME)
class InterlibraryLoanProjection {

    static final String NAME = "interlibrary-loans";

    private final JdbcClient jdbc;

    InterlibraryLoanProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InterlibraryLoanRequested event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_interlibrary_loan (request_id, borrowing_school_id, lending_school_id, title_id, patron_id,
                                                          status, requested_at, updated_at, last_position)
                        values (:id, :borrowing, :lending, :title, :patron, 'REQUESTED', :at, :at, :position)
                        on conflict (request_id) do nothing""")
                .param("id", event.requestId().value())
                .param("borrowing", event.schoolId().value())
                .param("lending", event.lendingSchoolId().value())
                .param("title", event.titleId().value())
                .param("patron", event.patronId().value())
                .param("at", time(event.requestedAt()))
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(InterlibraryLoanRefused event, TrackingToken token) {
        jdbc.sql("""
                        update qs_interlibrary_loan set status = 'REFUSED', refusal = :reason, updated_at = :at, last_position = :position
                        where request_id = :id and last_position < :position""")
                .param("reason", event.reason())
                .param("id", event.requestId().value())
                .param("at", time(event.refusedAt()))
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(InterlibraryLoanShipped event, TrackingToken token) {
        jdbc.sql("""
                        update qs_interlibrary_loan set status = 'SHIPPED', barcode = :barcode, updated_at = :at, last_position = :position
                        where request_id = :id and last_position < :position""")
                .param("barcode", event.barcode().value())
                .param("id", event.requestId().value())
                .param("at", time(event.shippedAt()))
                .param("position", EventPosition.of(token))
                .update();
    }

    /** The request fulfilled: its receipt's time is kept once, whatever steps follow. */
    @EventHandler
    void on(CopyArrivedAtPartner event, TrackingToken token) {
        step(event.requestId(), "RECEIVED", event.receivedAt(), token);
        if (event.requestId() != null) {
            jdbc.sql("update qs_interlibrary_loan set received_at = ? where request_id = ? and received_at is null")
                    .params(time(event.receivedAt()), event.requestId().value())
                    .update();
        }
    }

    @EventHandler
    void on(CopySentHome event, TrackingToken token) {
        step(event.requestId(), "RETURN_SHIPPED", event.sentAt(), token);
    }

    @EventHandler
    void on(CopyBackHome event, TrackingToken token) {
        step(event.requestId(), "RETURNED", event.receivedAt(), token);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_interlibrary_loan").update();
    }

    private void step(InterlibraryLoanId request, String status, Instant at, TrackingToken token) {
        if (request == null) {
            return;
        }
        jdbc.sql("""
                        update qs_interlibrary_loan set status = :status, updated_at = :at, last_position = :position
                        where request_id = :id and last_position < :position""")
                .param("status", status)
                .param("id", request.value())
                .param("at", time(at))
                .param("position", EventPosition.of(token))
                .update();
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
