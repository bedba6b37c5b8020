package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;

/** One small test per rule of the offline desk: where it refuses or names a broken rule, and where it does not. */
class OfflineRulesTest {

    private static final Barcode COPY = Barcode.of("SGK-001");
    private static final PatronId AN = PatronId.of("hs-an");
    private static final PatronId BINH = PatronId.of("hs-binh");
    private static final LoanPolicy STUDENTS = LoanPolicy.defaultFor(PatronCategory.STUDENT);
    private static final SchoolId SCHOOL = SchoolId.of("th-a");
    private static final TitleId TITLE = new TitleId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final LoanId LOAN = new LoanId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final HoldId HOLD = new HoldId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final LocalDate FRIDAY = LocalDate.of(2026, 9, 11);
    private static final Instant NOW = Instant.parse("2026-09-14T02:00:00Z");
    private static final Instant LENT_AT = Instant.parse("2026-09-11T03:00:00Z");

    @Test
    void refuseWhenFromTheFuture() {
        refuses(() -> OfflineRules.refuseWhenFromTheFuture("k", NOW.plus(Duration.ofMinutes(6)), NOW),
                RefusalCode.RECORD_FROM_THE_FUTURE);
        allows(() -> OfflineRules.refuseWhenFromTheFuture("k", NOW.plus(OfflineRules.CLOCK_SKEW), NOW));
    }

    @Test
    void refuseWhenTooOld() {
        refuses(() -> OfflineRules.refuseWhenTooOld("k", NOW.minus(Duration.ofDays(7)).minusSeconds(1), NOW, Duration.ofDays(7)),
                RefusalCode.RECORD_TOO_OLD);
        allows(() -> OfflineRules.refuseWhenTooOld("k", NOW.minus(Duration.ofDays(7)), NOW, Duration.ofDays(7)));
    }

    @Test
    void lentAgainSince() {
        assertThat(OfflineRules.lentAgainSince(lentAt(LENT_AT), LENT_AT.minusSeconds(60))).isTrue();
        assertThat(OfflineRules.lentAgainSince(lentAt(LENT_AT), LENT_AT.plusSeconds(60))).isFalse();
        assertThat(OfflineRules.lentAgainSince(onShelf(true), LENT_AT)).isFalse();
    }

    @Test
    void brokenByCheckoutNamesTheCopysRulesThenTheHoldShelfsThenThePatrons() {
        assertThat(OfflineRules.brokenByCheckout(onShelf(true), null, patron(AN, true, 0, 0), STUDENTS)).isEmpty();
        assertThat(OfflineRules.brokenByCheckout(onShelf(false), null, patron(AN, true, 0, 0), STUDENTS))
                .containsExactly(RefusalCode.COPY_NOT_LOANABLE);
        assertThat(OfflineRules.brokenByCheckout(lentAt(LENT_AT), null, patron(BINH, true, 0, 0), STUDENTS))
                .containsExactly(RefusalCode.COPY_ALREADY_ON_LOAN);
        assertThat(OfflineRules.brokenByCheckout(onShelf(true), heldFor(BINH), patron(AN, true, 0, 0), STUDENTS))
                .containsExactly(RefusalCode.COPY_ON_HOLD_FOR_ANOTHER_PATRON);
        assertThat(OfflineRules.brokenByCheckout(onShelf(true), heldFor(AN), patron(AN, true, 0, 0), STUDENTS)).isEmpty();
        assertThat(OfflineRules.brokenByCheckout(onShelf(true), null, patron(AN, false, STUDENTS.maxLoans(), 1), STUDENTS))
                .containsExactly(RefusalCode.PATRON_INACTIVE, RefusalCode.PATRON_HAS_OVERDUE_LOANS, RefusalCode.LOAN_LIMIT_REACHED);
    }

    @Test
    void brokenByRenewalNamesAWaitingReaderAndTheRenewalLimit() {
        Copy renewed = lentAt(LENT_AT);
        renewed.on(new LoanRenewed(SCHOOL, LOAN, COPY, TITLE, AN, ClassId.of("5a4"), LENT_AT, FRIDAY.plusDays(14),
                FRIDAY.plusDays(28), STUDENTS.maxRenewals()));
        assertThat(OfflineRules.brokenByRenewal(lentAt(LENT_AT), title(), STUDENTS)).isEmpty();
        assertThat(OfflineRules.brokenByRenewal(renewed, waiting(BINH), STUDENTS))
                .containsExactly(RefusalCode.RENEWAL_BLOCKED_BY_HOLD, RefusalCode.RENEWAL_LIMIT_REACHED);
    }

    private static PatronStanding patron(PatronId patron, boolean active, int openLoans, int overdue) {
        return new PatronStanding(patron, PatronCategory.STUDENT, active, ClassId.of("5a4"), openLoans, overdue, null);
    }

    private static Copy onShelf(boolean loanable) {
        Copy copy = new Copy();
        copy.on(new CopyAccessioned(SCHOOL, COPY, TITLE, "Dế Mèn phiêu lưu ký", DocType.CHILDREN, FRIDAY, "Mua",
                new BigDecimal("45000"), loanable));
        return copy;
    }

    private static Copy lentAt(Instant at) {
        Copy copy = onShelf(true);
        copy.on(new CopyCheckedOut(SCHOOL, LOAN, COPY, TITLE, "Dế Mèn phiêu lưu ký", DocType.CHILDREN, AN,
                PatronCategory.STUDENT, ClassId.of("5a4"), at, FRIDAY.plusDays(14), null));
        return copy;
    }

    private static Title title() {
        Title title = new Title();
        title.on(new TitleCatalogued(SCHOOL, TITLE, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), null, null, null, null, List.of(),
                DocType.CHILDREN, null));
        return title;
    }

    private static Title waiting(PatronId patron) {
        Title title = title();
        title.on(new HoldPlaced(SCHOOL, HOLD, TITLE, patron, PatronCategory.STUDENT, ClassId.of("5a4"), LENT_AT, 1));
        return title;
    }

    private static Title heldFor(PatronId patron) {
        Title title = waiting(patron);
        title.on(new HoldReadyForPickup(SCHOOL, HOLD, TITLE, patron, COPY, LENT_AT, FRIDAY.plusDays(3)));
        return title;
    }

    private static void refuses(Runnable rule, RefusalCode code) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.code()).isEqualTo(code));
    }

    private static void allows(Runnable rule) {
        assertThatCode(rule::run).doesNotThrowAnyException();
    }
}
