package vn.motsach.command.patrons;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.patrons.PatronCommands.MovePatronToClass;
import vn.motsach.command.patrons.PatronCommands.RecordDeparture;
import vn.motsach.command.patrons.PatronCommands.RegisterPatron;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.patron.ClassHistory;
import vn.motsach.events.patron.PatronDetailsChanged;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.patron.PatronRejoined;

/** A patron (bạn đọc): who they are, their class over time, and whether they are still at the school. */
@Aggregate
class Patron {

    /** Classes from their dates on; the first from the patron's registration, none before it. */
    private ClassHistory classes = ClassHistory.none();
    @AggregateIdentifier
    private String id;
    private String fullName;
    private PatronCategory category;
    private boolean active;
    /** The day a departure takes effect: one dated ahead (a rollover's graduation) has not happened yet. */
    private LocalDate leftOn;
    /** Why the patron left, while they are gone. */
    private DepartureReason leftFor;
    /** The day the patron joined the school: registered, or back after an earlier departure. */
    private LocalDate joinedOn;

    Patron() {
        // for Axon
    }

    static String aggregateId(SchoolId school, PatronId patron) {
        return "patron:" + school.value() + ":" + patron.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SchoolRegistration handle(RegisterPatron command, ClassRegister classRegister) {
        if (command.classId() != null) {
            refuseWhenNoSuchClass(command.schoolId(), command.classId(), classRegister);
            if (!command.classId().equals(id == null ? null : classes.classOn(command.today()).orElse(null))) {
                classRegister.refuseWhenClosedOn(command.schoolId(), command.classId(), command.today());
            }
        }
        if (id == null) {
            apply(new PatronRegistered(command.schoolId(), command.patronId(), command.fullName(), command.category(),
                    command.classId()));
            return SchoolRegistration.REGISTERED;
        }
        boolean changed = false;
        // a patron whose departure is still ahead is here: sent again as they are (a roster imported
        // again after the rollover), they keep their departure rather than rejoin before leaving
        if (!Departures.hereOn(active, leftOn, command.today())) {
            apply(new PatronRejoined(command.schoolId(), command.patronId(), command.today()));
            changed = true;
        }
        if (!command.fullName().equals(fullName) || command.category() != category) {
            apply(new PatronDetailsChanged(command.schoolId(), command.patronId(), command.fullName(), command.category()));
            changed = true;
        }
        ClassId current = classes.classOn(command.today()).orElse(null);
        if (command.classId() != null && !command.classId().equals(current)) {
            apply(new PatronMovedToClass(command.schoolId(), command.patronId(), current, command.classId(), command.today()));
            changed = true;
        }
        return changed ? SchoolRegistration.CHANGED : SchoolRegistration.UNCHANGED;
    }

    @CommandHandler
    boolean handle(MovePatronToClass command, ClassRegister classRegister) {
        refuseWhenNoSuchClass(command.schoolId(), command.toClassId(), classRegister);
        refuseWhenBeforeRegistration(command);
        classRegister.refuseWhenClosedOn(command.schoolId(), command.toClassId(), command.effectiveOn());
        ClassId from = classes.classOn(command.effectiveOn()).orElse(null);
        if (classes.joinsOn(command.effectiveOn(), command.toClassId())) {
            return false;
        }
        apply(new PatronMovedToClass(command.schoolId(), command.patronId(), from, command.toClassId(), command.effectiveOn()));
        return true;
    }

    /** A patron who leaves waits for nothing any more: their open holds are cancelled with the departure. */
    @CommandHandler
    Departed handle(RecordDeparture command, DepartureHolds holds) {
        if (!active) {
            return new Departed(false, leftFor, leftOn);
        }
        Departures.refuseWhenBeforeJoining(command.patronId(), command.leftOn(), joinedOn);
        apply(new PatronLeft(command.schoolId(), command.patronId(), command.reason(), command.leftOn()));
        holds.cancelOpenHolds(command.schoolId(), command.patronId());
        return new Departed(true, command.reason(), command.leftOn());
    }

    private static void refuseWhenNoSuchClass(SchoolId school, ClassId classId, ClassRegister classRegister) {
        if (!classRegister.classExists(school, classId)) {
            throw new Refused(RefusalCode.CLASS_NOT_FOUND, classId.value());
        }
    }

    /** A patron was in no class before the school knew them: a move cannot be dated before that. */
    private void refuseWhenBeforeRegistration(MovePatronToClass command) {
        LocalDate registeredOn = classes.startsOn().orElseThrow();
        if (command.effectiveOn().isBefore(registeredOn)) {
            throw new Refused(RefusalCode.CLASS_MOVE_BEFORE_REGISTRATION, command.patronId().value(), command.effectiveOn(),
                    registeredOn);
        }
    }

    @EventSourcingHandler
    void on(PatronRegistered event, @Timestamp Instant recordedAt) {
        id = aggregateId(event.schoolId(), event.patronId());
        fullName = event.fullName();
        category = event.category();
        active = true;
        joinedOn = ClassHistory.registeredOn(recordedAt);
        classes = classes.from(joinedOn, event.classId());
    }

    @EventSourcingHandler
    void on(PatronDetailsChanged event) {
        fullName = event.fullName();
        category = event.category();
    }

    @EventSourcingHandler
    void on(PatronMovedToClass event) {
        classes = classes.from(event.effectiveOn(), event.toClassId());
    }

    @EventSourcingHandler
    void on(PatronLeft event) {
        active = false;
        leftOn = event.leftOn();
        leftFor = event.reason();
    }

    @EventSourcingHandler
    void on(PatronRejoined event) {
        active = true;
        joinedOn = event.rejoinedOn();
        leftOn = null;
        leftFor = null;
    }
}
