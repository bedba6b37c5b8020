package vn.motsach.command.school;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.school.LoanPolicySet;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolSupervisionChanged;

/** A school: its name, its levels and the authority that supervises it. */
@Aggregate
class School {

    @AggregateIdentifier
    private String id;
    private String name;
    private List<EducationLevel> educationLevels;
    private AuthorityId authorityId;
    /** Empty until the authority first changes: until then the school reported to {@link #authorityId} in every year. */
    private Supervisions supervisions = Supervisions.NONE;
    private final Map<SchoolYear, SchoolYearScheduled> schoolYears = new HashMap<>();
    private final Map<PatronCategory, LoanPolicy> loanPolicies = new EnumMap<>(PatronCategory.class);

    School() {
        // for Axon
    }

    AuthorityId authorityId() {
        return authorityId;
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
        Supervisions supervised = supervisions.orSince(authorityId).from(command.authorityFrom(), command.authorityId());
        boolean detailsChanged = !name.equals(command.name())
                || !educationLevels.equals(command.educationLevels())
                || !Objects.equals(authorityId, command.authorityId());
        boolean supervisionChanged = !supervised.equals(supervisions.orSince(authorityId));
        if (!detailsChanged && !supervisionChanged) {
            return SchoolRegistration.UNCHANGED;
        }
        apply(new SchoolDetailsChanged(command.schoolId(), command.name(), command.educationLevels(), command.authorityId()));
        // SchoolDetailsChanged alone reads as "this authority in every year": a school that has moved
        // repeats its stretches with it, or a change of its name would rewrite its earlier years
        if (supervisionChanged || supervised.stretches().size() > 1) {
            apply(new SchoolSupervisionChanged(command.schoolId(), supervised.stretches()));
        }
        return SchoolRegistration.CHANGED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SchoolRegistration handle(ScheduleSchoolYear command) {
        refuseWhenNotRegistered(command.schoolId());
        SchoolYearScheduled scheduled = new SchoolYearScheduled(command.schoolId(), command.schoolYear(),
                command.startsOn(), command.endsOn(), command.semesters(), command.closedDays());
        SchoolYearScheduled current = schoolYears.get(command.schoolYear());
        if (scheduled.equals(current)) {
            return SchoolRegistration.UNCHANGED;
        }
        apply(scheduled);
        return current == null ? SchoolRegistration.REGISTERED : SchoolRegistration.CHANGED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    LoanPolicy handle(SetLoanPolicy command) {
        refuseWhenNotRegistered(command.schoolId());
        LoanPolicy policy = command.policy();
        if (!policy.equals(loanPolicies.get(command.category()))) {
            apply(new LoanPolicySet(command.schoolId(), command.category(), policy.loanDays(), policy.maxLoans(),
                    policy.maxRenewals(), policy.holdPickupDays()));
        }
        return policy;
    }

    /** Set-up commands create nothing: a school must be registered first. */
    private void refuseWhenNotRegistered(SchoolId schoolId) {
        if (id == null) {
            throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, schoolId.value());
        }
    }

    @EventSourcingHandler
    void on(SchoolYearScheduled event) {
        schoolYears.put(event.schoolYear(), event);
    }

    @EventSourcingHandler
    void on(LoanPolicySet event) {
        loanPolicies.put(event.category(),
                new LoanPolicy(event.loanDays(), event.maxLoans(), event.maxRenewals(), event.holdPickupDays()));
    }

    @EventSourcingHandler
    void on(SchoolRegistered event) {
        id = aggregateId(event.schoolId());
        name = event.name();
        educationLevels = event.educationLevels();
        authorityId = event.authorityId();
    }

    @EventSourcingHandler
    void on(SchoolSupervisionChanged event) {
        supervisions = new Supervisions(event.supervisions());
    }

    @EventSourcingHandler
    void on(SchoolDetailsChanged event) {
        name = event.name();
        educationLevels = event.educationLevels();
        authorityId = event.authorityId();
    }
}
