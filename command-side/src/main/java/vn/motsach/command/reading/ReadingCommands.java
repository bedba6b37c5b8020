package vn.motsach.command.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.ClassId;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.ReadingEventId;
import vn.motsach.events.ReadingEventKind;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;
import vn.motsach.events.TitleId;

/** The commands of reading culture. */
final class ReadingCommands {

    private ReadingCommands() {
    }

    record RecordReadingSession(SchoolId schoolId, ReadingSessionId sessionId, PatronId patronId, TitleId titleId,
            Instant startedAt, LocalDate startedOn, int minutes, ReadingPlace place) implements SchoolCommand<String> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return "reading-session:" + schoolId.value() + ":" + sessionId;
        }
    }

    record HoldLibraryPeriod(SchoolId schoolId, PeriodId periodId, ClassId classId, LocalDate heldOn, PeriodActivity activity,
            List<PatronId> attendeeIds, PatronId teacherId, String note) implements SchoolCommand<String> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return "library-period:" + schoolId.value() + ":" + periodId;
        }
    }

    record ScheduleReadingEvent(SchoolId schoolId, ReadingEventId eventId, String name, ReadingEventKind kind,
            LocalDate startsOn, LocalDate endsOn, List<ClassId> classIds) implements SchoolCommand<String> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return ReadingEvent.aggregateId(schoolId, eventId);
        }
    }

    record RecordParticipation(SchoolId schoolId, ReadingEventId eventId, List<PatronId> patronIds, LocalDate today)
            implements SchoolCommand<Integer> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return ReadingEvent.aggregateId(schoolId, eventId);
        }
    }

    record RemoveReadingTarget(SchoolId schoolId, String targetId) implements SchoolCommand<Void> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return ReadingTarget.aggregateId(schoolId, targetId);
        }
    }

    record SetReadingTarget(SchoolId schoolId, String targetId, TargetMetric metric, TargetScope scope, String scopeId,
            MetricPeriod period, BigDecimal threshold) implements SchoolCommand<SchoolRegistration> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return ReadingTarget.aggregateId(schoolId, targetId);
        }
    }
}
