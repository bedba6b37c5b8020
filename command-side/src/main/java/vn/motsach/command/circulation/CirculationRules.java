package vn.motsach.command.circulation;

import java.time.LocalDate;
import vn.motsach.command.school.LoanPolicy;
import vn.motsach.events.Barcode;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;

/**
 * Every circulation rule, each a named function that judges the facts it is given (a copy, a
 * title, a patron's standing) and refuses with its code (the README's rules table lists them).
 * The desk applies them, in the order of precedence of each command; they hold no state of their own.
 */
final class CirculationRules {

    private CirculationRules() {
    }

    static void refuseWhenCopyWithdrawn(Copy copy) {
        if (copy.withdrawn()) {
            throw new Refused(RefusalCode.COPY_WITHDRAWN, copy.barcode().value());
        }
    }

    /** A lost copy does not circulate, nor is it reported lost again. */
    static void refuseWhenCopyLost(Copy copy) {
        if (copy.lost()) {
            throw new Refused(RefusalCode.COPY_LOST, copy.barcode().value());
        }
    }

    /**
     * A copy away from its library (on its way to a partner, at the partner's, on its way back) is
     * at no desk but the partner's, and only once there.
     */
    static void refuseWhenCopyAway(Copy copy, SchoolId desk) {
        if (copy.away() && !copy.atPartner(desk, null)) {
            throw new Refused(RefusalCode.COPY_AWAY, copy.barcode().value(), copy.whereAway());
        }
    }

    static void refuseWhenCopyNotLoanable(Copy copy) {
        if (!copy.loanable()) {
            throw new Refused(RefusalCode.COPY_NOT_LOANABLE, copy.barcode().value());
        }
    }

    static void refuseWhenCopyAlreadyOnLoan(Copy copy) {
        if (copy.onLoan()) {
            throw new Refused(RefusalCode.COPY_ALREADY_ON_LOAN, copy.barcode().value());
        }
    }

    static void refuseWhenCopyNotOnLoan(Copy copy) {
        if (!copy.onLoan()) {
            throw new Refused(RefusalCode.COPY_NOT_ON_LOAN, copy.barcode().value());
        }
    }

    static void refuseWhenOnHoldForAnotherPatron(Title title, Barcode barcode, PatronStanding borrower) {
        PatronId heldFor = title.heldFor(barcode);
        if (heldFor != null && !heldFor.equals(borrower.patronId())) {
            throw new Refused(RefusalCode.COPY_ON_HOLD_FOR_ANOTHER_PATRON, barcode.value());
        }
    }

    static void refuseWhenCopyOnHoldShelf(Title title, Barcode barcode) {
        if (title.heldFor(barcode) != null) {
            throw new Refused(RefusalCode.COPY_ON_HOLD_SHELF, barcode.value());
        }
    }

    static void refuseWhenPatronInactive(PatronStanding patron) {
        if (!patron.active()) {
            throw new Refused(RefusalCode.PATRON_INACTIVE, patron.patronId().value());
        }
    }

    /**
     * A patron whose departure is ahead borrows until then, but not when the last day the library
     * is open before it is the day of the loan or earlier: the book could not come back in time.
     */
    static void refuseWhenPatronLeaving(PatronId patron, LoanTerm term, LocalDate today) {
        if (term.noDayLeftAfter(today)) {
            throw new Refused(RefusalCode.PATRON_LEAVING, patron.value(), term.leavesOn());
        }
    }

    /**
     * A renewal cut short by the borrower's departure that would not move the due day on is refused
     * as the departure's: it would use up one of the loan's renewals for nothing.
     */
    static void refuseWhenRenewalExtendsNothing(PatronId patron, LoanTerm term, LocalDate dueOn) {
        if (term.leavesOn() != null && dueOn != null && !term.dueOn().isAfter(dueOn)) {
            throw new Refused(RefusalCode.PATRON_LEAVING, patron.value(), term.leavesOn());
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

    static void refuseWhenRenewalLimitReached(Copy copy, LoanPolicy policy) {
        if (copy.renewals() >= policy.maxRenewals()) {
            throw new Refused(RefusalCode.RENEWAL_LIMIT_REACHED, copy.barcode().value(), policy.maxRenewals());
        }
    }

    /** Someone waiting for the title gets it before the current borrower keeps it longer. */
    static void refuseWhenRenewalBlockedByHold(Title title, Barcode barcode) {
        int waitingHolds = title.waitingHolds();
        if (waitingHolds > 0) {
            throw new Refused(RefusalCode.RENEWAL_BLOCKED_BY_HOLD, barcode.value(), waitingHolds);
        }
    }

    static void refuseWhenHoldAlreadyPlaced(Title title, PatronStanding patron) {
        if (title.holds(patron.patronId())) {
            throw new Refused(RefusalCode.HOLD_ALREADY_PLACED, patron.patronId().value());
        }
    }

    /** A hold waits for a copy that can be lent: on a title with none (in-library use only, withdrawn) it would wait for ever. */
    static void refuseWhenTitleNotLoanable(TitleCopies copies) {
        if (copies.lendable() == 0) {
            throw new Refused(RefusalCode.TITLE_NOT_LOANABLE, copies.titleId().value().toString());
        }
    }

    /** A hold is for a title none of whose copies can be taken from the shelf now. */
    static void refuseWhenHoldNotNeeded(TitleCopies copies) {
        if (copies.onShelf() > 0) {
            throw new Refused(RefusalCode.HOLD_NOT_NEEDED, copies.titleId().value().toString());
        }
    }
}
