package vn.motsach.events.school;

import vn.motsach.events.PatronCategory;
import vn.motsach.events.SchoolId;

/**
 * The contract's default loan policies, in force for a category until a school sets its own:
 * the one place the command side lends by and the query side shows.
 */
public final class DefaultLoanPolicies {

    private DefaultLoanPolicies() {
    }

    /** The policy as if the school had set the default. */
    public static LoanPolicySet of(SchoolId school, PatronCategory category) {
        return switch (category) {
            case STUDENT -> new LoanPolicySet(school, category, 14, 2, 1, 3);
            case TEACHER, STAFF -> new LoanPolicySet(school, category, 30, 5, 1, 3);
        };
    }
}
