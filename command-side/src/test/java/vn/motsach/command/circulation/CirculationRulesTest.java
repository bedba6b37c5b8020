package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.motsach.command.school.LoanPolicy;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;

/** One small test per rule: where it refuses, and where it lets the request through. */
class CirculationRulesTest {

    private static final Barcode COPY = Barcode.of("SGK-001");
    private static final PatronId AN = PatronId.of("hs-an");
    private static final PatronId BINH = PatronId.of("hs-binh");
    private static final LoanPolicy STUDENTS = LoanPolicy.defaultFor(PatronCategory.STUDENT);
    private static final SchoolId SCHOOL = SchoolId.of("th-a");
    private static final TitleId TITLE = new TitleId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final LoanId LOAN = new LoanId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final HoldId HOLD = new HoldId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    private static final Instant NOW = Instant.parse("2026-09-07T02:00:00Z");

    @Test
    void refuseWhenCopyWithdrawn() {
        refuses(() -> CirculationRules.refuseWhenCopyWithdrawn(copy(true, WITHDRAWN)), RefusalCode.COPY_WITHDRAWN);
        allows(() -> CirculationRules.refuseWhenCopyWithdrawn(copy(true)));
    }

    @Test
    void refuseWhenCopyLost() {
        refuses(() -> CirculationRules.refuseWhenCopyLost(copy(true, LENT, LOST)), RefusalCode.COPY_LOST);
        allows(() -> CirculationRules.refuseWhenCopyLost(copy(true, LENT)));
    }

    @Test
    void refuseWhenCopyNotLoanable() {
        refuses(() -> CirculationRules.refuseWhenCopyNotLoanable(copy(false)), RefusalCode.COPY_NOT_LOANABLE);
        allows(() -> CirculationRules.refuseWhenCopyNotLoanable(copy(true)));
    }

    @Test
    void refuseWhenCopyAlreadyOnLoan() {
        refuses(() -> CirculationRules.refuseWhenCopyAlreadyOnLoan(copy(true, LENT)), RefusalCode.COPY_ALREADY_ON_LOAN);
        allows(() -> CirculationRules.refuseWhenCopyAlreadyOnLoan(copy(true, LENT, RETURNED)));
    }

    @Test
    void refuseWhenCopyNotOnLoan() {
        refuses(() -> CirculationRules.refuseWhenCopyNotOnLoan(copy(true)), RefusalCode.COPY_NOT_ON_LOAN);
        allows(() -> CirculationRules.refuseWhenCopyNotOnLoan(copy(true, LENT)));
    }

    @Test
    void refuseWhenOnHoldForAnotherPatron() {
        refuses(() -> CirculationRules.refuseWhenOnHoldForAnotherPatron(title(heldFor(BINH)), COPY, patron(AN)),
                RefusalCode.COPY_ON_HOLD_FOR_ANOTHER_PATRON);
        allows(() -> CirculationRules.refuseWhenOnHoldForAnotherPatron(title(heldFor(AN)), COPY, patron(AN)));
        allows(() -> CirculationRules.refuseWhenOnHoldForAnotherPatron(title(waiting(BINH)), COPY, patron(AN)));
    }

    @Test
    void refuseWhenCopyOnHoldShelf() {
        refuses(() -> CirculationRules.refuseWhenCopyOnHoldShelf(title(heldFor(BINH)), COPY), RefusalCode.COPY_ON_HOLD_SHELF);
        allows(() -> CirculationRules.refuseWhenCopyOnHoldShelf(title(waiting(BINH)), COPY));
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
        refuses(() -> CirculationRules.refuseWhenRenewalLimitReached(copy(true, LENT, RENEWED), STUDENTS),
                RefusalCode.RENEWAL_LIMIT_REACHED);
        allows(() -> CirculationRules.refuseWhenRenewalLimitReached(copy(true, LENT), STUDENTS));
    }

    @Test
    void refuseWhenRenewalBlockedByHold() {
        refuses(() -> CirculationRules.refuseWhenRenewalBlockedByHold(title(waiting(BINH)), COPY), RefusalCode.RENEWAL_BLOCKED_BY_HOLD);
        allows(() -> CirculationRules.refuseWhenRenewalBlockedByHold(title(heldFor(BINH)), COPY));
    }

    @Test
    void refuseWhenHoldAlreadyPlaced() {
        refuses(() -> CirculationRules.refuseWhenHoldAlreadyPlaced(title(waiting(AN)), patron(AN)), RefusalCode.HOLD_ALREADY_PLACED);
        refuses(() -> CirculationRules.refuseWhenHoldAlreadyPlaced(title(heldFor(AN)), patron(AN)), RefusalCode.HOLD_ALREADY_PLACED);
        allows(() -> CirculationRules.refuseWhenHoldAlreadyPlaced(title(waiting(BINH)), patron(AN)));
    }

    @Test
    void refuseWhenHoldNotNeeded() {
        TitleId title = new TitleId(UUID.randomUUID());
        refuses(() -> CirculationRules.refuseWhenHoldNotNeeded(new TitleCopies(title, 2, 1)), RefusalCode.HOLD_NOT_NEEDED);
        allows(() -> CirculationRules.refuseWhenHoldNotNeeded(new TitleCopies(title, 2, 0)));
    }

    @Test
    void refuseWhenTitleNotLoanable() {
        TitleId title = new TitleId(UUID.randomUUID());
        refuses(() -> CirculationRules.refuseWhenTitleNotLoanable(new TitleCopies(title, 0, 0)), RefusalCode.TITLE_NOT_LOANABLE);
        allows(() -> CirculationRules.refuseWhenTitleNotLoanable(new TitleCopies(title, 1, 0)));
    }

    private static PatronStanding patron(boolean active, int openLoans, int overdue) {
        return new PatronStanding(AN, PatronCategory.STUDENT, active, ClassId.of("5a4"), openLoans, overdue, null);
    }

    private static PatronStanding patron(PatronId patron) {
        return new PatronStanding(patron, PatronCategory.STUDENT, true, ClassId.of("5a4"), 0, 0, null);
    }

    /** A copy in the state its events leave it in, as the repository would source it. */
    @SafeVarargs
    private static Copy copy(boolean loanable, Consumer<Copy>... history) {
        Copy copy = new Copy();
        copy.on(new CopyAccessioned(SCHOOL, COPY, TITLE, "Dế Mèn phiêu lưu ký", DocType.CHILDREN, MONDAY, "Mua",
                new BigDecimal("45000"), loanable));
        for (Consumer<Copy> event : history) {
            event.accept(copy);
        }
        return copy;
    }

    private static final Consumer<Copy> LENT = copy -> copy.on(new CopyCheckedOut(SCHOOL, LOAN, COPY, TITLE,
            "Dế Mèn phiêu lưu ký", DocType.CHILDREN, AN, PatronCategory.STUDENT, ClassId.of("5a4"), NOW, MONDAY.plusDays(14), null));
    private static final Consumer<Copy> RENEWED = copy -> copy.on(new LoanRenewed(SCHOOL, LOAN, COPY, TITLE, AN, ClassId.of("5a4"),
            NOW, MONDAY.plusDays(14), MONDAY.plusDays(24), 1));
    private static final Consumer<Copy> RETURNED = copy -> copy.on(new CopyReturned(SCHOOL, LOAN, COPY, TITLE, AN,
            PatronCategory.STUDENT, ClassId.of("5a4"), NOW, MONDAY.plusDays(14), 0, Routing.SHELF, null));
    private static final Consumer<Copy> LOST = copy -> copy.on(new CopyReportedLost(SCHOOL, COPY, TITLE, MONDAY, NOW, null, AN,
            LOAN, PatronCategory.STUDENT, ClassId.of("5a4")));
    private static final Consumer<Copy> WITHDRAWN = copy -> copy.on(new CopyWithdrawn(SCHOOL, COPY, TITLE, "Mất", MONDAY));

    /** A title with one open hold, in the state its events leave it in. */
    private static Title title(Consumer<Title> hold) {
        Title title = new Title();
        title.on(new TitleCatalogued(SCHOOL, TITLE, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), null, null, null, null, List.of(),
                DocType.CHILDREN, null));
        hold.accept(title);
        return title;
    }

    private static Consumer<Title> waiting(PatronId patron) {
        return title -> title.on(new HoldPlaced(SCHOOL, HOLD, TITLE, patron, PatronCategory.STUDENT, ClassId.of("5a4"), NOW, 1));
    }

    private static Consumer<Title> heldFor(PatronId patron) {
        return waiting(patron).andThen(title -> title.on(new HoldReadyForPickup(SCHOOL, HOLD, TITLE, patron, COPY, NOW,
                MONDAY.plusDays(3))));
    }

    private static void refuses(ThrowingCallable rule, RefusalCode code) {
        assertThatThrownBy(rule).isInstanceOfSatisfying(Refused.class,
                refused -> org.assertj.core.api.Assertions.assertThat(refused.code()).isEqualTo(code));
    }

    private static void allows(ThrowingCallable rule) {
        assertThatCode(rule).doesNotThrowAnyException();
    }
}
