package vn.motsach.command.school;

import vn.motsach.events.PatronCategory;

/**
 * How a patron category borrows: for how many days, how many copies at once, how many
 * renewals, and how many open days a copy waits on the hold shelf.
 */
public record LoanPolicy(int loanDays, int maxLoans, int maxRenewals, int holdPickupDays) {

    /** The contract's defaults, in force until a school sets its own. */
    public static LoanPolicy defaultFor(PatronCategory category) {
        return switch (category) {
            case STUDENT -> new LoanPolicy(14, 2, 1, 3);
            case TEACHER, STAFF -> new LoanPolicy(30, 5, 1, 3);
        };
    }
}
