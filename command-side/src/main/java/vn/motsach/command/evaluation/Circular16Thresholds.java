package vn.motsach.command.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.evaluation.EvaluationCommands.SetCircular16Thresholds;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.evaluation.Circular16ThresholdsSet;

/** An authority's Circular 16 numbers for one school year; setting the same numbers again changes nothing. */
@Aggregate
class Circular16Thresholds {

    @AggregateIdentifier
    private String id;
    private Circular16ThresholdsSet current;

    Circular16Thresholds() {
        // for Axon
    }

    static String aggregateId(AuthorityId authority, SchoolYear year) {
        return "circular-16-thresholds:" + authority.value() + ":" + year.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetCircular16Thresholds command) {
        Circular16ThresholdsSet set = new Circular16ThresholdsSet(command.authorityId(), command.schoolYear(),
                command.copiesPerStudentLevel2(), command.copiesPerTeacherLevel2(), command.activitiesPerMonth(),
                command.countedDocTypes());
        if (!set.equals(current)) {
            apply(set);
        }
    }

    @EventSourcingHandler
    void on(Circular16ThresholdsSet event) {
        id = aggregateId(event.authorityId(), event.schoolYear());
        current = event;
    }
}
