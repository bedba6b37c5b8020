package vn.motsach.query.reading;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;
import vn.motsach.events.reading.ReadingSessionRecorded;
import vn.motsach.query.EventPosition;
import vn.motsach.query.web.Sql;

/**
 * Library periods, reading events and reading sessions as lists read them. Analytics keeps these
 * facts too, in Kafka Streams stores keyed for its metrics (one school's totals, one period's
 * evaluation); a list paged and filtered by class, patron and dates is an indexed range scan
 * here, with read-your-writes through {@code X-Min-Event-Position} as every query has, where
 * the stores would be scanned whole for each page. Each fact is written once, keyed by its id,
 * so an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(ReadingActivitiesProjection.NAME)
class ReadingActivitiesProjection {

    static final String NAME = "reading-activities";

    private final JdbcClient jdbc;

    ReadingActivitiesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LibraryPeriodHeld event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_library_period (school_id, period_id, class_id, held_on, activity, attendee_ids,
                          enrolled_students, teacher_id, note, last_position)
                        values (:school, :period_id, :class_id, :held_on, :activity, :attendee_ids, :enrolled, :teacher_id,
                          :note, :position)
                        on conflict (school_id, period_id) do nothing""")
                .param("school", event.schoolId().value())
                .param("period_id", event.periodId().value())
                .param("class_id", event.classId().value())
                .param("held_on", event.heldOn())
                .param("activity", event.activity().name())
                .param("attendee_ids", event.attendeeIds().stream().map(Object::toString).toArray(String[]::new))
                .param("enrolled", event.enrolledStudents())
                .param("teacher_id", Sql.text(event.teacherId()))
                .param("note", event.note())
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(ReadingEventScheduled event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_reading_event (school_id, event_id, name, kind, starts_on, ends_on, class_ids, last_position)
                        values (:school, :event_id, :name, :kind, :starts_on, :ends_on, :class_ids, :position)
                        on conflict (school_id, event_id) do nothing""")
                .param("school", event.schoolId().value())
                .param("event_id", event.eventId().value())
                .param("name", event.name())
                .param("kind", event.kind().name())
                .param("starts_on", event.startsOn())
                .param("ends_on", event.endsOn())
                .param("class_ids", event.classIds().stream().map(Object::toString).toArray(String[]::new))
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(ReadingEventParticipationRecorded event) {
        for (Participant participant : event.participants()) {
            jdbc.sql("""
                            insert into qs_reading_event_participant (school_id, event_id, patron_id, class_id, recorded_on)
                            values (:school, :event_id, :patron_id, :class_id, :recorded_on)
                            on conflict (school_id, event_id, patron_id) do nothing""")
                    .param("school", event.schoolId().value())
                    .param("event_id", event.eventId().value())
                    .param("patron_id", participant.patronId().value())
                    .param("class_id", Sql.text(participant.classId()))
                    .param("recorded_on", event.recordedOn())
                    .update();
        }
    }

    @EventHandler
    void on(ReadingSessionRecorded event) {
        jdbc.sql("""
                        insert into qs_reading_session (school_id, session_id, patron_id, class_id, title_id, started_at, minutes,
                          place, self_reported)
                        values (:school, :session_id, :patron_id, :class_id, :title_id, :started_at, :minutes, :place, :self_reported)
                        on conflict (school_id, session_id) do nothing""")
                .param("school", event.schoolId().value())
                .param("session_id", event.sessionId().value())
                .param("patron_id", event.patronId().value())
                .param("class_id", Sql.text(event.classId()))
                .param("title_id", event.titleId() == null ? null : event.titleId().value())
                .param("started_at", Sql.timestamp(event.startedAt()))
                .param("minutes", event.minutes())
                .param("place", event.place().name())
                .param("self_reported", event.selfReported())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_library_period, qs_reading_event, qs_reading_event_participant, qs_reading_session").update();
    }
}
