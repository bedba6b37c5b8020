package vn.motsach.analytics.periods;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import vn.motsach.analytics.streams.LatestById;
import vn.motsach.events.PatronId;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.reading.LibraryPeriodHeld;

/**
 * Every library period held, by school and period id, for its evaluation: the attendees'
 * loans and reading that day are read from the day activity at query time, so a loan synced
 * late still counts for the period of its day.
 */
public final class LibraryPeriodsTopology {

    public static final String PERIODS_STORE = "library-periods";

    private LibraryPeriodsTopology() {
    }

    public static void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents) {
        LatestById.in(PERIODS_STORE, LibraryPeriodRecord.class)
                .on(LibraryPeriodHeld.class, LibraryPeriodHeld::periodId, (held, current, envelope) ->
                        new LibraryPeriodRecord(held.periodId().toString(), held.classId().value(), held.heldOn(),
                                held.activity().name(), held.attendeeIds().stream().map(PatronId::value).toList(),
                                held.enrolledStudents(), envelope.occurredAt()))
                .build(builder, schoolEvents, "library-period-records");
    }
}
