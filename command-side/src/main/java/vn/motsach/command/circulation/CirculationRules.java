package vn.motsach.command.circulation;

import vn.motsach.command.lookup.Lookups.PatronStanding;
import vn.motsach.command.school.LoanPolicy;
import vn.motsach.events.Barcode;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.TitleId;

/**
 * Every circulation rule, each a named function that refuses with its code (the README's rules
 * table lists them). Aggregates and the desk call them; they hold no state of their own.
 */
final class CirculationRules {

    private CirculationRules() {
    }

    static void refuseWhenCopyWithdrawn(boolean withdrawn, Barcode barcode) {
        if (withdrawn) {
            throw new Refused(RefusalCode.COPY_WITHDRAWN, barcode.value());
        }
    }

    static void refuseWhenCopyNotLoanable(boolean loanable, Barcode barcode) {
        if (!loanable) {
            throw new Refused(RefusalCode.COPY_NOT_LOANABLE, barcode.value());
        }
    }

    static void refuseWhenCopyAlreadyOnLoan(boolean onLoan, Barcode barcode) {
        if (onLoan) {
            throw new Refused(RefusalCode.COPY_ALREADY_ON_LOAN, barcode.value());
        }
    }

    static void refuseWhenCopyNotOnLoan(boolean onLoan, Barcode barcode) {
        if (!onLoan) {
            throw new Refused(RefusalCode.COPY_NOT_ON_LOAN, barcode.value());
        }
    }

    static void refuseWhenOnHoldForAnotherPatron(PatronId heldFor, PatronId borrower, Barcode barcode) {
        if (heldFor != null && !heldFor.equals(borrower)) {
            throw new Refused(RefusalCode.COPY_ON_HOLD_FOR_ANOTHER_PATRON, barcode.value());
        }
    }

    static void refuseWhenCopyOnHoldShelf(boolean onHoldShelf, Barcode barcode) {
        if (onHoldShelf) {
            throw new Refused(RefusalCode.COPY_ON_HOLD_SHELF, barcode.value());
        }
    }

    static void refuseWhenPatronInactive(PatronStanding patron) {
        if (!patron.active()) {
            throw new Refused(RefusalCode.PATRON_INACTIVE, patron.patronId().value());
        }
    }

    /** A patron with an overdue loan borrows again once it is back: the block lifts by itself. */
    static void refuseWhenPatronHasOverdueLoans(PatronStanding patron) {
        if (patron.overdueLoans() > 0) {
            throw new Refused(RefusalCode.PATRON_HAS_OVERDUE_LOANS, patron.patronId().value(), patron.overdueLoans());
        }
    }

    static void refuseWhenLoanLimitReached(PatronStanding patron, LoanPolicy policy) {
        if (patron.openLoans() >= policy.maxLoans()) {
            throw new Refused(RefusalCode.LOAN_LIMIT_REACHED, patron.patronId().value(), policy.maxLoans());
        }
    }

    static void refuseWhenRenewalLimitReached(int renewals, LoanPolicy policy, Barcode barcode) {
        if (renewals >= policy.maxRenewals()) {
            throw new Refused(RefusalCode.RENEWAL_LIMIT_REACHED, barcode.value(), policy.maxRenewals());
        }
    }

    /** Someone waiting for the title gets it before the current borrower keeps it longer. */
    static void refuseWhenRenewalBlockedByHold(int waitingHolds, Barcode barcode) {
        if (waitingHolds > 0) {
            throw new Refused(RefusalCode.RENEWAL_BLOCKED_BY_HOLD, barcode.value(), waitingHolds);
        }
    }

    static void refuseWhenHoldAlreadyPlaced(boolean alreadyHolding, PatronId patron) {
        if (alreadyHolding) {
            throw new Refused(RefusalCode.HOLD_ALREADY_PLACED, patron.value());
        }
    }

    /** A hold waits for a copy that can be lent: on a title with none (in-library use only, withdrawn) it would wait for ever. */
    static void refuseWhenTitleNotLoanable(boolean anyLoanableCopy, TitleId title) {
        if (!anyLoanableCopy) {
            throw new Refused(RefusalCode.TITLE_NOT_LOANABLE, title.value().toString());
        }
    }

    /** A hold is for a title none of whose copies can be taken from the shelf now. */
    static void refuseWhenHoldNotNeeded(boolean copyOnShelf, TitleId title) {
        if (copyOnShelf) {
            throw new Refused(RefusalCode.HOLD_NOT_NEEDED, title.value().toString());
        }
    }
}
