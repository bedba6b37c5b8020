package vn.motsach.command.reading;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.patrons.ClassRegister;
import vn.motsach.command.reading.ReadingCommands.RemoveReadingTarget;
import vn.motsach.command.reading.ReadingCommands.SetReadingTarget;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.ClassId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TargetScope;
import vn.motsach.events.reading.ReadingTargetRemoved;
import vn.motsach.events.reading.ReadingTargetSet;

/** A reading target a school sets for itself, a grade or a class. */
@Aggregate
class ReadingTarget {

    @AggregateIdentifier
    private String id;
    private ReadingTargetSet current;

    ReadingTarget() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SchoolRegistration handle(SetReadingTarget command, ClassRegister classes) {
        if (command.scope() == TargetScope.CLASS) {
            ReadingRules.refuseWhenNoSuchClass(classes, command.schoolId(), ClassId.of(command.scopeId()));
        }
        ReadingTargetSet wanted = new ReadingTargetSet(command.schoolId(), command.targetId(), command.metric(), command.scope(),
                command.scopeId(), command.period(), command.threshold());
        if (wanted.equals(current)) {
            return SchoolRegistration.UNCHANGED;
        }
        boolean created = current == null;
        apply(wanted);
        return created ? SchoolRegistration.REGISTERED : SchoolRegistration.CHANGED;
    }

    /** A removed target is gone: removing it again is refused as for one never set. */
    @CommandHandler
    void handle(RemoveReadingTarget command) {
        if (current == null) {
            throw new Refused(RefusalCode.READING_TARGET_NOT_FOUND, command.targetId());
        }
        apply(new ReadingTargetRemoved(command.schoolId(), command.targetId()));
    }

    static String aggregateId(SchoolId school, String targetId) {
        return "reading-target:" + school.value() + ":" + targetId;
    }

    @EventSourcingHandler
    void on(ReadingTargetSet event) {
        id = aggregateId(event.schoolId(), event.targetId());
        current = event;
    }

    @EventSourcingHandler
    void on(ReadingTargetRemoved event) {
        current = null;
    }
}
