package vn.motsach.command.school;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;

/** A school: its name, its levels and the authority that supervises it. */
@Aggregate
class School {

    @AggregateIdentifier
    private String id;
    private String name;
    private List<EducationLevel> educationLevels;
    private AuthorityId authorityId;

    School() {
        // for Axon
    }

    /** Aggregate ids share one event store with every other aggregate type, hence the prefix. */
    static String aggregateId(SchoolId schoolId) {
        return "school:" + schoolId.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SchoolRegistration handle(RegisterSchool command) {
        if (id == null) {
            apply(new SchoolRegistered(command.schoolId(), command.name(), command.educationLevels(), command.authorityId()));
            return SchoolRegistration.REGISTERED;
        }
        if (name.equals(command.name())
                && educationLevels.equals(command.educationLevels())
                && Objects.equals(authorityId, command.authorityId())) {
            return SchoolRegistration.UNCHANGED;
        }
        apply(new SchoolDetailsChanged(command.schoolId(), command.name(), command.educationLevels(), command.authorityId()));
        return SchoolRegistration.CHANGED;
    }

    @EventSourcingHandler
    void on(SchoolRegistered event) {
        id = aggregateId(event.schoolId());
        name = event.name();
        educationLevels = event.educationLevels();
        authorityId = event.authorityId();
    }

    @EventSourcingHandler
    void on(SchoolDetailsChanged event) {
        name = event.name();
        educationLevels = event.educationLevels();
        authorityId = event.authorityId();
    }
}
