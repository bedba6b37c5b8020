package vn.motsach.command.reading;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.patrons.ClassRegister;
import vn.motsach.command.patrons.PatronLookups.Member;
import vn.motsach.command.reading.ReadingCommands.RecordParticipation;
import vn.motsach.command.reading.ReadingCommands.ScheduleReadingEvent;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.ReadingEventId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;

/**
 * A reading event (reading day, book talk, festival, contest) for some classes, and who took
 * part: each participant once, counted in the class they were in during the event.
 */
@Aggregate
class ReadingEvent {

    @AggregateIdentifier
    private String id;
    private SchoolId schoolId;
    private ReadingEventId eventId;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Set<ClassId> classes;
    private final Set<PatronId> participants = new HashSet<>();

    ReadingEvent() {
        // for Axon
    }

    static String aggregateId(SchoolId school, ReadingEventId event) {
        return "reading-event:" + school.value() + ":" + event;
    }

    @CommandHandler
    ReadingEvent(ScheduleReadingEvent command, SchoolRecords records, ClassRegister classes) {
        command.classIds().forEach(classId -> ReadingRules.refuseWhenNoSuchClass(classes, command.schoolId(), classId));
        String year = ReadingRules.refuseWhenOutsideSchoolYear(records, command.schoolId(), command.startsOn());
        if (!year.equals(ReadingRules.refuseWhenOutsideSchoolYear(records, command.schoolId(), command.endsOn()))) {
            throw new Refused(RefusalCode.OUTSIDE_SCHOOL_YEAR, command.endsOn());
        }
        apply(new ReadingEventScheduled(command.schoolId(), command.eventId(), command.name(), command.kind(),
                command.startsOn(), command.endsOn(), command.classIds()));
    }

    /** @return how many patrons were recorded now (those recorded before count once) */
    @CommandHandler
    int handle(RecordParticipation command, SchoolRecords records) {
        LocalDate day = command.today().isBefore(startsOn) ? startsOn : command.today().isAfter(endsOn) ? endsOn : command.today();
        List<Participant> added = new ArrayList<>();
        List<PatronId> outsiders = new ArrayList<>();
        for (PatronId patron : command.patronIds()) {
            Member member = ReadingRules.refuseWhenNoSuchPatron(records.memberOn(schoolId, patron, day), patron);
            if (member.classId() == null || !classes.contains(member.classId())) {
                outsiders.add(patron);
            } else if (!participants.contains(patron)) {
                added.add(new Participant(patron, member.category(), member.classId()));
            }
        }
        ReadingRules.refuseWhenNotInClass(outsiders);
        if (!added.isEmpty()) {
            apply(new ReadingEventParticipationRecorded(schoolId, eventId, command.today(), added));
        }
        return added.size();
    }

    @EventSourcingHandler
    void on(ReadingEventScheduled event) {
        id = aggregateId(event.schoolId(), event.eventId());
        schoolId = event.schoolId();
        eventId = event.eventId();
        startsOn = event.startsOn();
        endsOn = event.endsOn();
        classes = Set.copyOf(event.classIds());
    }

    @EventSourcingHandler
    void on(ReadingEventParticipationRecorded event) {
        event.participants().forEach(participant -> participants.add(participant.patronId()));
    }
}
