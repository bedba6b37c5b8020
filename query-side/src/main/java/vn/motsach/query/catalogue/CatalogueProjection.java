package vn.motsach.query.catalogue;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyDetailsRevised;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.IntakeReceived;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.catalogue.TitleRevised;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.events.interop.CopyArrivedAtPartner;
import vn.motsach.events.interop.CopyBackHome;
import vn.motsach.events.interop.CopyLocationEvent;
import vn.motsach.events.interop.CopySentAway;
import vn.motsach.events.interop.CopySentHome;
import vn.motsach.query.EventPosition;
import vn.motsach.query.web.Sql;

/**
 * The catalogue: titles with the search document the OPAC matches (title, authors, subjects,
 * ISBN), the intakes the copies came in, and every copy with what only the catalogue knows of
 * it: on the shelf, on the hold shelf for a hold, withdrawn or lost. A copy is on loan while its loan is open, which the loans projection
 * keeps ({@link vn.motsach.query.copies.CopyState}): checkouts, renewals and returns change no copy
 * here. From these a search finds titles by barcode and counts the copies on the shelf, and the
 * desk shows a copy. Each copy keeps its title's name and document type, revised with the title. A row changes only
 * for an event newer than the one that last changed it: an event applied twice, or late, changes
 * nothing.
 */
@Component
@ProcessingGroup(CatalogueProjection.NAME)
class CatalogueProjection {

    static final String NAME = "catalogue";

    private static final String INSERT_TITLE = """
            insert into qs_catalogue_title
              (school_id, title_id, title, authors, isbn, publisher, published_year, classification, subjects,
               doc_type, language, edition, control_number, catalogued_at, sort_key, search_doc, last_position)
            values (:school, :title_id, :title, :authors, :isbn, :publisher, :year, :classification, :subjects,
                    :doc_type, :language, :edition, :control_number, :at, qs_fold(:title),
                    qs_catalogue_doc(:title, :authors, :subjects, :isbn),
                    :position)
            on conflict (school_id, title_id) do nothing""";

    private static final String REVISE_TITLE = """
            update qs_catalogue_title
            set title = :title, authors = :authors, isbn = :isbn, publisher = :publisher, published_year = :year,
                classification = :classification, subjects = :subjects, doc_type = :doc_type, language = :language,
                edition = :edition, sort_key = qs_fold(:title), search_doc = qs_catalogue_doc(:title, :authors, :subjects, :isbn),
                last_position = :position
            where school_id = :school and title_id = :title_id and last_position < :position""";

    private final JdbcClient jdbc;

    CatalogueProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TitleCatalogued event, @Timestamp Instant at, TrackingToken token) {
        describing(jdbc.sql(INSERT_TITLE), event.schoolId(), event.titleId(), event.title(), event.authors(), event.isbn(),
                event.publisher(), event.publishedYear(), event.classification(), event.subjects(), event.docType(),
                event.language(), event.edition())
                .param("control_number", event.controlNumber())
                .param("at", Sql.timestamp(at))
                .param("position", EventPosition.of(token))
                .update();
    }

    /**
     * The title's row takes the whole new description; its copies take the name and document type
     * the row then has, which an older revision applied again leaves as they are. (The copies'
     * statement reads the row rather than branching on the first one's count, which a rebuild's
     * queued writes do not know.)
     */
    @EventHandler
    void on(TitleRevised event, TrackingToken token) {
        describing(jdbc.sql(REVISE_TITLE), event.schoolId(), event.titleId(), event.title(), event.authors(), event.isbn(),
                event.publisher(), event.publishedYear(), event.classification(), event.subjects(), event.docType(),
                event.language(), event.edition())
                .param("position", EventPosition.of(token))
                .update();
        jdbc.sql("""
                        update qs_copy c set title = t.title, doc_type = t.doc_type
                        from qs_catalogue_title t
                        where t.school_id = :school and t.title_id = :title_id
                          and c.school_id = t.school_id and c.title_id = t.title_id""")
                .param("school", event.schoolId().value())
                .param("title_id", event.titleId().value())
                .update();
    }

    @EventHandler
    void on(IntakeReceived event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_intake (school_id, intake_id, received_on, source, document_no, note, last_position)
                        values (:school, :intake, :received_on, :source, :document_no, :note, :position)
                        on conflict (school_id, intake_id) do nothing""")
                .param("school", event.schoolId().value())
                .param("intake", event.intakeId().value())
                .param("received_on", event.receivedOn())
                .param("source", event.source().name())
                .param("document_no", event.documentNo())
                .param("note", event.note())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(CopyAccessioned event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_copy (school_id, barcode, title_id, title, doc_type, loanable, acquired_on, source,
                                             intake_id, price, call_number, status, state_position, accession_position)
                        values (:school, :barcode, :title_id, :title, :doc_type, :loanable, :acquired_on, :source,
                                :intake, :price, :call_number, 'AVAILABLE', :position, :position)
                        on conflict (school_id, barcode) do nothing""")
                .param("intake", event.intakeId() == null ? null : event.intakeId().value())
                .param("price", event.price())
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .param("title_id", event.titleId().value())
                .param("title", event.title())
                .param("doc_type", event.docType().name())
                .param("loanable", event.loanable())
                .param("acquired_on", event.acquiredOn())
                .param("source", event.source())
                .param("call_number", event.callNumber())
                .param("position", EventPosition.of(token))
                .update();
    }

    /**
     * The copy's corrected details, guarded by a position of their own: its status is another
     * matter, so its state position stays.
     */
    @EventHandler
    void on(CopyDetailsRevised event, TrackingToken token) {
        jdbc.sql("""
                        update qs_copy set acquired_on = :acquired_on, source = :source, price = :price, loanable = :loanable,
                          call_number = :call_number, details_position = :position
                        where school_id = :school and barcode = :barcode and coalesce(details_position, 0) < :position""")
                .param("position", EventPosition.of(token))
                .param("acquired_on", event.acquiredOn())
                .param("source", event.source())
                .param("price", event.price())
                .param("loanable", event.loanable())
                .param("call_number", event.callNumber())
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .update();
    }

    @EventHandler
    void on(CopyWithdrawn event, TrackingToken token) {
        jdbc.sql("""
                        update qs_copy set status = 'WITHDRAWN', withdrawn_on = :on, withdrawal_reason = :reason,
                          withdrawal_decision_no = :decision, hold_id = null, hold_patron_id = null, pickup_by = null,
                          state_position = :position
                        where school_id = :school and barcode = :barcode and state_position < :position""")
                .param("on", event.withdrawnOn())
                .param("reason", event.reason())
                .param("decision", event.decisionNo())
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    /** A lost copy leaves the shelf for good; the loans projection closes its loan. */
    @EventHandler
    void on(CopyReportedLost event, TrackingToken token) {
        jdbc.sql("""
                        update qs_copy set status = 'LOST', lost_on = :on, loss_note = :note,
                          hold_id = null, hold_patron_id = null, pickup_by = null, state_position = :position
                        where school_id = :school and barcode = :barcode and state_position < :position""")
                .param("on", event.lostOn())
                .param("note", event.note())
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

    /** A copy away for liên thông stays in its owner's catalogue, in transit or at the partner, not on the shelf. */
    @EventHandler
    void on(CopySentAway event, TrackingToken token) {
        located(event, "IN_TRANSIT", token);
    }

    @EventHandler
    void on(CopyArrivedAtPartner event, TrackingToken token) {
        located(event, "AT_PARTNER", token);
    }

    @EventHandler
    void on(CopySentHome event, TrackingToken token) {
        located(event, "IN_TRANSIT", token);
    }

    @EventHandler
    void on(CopyBackHome event, TrackingToken token) {
        located(event, "AVAILABLE", token);
    }

    private void located(CopyLocationEvent event, String status, TrackingToken token) {
        jdbc.sql("""
                        update qs_copy set status = :status, state_position = :position
                        where school_id = :school and barcode = :barcode and state_position < :position""")
                .param("status", status)
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_catalogue_title, qs_copy, qs_intake").update();
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

    /** A title's description bound to its statement: the same in its first cataloguing and in every revision. */
    private static JdbcClient.StatementSpec describing(JdbcClient.StatementSpec statement, SchoolId school, TitleId title,
            String name, List<String> authors, String isbn, String publisher, Integer year, String classification,
            List<String> subjects, DocType docType, String language, String edition) {
        return statement
                .param("school", school.value())
                .param("title_id", title.value())
                .param("title", name)
                .param("authors", Sql.array(authors))
                .param("isbn", isbn)
                .param("publisher", publisher)
                .param("year", year)
                .param("classification", classification)
                .param("subjects", Sql.array(subjects))
                .param("doc_type", docType.name())
                .param("language", language)
                .param("edition", edition);
    }
}
