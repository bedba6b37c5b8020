package vn.motsach.query.catalogue;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.query.EventPosition;
import vn.motsach.query.web.Sql;

/**
 * The catalogue: titles with the search document the OPAC matches (title, authors, subjects,
 * ISBN), and every copy with what only the catalogue knows of it: on the shelf, on the hold shelf
 * for a hold, or withdrawn. A copy is on loan while its loan is open, which the loans projection
 * keeps ({@link vn.motsach.query.copies.CopyState}): checkouts, renewals and returns change no copy
 * here. From these a search finds titles by barcode and counts the copies on the shelf, and the
 * desk shows a copy. Each copy keeps the title name it was accessioned under. A row changes only
 * for an event newer than the one that last changed it: an event applied twice, or late, changes
 * nothing.
 */
@Component
@ProcessingGroup(CatalogueProjection.NAME)
class CatalogueProjection {

    static final String NAME = "catalogue";

    private final JdbcClient jdbc;

    CatalogueProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TitleCatalogued event, @Timestamp Instant at, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_catalogue_title
                          (school_id, title_id, title, authors, isbn, publisher, published_year, classification, subjects,
                           doc_type, language, catalogued_at, sort_key, search_doc, last_position)
                        values (:school, :title_id, :title, :authors, :isbn, :publisher, :year, :classification, :subjects,
                                :doc_type, :language, :at, qs_fold(:title),
                                qs_catalogue_doc(:title, :authors, :subjects, :isbn),
                                :position)
                        on conflict (school_id, title_id) do nothing""")
                .param("school", event.schoolId().value())
                .param("title_id", event.titleId().value())
                .param("title", event.title())
                .param("authors", Sql.array(event.authors()))
                .param("isbn", event.isbn())
                .param("publisher", event.publisher())
                .param("year", event.publishedYear())
                .param("classification", event.classification())
                .param("subjects", Sql.array(event.subjects()))
                .param("doc_type", event.docType().name())
                .param("language", event.language())
                .param("at", Sql.timestamp(at))
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(CopyAccessioned event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_copy (school_id, barcode, title_id, title, doc_type, loanable, acquired_on, source,
                                             status, state_position)
                        values (:school, :barcode, :title_id, :title, :doc_type, :loanable, :acquired_on, :source,
                                'AVAILABLE', :position)
                        on conflict (school_id, barcode) do nothing""")
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .param("title_id", event.titleId().value())
                .param("title", event.title())
                .param("doc_type", event.docType().name())
                .param("loanable", event.loanable())
                .param("acquired_on", event.acquiredOn())
                .param("source", event.source())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(CopyWithdrawn event, TrackingToken token) {
        jdbc.sql("""
                        update qs_copy set status = 'WITHDRAWN', withdrawn_on = :on, withdrawal_reason = :reason,
                          hold_id = null, hold_patron_id = null, pickup_by = null, state_position = :position
                        where school_id = :school and barcode = :barcode and state_position < :position""")
                .param("on", event.withdrawnOn())
                .param("reason", event.reason())
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(HoldReadyForPickup event, TrackingToken token) {
        jdbc.sql("""
                        update qs_copy set status = 'ON_HOLD_SHELF', hold_id = :hold, hold_patron_id = :patron,
                          pickup_by = :pickup_by, state_position = :position
                        where school_id = :school and barcode = :barcode and state_position < :position""")
                .param("hold", event.holdId().value())
                .param("patron", event.patronId().value())
                .param("pickup_by", event.pickupBy())
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(HoldFulfilled event, TrackingToken token) {
        leaveHoldShelf(event.schoolId(), event.barcode(), event.holdId(), token);
    }

    @EventHandler
    void on(HoldCancelled event, TrackingToken token) {
        leaveHoldShelf(event.schoolId(), event.barcode(), event.holdId(), token);
    }

    @EventHandler
    void on(HoldExpired event, TrackingToken token) {
        leaveHoldShelf(event.schoolId(), event.barcode(), event.holdId(), token);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_catalogue_title, qs_copy").update();
    }

    /**
     * The copy goes back on the shelf only if it still waits for this hold: the next patron's hold
     * may have it already.
     */
    private void leaveHoldShelf(SchoolId school, Barcode barcode, HoldId hold, TrackingToken token) {
        if (barcode == null) {
            return;
        }
        jdbc.sql("""
                        update qs_copy set status = 'AVAILABLE', hold_id = null, hold_patron_id = null, pickup_by = null,
                          state_position = :position
                        where school_id = :school and barcode = :barcode and state_position < :position
                          and status = 'ON_HOLD_SHELF' and hold_id = :hold""")
                .param("school", school.value())
                .param("barcode", barcode.value())
                .param("hold", hold.value())
                .param("position", EventPosition.of(token))
                .update();
    }
}
