package vn.motsach.command.school;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.events.PatronCategory;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.SchoolId;

/** Sets the loan policy of one patron category. */
record SetLoanPolicy(SchoolId schoolId, PatronCategory category, LoanPolicy policy) implements SchoolCommand<LoanPolicy> {

    @TargetAggregateIdentifier
    String aggregateId() {
        return School.aggregateId(schoolId);
    }
}
