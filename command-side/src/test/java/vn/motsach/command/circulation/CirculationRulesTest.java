package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.motsach.command.lookup.Lookups.PatronStanding;
import vn.motsach.command.school.LoanPolicy;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.TitleId;

/** One small test per rule: where it refuses, and where it lets the request through. */
class CirculationRulesTest {

    private static final Barcode COPY = Barcode.of("SGK-001");
    private static final PatronId AN = PatronId.of("hs-an");
    private static final PatronId BINH = PatronId.of("hs-binh");
    private static final LoanPolicy STUDENTS = LoanPolicy.defaultFor(PatronCategory.STUDENT);

    @Test
    void refuseWhenCopyWithdrawn() {
        refuses(() -> CirculationRules.refuseWhenCopyWithdrawn(true, COPY), RefusalCode.COPY_WITHDRAWN);
        allows(() -> CirculationRules.refuseWhenCopyWithdrawn(false, COPY));
    }

    @Test
    void refuseWhenCopyNotLoanable() {
        refuses(() -> CirculationRules.refuseWhenCopyNotLoanable(false, COPY), RefusalCode.COPY_NOT_LOANABLE);
        allows(() -> CirculationRules.refuseWhenCopyNotLoanable(true, COPY));
    }

    @Test
    void refuseWhenCopyAlreadyOnLoan() {
        refuses(() -> CirculationRules.refuseWhenCopyAlreadyOnLoan(true, COPY), RefusalCode.COPY_ALREADY_ON_LOAN);
        allows(() -> CirculationRules.refuseWhenCopyAlreadyOnLoan(false, COPY));
    }

    @Test
    void refuseWhenCopyNotOnLoan() {
        refuses(() -> CirculationRules.refuseWhenCopyNotOnLoan(false, COPY), RefusalCode.COPY_NOT_ON_LOAN);
        allows(() -> CirculationRules.refuseWhenCopyNotOnLoan(true, COPY));
    }

    @Test
    void refuseWhenOnHoldForAnotherPatron() {
        refuses(() -> CirculationRules.refuseWhenOnHoldForAnotherPatron(BINH, AN, COPY), RefusalCode.COPY_ON_HOLD_FOR_ANOTHER_PATRON);
        allows(() -> CirculationRules.refuseWhenOnHoldForAnotherPatron(AN, AN, COPY));
        allows(() -> CirculationRules.refuseWhenOnHoldForAnotherPatron(null, AN, COPY));
    }

    @Test
    void refuseWhenCopyOnHoldShelf() {
        refuses(() -> CirculationRules.refuseWhenCopyOnHoldShelf(true, COPY), RefusalCode.COPY_ON_HOLD_SHELF);
        allows(() -> CirculationRules.refuseWhenCopyOnHoldShelf(false, COPY));
    }

    @Test
    void refuseWhenPatronInactive() {
        refuses(() -> CirculationRules.refuseWhenPatronInactive(patron(false, 0, 0)), RefusalCode.PATRON_INACTIVE);
        allows(() -> CirculationRules.refuseWhenPatronInactive(patron(true, 0, 0)));
    }

    @Test
    void refuseWhenPatronHasOverdueLoans() {
        refuses(() -> CirculationRules.refuseWhenPatronHasOverdueLoans(patron(true, 1, 1)), RefusalCode.PATRON_HAS_OVERDUE_LOANS);
        allows(() -> CirculationRules.refuseWhenPatronHasOverdueLoans(patron(true, 1, 0)));
    }

    @Test
    void refuseWhenLoanLimitReached() {
        refuses(() -> CirculationRules.refuseWhenLoanLimitReached(patron(true, 2, 0), STUDENTS), RefusalCode.LOAN_LIMIT_REACHED);
        allows(() -> CirculationRules.refuseWhenLoanLimitReached(patron(true, 1, 0), STUDENTS));
    }

    @Test
    void refuseWhenRenewalLimitReached() {
        refuses(() -> CirculationRules.refuseWhenRenewalLimitReached(1, STUDENTS, COPY), RefusalCode.RENEWAL_LIMIT_REACHED);
        allows(() -> CirculationRules.refuseWhenRenewalLimitReached(0, STUDENTS, COPY));
    }

    @Test
    void refuseWhenRenewalBlockedByHold() {
        refuses(() -> CirculationRules.refuseWhenRenewalBlockedByHold(1, COPY), RefusalCode.RENEWAL_BLOCKED_BY_HOLD);
        allows(() -> CirculationRules.refuseWhenRenewalBlockedByHold(0, COPY));
    }

    @Test
    void refuseWhenHoldAlreadyPlaced() {
        refuses(() -> CirculationRules.refuseWhenHoldAlreadyPlaced(true, AN), RefusalCode.HOLD_ALREADY_PLACED);
        allows(() -> CirculationRules.refuseWhenHoldAlreadyPlaced(false, AN));
    }

    @Test
    void refuseWhenHoldNotNeeded() {
        TitleId title = new TitleId(UUID.randomUUID());
        refuses(() -> CirculationRules.refuseWhenHoldNotNeeded(true, title), RefusalCode.HOLD_NOT_NEEDED);
        allows(() -> CirculationRules.refuseWhenHoldNotNeeded(false, title));
    }

    @Test
    void refuseWhenTitleNotLoanable() {
        TitleId title = new TitleId(UUID.randomUUID());
        refuses(() -> CirculationRules.refuseWhenTitleNotLoanable(false, title), RefusalCode.TITLE_NOT_LOANABLE);
        allows(() -> CirculationRules.refuseWhenTitleNotLoanable(true, title));
    }

    private static PatronStanding patron(boolean active, int openLoans, int overdue) {
        return new PatronStanding(AN, PatronCategory.STUDENT, active, ClassId.of("5a4"), openLoans, overdue);
    }

    private static void refuses(ThrowingCallable rule, RefusalCode code) {
        assertThatThrownBy(rule).isInstanceOfSatisfying(Refused.class,
                refused -> org.assertj.core.api.Assertions.assertThat(refused.code()).isEqualTo(code));
    }

    private static void allows(ThrowingCallable rule) {
        assertThatCode(rule).doesNotThrowAnyException();
    }
}
