package vn.motsach.command.circulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.motsach.command.school.LoanPolicy;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

/**
 * The rules of records a desk made without the server (docs/offline-desk.md lists them). A record
 * that cannot be true is refused; one that broke a rule the desk applies online is a fact all the
 * same (the book was handed over): these functions name the online rules it broke, in the online
 * order of precedence, for the desk to record it with an exception.
 */
final class OfflineRules {

    /** How far ahead of the server's clock a desk's clock may be and its records still be believed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private OfflineRules() {
    }

    static void refuseWhenFromTheFuture(String key, Instant recordedAt, Instant now) {
        if (recordedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new Refused(RefusalCode.RECORD_FROM_THE_FUTURE, key, recordedAt.toString());
        }
    }

    /** Circulation since then would have to be unwound to judge it: past the limit it goes to the librarian, not the server. */
    static void refuseWhenTooOld(String key, Instant recordedAt, Instant now, Duration maxAge) {
        if (recordedAt.isBefore(now.minus(maxAge))) {
            throw new Refused(RefusalCode.RECORD_TOO_OLD, key, recordedAt.toString());
        }
    }

    /**
     * Whether the copy's current loan began after the record: then what the record says (a lend,
     * a return) concerns an earlier loan, which has ended, and must not touch the current one.
     */
    static boolean lentAgainSince(Copy copy, Instant recordedAt) {
        Instant since = copy.currentLoanSince();
        return since != null && since.isAfter(recordedAt);
    }

    /**
     * The online rules a lend broke: the copy's (on loan to someone else, not for lending), the
     * hold shelf's (kept for another reader; {@code title} is null when nobody holds the title),
     * then the patron's (not active, overdue loans, at the loan limit).
     */
    static List<RefusalCode> brokenByCheckout(Copy copy, Title title, PatronStanding patron, LoanPolicy policy) {
        List<RefusalCode> broken = new ArrayList<>();
        note(broken, () -> CirculationRules.refuseWhenCopyNotLoanable(copy));
        note(broken, () -> CirculationRules.refuseWhenCopyAlreadyOnLoan(copy));
        if (title != null) {
            note(broken, () -> CirculationRules.refuseWhenOnHoldForAnotherPatron(title, copy.barcode(), patron));
        }
        note(broken, () -> CirculationRules.refuseWhenPatronInactive(patron));
        note(broken, () -> CirculationRules.refuseWhenPatronHasOverdueLoans(patron));
        note(broken, () -> CirculationRules.refuseWhenLoanLimitReached(patron, policy));
        return broken;
    }

    /** The online rules a renewal broke: someone waits for the title, or the loan was renewed as often as allowed. */
    static List<RefusalCode> brokenByRenewal(Copy copy, Title title, LoanPolicy policy) {
        List<RefusalCode> broken = new ArrayList<>();
        note(broken, () -> CirculationRules.refuseWhenRenewalBlockedByHold(title, copy.barcode()));
        note(broken, () -> CirculationRules.refuseWhenRenewalLimitReached(copy, policy));
        return broken;
    }

    /** A renewal for a patron who had left by the day of the record breaks the rule that refuses it online. */
    static void noteWhenPatronInactive(List<RefusalCode> broken, PatronStanding patron) {
        note(broken, () -> CirculationRules.refuseWhenPatronInactive(patron));
    }

    /**
     * A lend or a renewal for a patron leaving before a day the book could come back on breaks the
     * rule that refuses it online; it is due on {@code term}'s day all the same (the day of the record at the earliest).
     */
    static void noteWhenPatronLeaving(List<RefusalCode> broken, PatronId patron, LoanTerm term, LocalDate day) {
        note(broken, () -> CirculationRules.refuseWhenPatronLeaving(patron, term, day));
    }

    private static void note(List<RefusalCode> broken, Runnable rule) {
        try {
            rule.run();
        } catch (Refused refusal) {
            broken.add(refusal.code());
        }
    }
}
