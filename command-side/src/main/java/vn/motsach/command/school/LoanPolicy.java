package vn.motsach.command.school;

import vn.motsach.events.PatronCategory;
import vn.motsach.events.school.DefaultLoanPolicies;
import vn.motsach.events.school.LoanPolicySet;

/**
 * How a patron category borrows: for how many days, how many copies at once, how many
 * renewals, and how many open days a copy waits on the hold shelf.
 */
public record LoanPolicy(int loanDays, int maxLoans, int maxRenewals, int holdPickupDays) {

    /** The contract's defaults, in force until a school sets its own. */
    public static LoanPolicy defaultFor(PatronCategory category) {
        LoanPolicySet policy = DefaultLoanPolicies.of(null, category);
        return new LoanPolicy(policy.loanDays(), policy.maxLoans(), policy.maxRenewals(), policy.holdPickupDays());
    }
}
