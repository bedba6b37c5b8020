package vn.motsach.query.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.query.EventPosition;
import vn.motsach.query.replay.RebuildableProjection;
import vn.motsach.query.web.Sql;

/**
 * The catalogue as the OPAC searches it: titles with a search document (title, authors,
 * subjects, ISBN, barcodes) and their copies' status, from which a search counts the copies on
 * the shelf. It follows every copy's status itself rather than trusting another projection to
 * have caught up; each copy's status changes only for an event newer than the one that set it,
 * so an event applied twice, or late, changes nothing.
 */
@Component
@ProcessingGroup(CatalogueProjection.NAME)
class CatalogueProjection implements RebuildableProjection {

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
                                qs_catalogue_doc(:title, :authors, :subjects, :isbn,
                                                 (select string_agg(barcode, ' ' order by barcode)
                                                  from qs_catalogue_copy where school_id = :school and title_id = :title_id)),
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

    /**
     * The copy's barcode joins its title's search document once: a title's position says which
     * events it already holds, so an accession applied twice, or one the title gathered when it was
     * catalogued, changes nothing. Two statements that read nothing first, so that a rebuild can
     * send each for many copies at once.
     */
    @EventHandler
    void on(CopyAccessioned event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_catalogue_copy (school_id, barcode, title_id, status, loanable, state_position)
                        values (:school, :barcode, :title_id, 'AVAILABLE', :loanable, :position)
                        on conflict (school_id, barcode) do nothing""")
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .param("title_id", event.titleId().value())
                .param("loanable", event.loanable())
                .param("position", EventPosition.of(token))
                .update();
        jdbc.sql("""
                        update qs_catalogue_title
                        set search_doc = search_doc || setweight(to_tsvector('simple', qs_words(:barcode)), 'D'),
                            last_position = :position
                        where school_id = :school and title_id = :title_id and last_position < :position""")
                .param("school", event.schoolId().value())
                .param("barcode", event.barcode().value())
                .param("title_id", event.titleId().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(CopyWithdrawn event, TrackingToken token) {
        changeStatus(event.schoolId(), event.barcode(), "WITHDRAWN", null, null, token);
    }

    @EventHandler
    void on(CopyCheckedOut event, TrackingToken token) {
        changeStatus(event.schoolId(), event.barcode(), "ON_LOAN", null, null, token);
    }

    @EventHandler
    void on(CopyReturned event, TrackingToken token) {
        boolean toHoldShelf = event.routedTo() == Routing.HOLD_SHELF;
        changeStatus(event.schoolId(), event.barcode(), toHoldShelf ? "ON_HOLD_SHELF" : "AVAILABLE",
                toHoldShelf ? event.holdId() : null, null, token);
    }

    @EventHandler
    void on(HoldReadyForPickup event, TrackingToken token) {
        changeStatus(event.schoolId(), event.barcode(), "ON_HOLD_SHELF", event.holdId(), null, token);
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
        jdbc.sql("truncate qs_catalogue_title, qs_catalogue_copy").update();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("qs_catalogue_title", "qs_catalogue_copy");
    }

    @Override
    public Set<String> lookupIndexes() {
        // a new title gathers the barcodes of copies accessioned before it
        return Set.of("qs_catalogue_copy_title");
    }

    @Override
    public Set<Class<?>> rowKeys() {
        // a new copy changes its title's search document, and a new title reads its copies
        return Set.of(TitleId.class, Barcode.class);
    }

    @Override
    public Object writingTo(JdbcClient other) {
        return new CatalogueProjection(other);
    }

    /**
     * A hold's copy leaves the hold shelf only if it is still there for that hold: the loan that
     * fulfils the hold, or the next hold's turn, may already have been applied.
     */
    private void leaveHoldShelf(SchoolId school, Barcode barcode, HoldId hold, TrackingToken token) {
        if (barcode != null) {
            changeStatus(school, barcode, "AVAILABLE", null, hold, token);
        }
    }

    /** The title's copy counts are read from its copies ({@link CatalogueSearch}), so only the copy changes. */
    private void changeStatus(SchoolId school, Barcode barcode, String status, HoldId hold, HoldId onlyFromHold,
            TrackingToken token) {
        jdbc.sql("""
                        update qs_catalogue_copy set status = :status, hold_id = :hold, state_position = :position
                        where school_id = :school and barcode = :barcode and state_position < :position
                          and (cast(:from_hold as uuid) is null or (status = 'ON_HOLD_SHELF' and hold_id = :from_hold))""")
                .param("status", status)
                .param("hold", hold == null ? null : hold.value())
                .param("from_hold", onlyFromHold == null ? null : onlyFromHold.value())
                .param("school", school.value())
                .param("barcode", barcode.value())
                .param("position", EventPosition.of(token))
                .update();
    }
}
