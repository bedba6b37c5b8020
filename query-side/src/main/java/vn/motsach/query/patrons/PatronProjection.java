package vn.motsach.query.patrons;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.ClassId;
import vn.motsach.events.patron.ClassHistory;
import vn.motsach.events.patron.PatronDetailsChanged;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.patron.PatronRejoined;
import vn.motsach.query.EventPosition;
import vn.motsach.query.web.Sql;

/**
 * Patrons with the history of their class membership and of their leaving and rejoining, from
 * which a class's roster at any date is read. History rows are keyed by the event's position:
 * an event seen twice adds nothing, and one seen late slots into place because intervals are
 * ordered by their dates when read, not by when the rows arrived.
 */
@Component
@ProcessingGroup(PatronProjection.NAME)
class PatronProjection {

    static final String NAME = "patrons";

    private final JdbcClient jdbc;

    PatronProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The registration's date, from which its class holds, is the one {@link ClassHistory} gives every side. */
    @EventHandler
    void on(PatronRegistered event, @Timestamp Instant at, TrackingToken token) {
        long position = EventPosition.of(token);
        LocalDate registeredOn = ClassHistory.registeredOn(at);
        jdbc.sql("""
                        insert into qs_patron as p (school_id, patron_id, full_name, category, registered_on, last_position)
                        values (:school, :patron, :name, :category, :on, :position)
                        on conflict (school_id, patron_id) do update set
                          full_name = excluded.full_name, category = excluded.category,
                          registered_on = least(p.registered_on, excluded.registered_on), last_position = excluded.last_position
                        where p.last_position < excluded.last_position""")
                .param("school", event.schoolId().value())
                .param("patron", event.patronId().value())
                .param("name", event.fullName())
                .param("category", event.category().name())
                .param("on", registeredOn)
                .param("position", position)
                .update();
        joinClass(event.schoolId().value(), event.patronId().value(), event.classId(), registeredOn, position);
    }

    @EventHandler
    void on(PatronDetailsChanged event, TrackingToken token) {
        jdbc.sql("""
                        update qs_patron set full_name = :name, category = :category, last_position = :position
                        where school_id = :school and patron_id = :patron and last_position < :position""")
                .param("name", event.fullName())
                .param("category", event.category().name())
                .param("school", event.schoolId().value())
                .param("patron", event.patronId().value())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(PatronMovedToClass event, TrackingToken token) {
        joinClass(event.schoolId().value(), event.patronId().value(), event.toClassId(), event.effectiveOn(),
                EventPosition.of(token));
    }

    @EventHandler
    void on(PatronLeft event, TrackingToken token) {
        departure(event.schoolId().value(), event.patronId().value(), "LEFT", event.leftOn(),
                event.reason() == null ? null : event.reason().name(), EventPosition.of(token));
    }

    @EventHandler
    void on(PatronRejoined event, TrackingToken token) {
        departure(event.schoolId().value(), event.patronId().value(), "REJOINED", event.rejoinedOn(), null,
                EventPosition.of(token));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_patron, qs_patron_membership, qs_patron_departure").update();
    }

    private void joinClass(String school, String patron, ClassId classId, LocalDate from, long position) {
        jdbc.sql("""
                        insert into qs_patron_membership (school_id, patron_id, position, class_id, valid_from)
                        values (:school, :patron, :position, :class_id, :from)
                        on conflict (school_id, patron_id, position) do nothing""")
                .param("school", school)
                .param("patron", patron)
                .param("position", position)
                .param("class_id", Sql.text(classId))
                .param("from", from)
                .update();
    }

    private void departure(String school, String patron, String kind, LocalDate on, String reason, long position) {
        jdbc.sql("""
                        insert into qs_patron_departure (school_id, patron_id, position, kind, on_date, reason)
                        values (:school, :patron, :position, :kind, :on, :reason)
                        on conflict (school_id, patron_id, position) do nothing""")
                .param("school", school)
                .param("patron", patron)
                .param("position", position)
                .param("kind", kind)
                .param("on", on)
                .param("reason", reason)
                .update();
    }
}
