package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.command.circulation.InMemoryAggregates.inUnitOfWork;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motsach.command.circulation.CirculationCommands.MarkLoanOverdue;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyDetailsRevised;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.circulation.LoanRenewed;

/**
 * The copy aggregate: its own command handler through the fixture, and what it records for the
 * desk, sourced from its own events through Axon's repository. Whether a copy may be lent,
 * returned, renewed, withdrawn or reported lost is the desk's decision (CirculationRulesTest, CirculationIT).
 */
class CopyTest {

    private static final SchoolId SCHOOL = SchoolId.of("th-a");
    private static final Barcode BARCODE = Barcode.of("TN-1");
    private static final TitleId TITLE = new TitleId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final LoanId LOAN = new LoanId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final PatronStanding AN = new PatronStanding(PatronId.of("hs-an"), PatronCategory.STUDENT, true,
            ClassId.of("5a4"), 0, 0, null);
    private static final Instant MONDAY_NINE = Instant.parse("2026-09-07T02:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    private static final CopyAccessioned ACCESSIONED = new CopyAccessioned(SCHOOL, BARCODE, TITLE, "Dế Mèn phiêu lưu ký",
            DocType.CHILDREN, MONDAY, "Mua", new BigDecimal("45000"), true);
    private static final CopyCheckedOut LENT = new CopyCheckedOut(SCHOOL, LOAN, BARCODE, TITLE, "Dế Mèn phiêu lưu ký",
            DocType.CHILDREN, AN.patronId(), PatronCategory.STUDENT, ClassId.of("5a4"), MONDAY_NINE, MONDAY.plusDays(14), null);
    private static final LoanBecameOverdue OVERDUE = new LoanBecameOverdue(SCHOOL, LOAN, BARCODE, TITLE, AN.patronId(),
            PatronCategory.STUDENT, ClassId.of("5a4"), MONDAY.plusDays(14), MONDAY.plusDays(15));

    private final InMemoryAggregates store = new InMemoryAggregates();
    private EventSourcingRepository<Copy> copies;

    @BeforeEach
    void setUp() {
        copies = store.repository(Copy.class);
        inUnitOfWork(() -> copies.newInstance(() -> new Copy(ACCESSIONED)));
    }

    @Test
    void lendsTheCopyWithEverythingConsumersNeed() {
        CopyCheckedOut loan = inUnitOfWork(() -> copy().invoke(c -> c.checkOut(LOAN, AN, MONDAY.plusDays(14), MONDAY_NINE, null)));

        assertThat(loan).isEqualTo(new CopyCheckedOut(SCHOOL, LOAN, BARCODE, TITLE, "Dế Mèn phiêu lưu ký", DocType.CHILDREN,
                AN.patronId(), PatronCategory.STUDENT, ClassId.of("5a4"), MONDAY_NINE, MONDAY.plusDays(14), null));
        assertThat(lastEvent()).isEqualTo(loan);
    }

    @Test
    void aWithdrawalKeepsItsReason() {
        inUnitOfWork(() -> copy().invoke(c -> {
            c.withdraw("Rách, mất trang", null, MONDAY);
            return null;
        }));

        assertThat(lastEvent()).isEqualTo(new CopyWithdrawn(SCHOOL, BARCODE, TITLE, "Rách, mất trang", MONDAY));
    }

    @Test
    void aLostCopyClosesItsLoanAndHoldsItsBorrowerToAccountUnlessTheReportNamesAnother() {
        inUnitOfWork(() -> copy().invoke(c -> c.checkOut(LOAN, AN, MONDAY.plusDays(14), MONDAY_NINE, null)));

        CopyReportedLost lost = inUnitOfWork(() -> copy().invoke(c -> c.reportLost(null, "Em làm mất", MONDAY_NINE, MONDAY)));

        assertThat(lost).isEqualTo(new CopyReportedLost(SCHOOL, BARCODE, TITLE, MONDAY, MONDAY_NINE, "Em làm mất", AN.patronId(),
                LOAN, PatronCategory.STUDENT, ClassId.of("5a4")));
        assertThat(lastEvent()).isEqualTo(lost);
        boolean lentOrNotLost = inUnitOfWork(() -> copy().invoke(c -> c.onLoan() || !c.lost()));
        assertThat(lentOrNotLost).isFalse();
    }

    @Test
    void aCopyLostOnTheShelfHoldsToAccountThePatronTheReportNames() {
        CopyReportedLost lost = inUnitOfWork(() -> copy().invoke(c -> c.reportLost(PatronId.of("hs-binh"), null, MONDAY_NINE,
                MONDAY)));

        assertThat(lost).isEqualTo(new CopyReportedLost(SCHOOL, BARCODE, TITLE, MONDAY, MONDAY_NINE, null, PatronId.of("hs-binh"),
                null, null, null));
    }

    @Test
    void aLateReturnCountsItsOverdueDays() {
        inUnitOfWork(() -> copy().invoke(c -> c.checkOut(LOAN, AN, MONDAY.plusDays(14), MONDAY_NINE, null)));

        CopyReturned returned = inUnitOfWork(() -> copy().invoke(c -> c.checkIn(MONDAY_NINE, MONDAY.plusDays(17), null)));

        assertThat(returned.overdueDays()).isEqualTo(3);
        assertThat(returned.routedTo()).isEqualTo(Routing.SHELF);
        assertThat(returned.classId()).isEqualTo(ClassId.of("5a4"));
    }

    @Test
    void aLoanBecomesOverdueTheDayAfterItsDueDate() {
        new AggregateTestFixture<>(Copy.class).given(ACCESSIONED, LENT)
                .when(new MarkLoanOverdue(SCHOOL, BARCODE, LOAN, MONDAY.plusDays(15)))
                .expectEvents(OVERDUE);
    }

    @Test
    void aLoanIsNotOverdueOnItsDueDate() {
        new AggregateTestFixture<>(Copy.class).given(ACCESSIONED, LENT)
                .when(new MarkLoanOverdue(SCHOOL, BARCODE, LOAN, MONDAY.plusDays(14)))
                .expectNoEvents();
    }

    /** The sweep may say it again, or about a loan already returned: that changes nothing. */
    @Test
    void anOverdueLoanIsMarkedOnce() {
        new AggregateTestFixture<>(Copy.class).given(ACCESSIONED, LENT, OVERDUE)
                .when(new MarkLoanOverdue(SCHOOL, BARCODE, LOAN, MONDAY.plusDays(16)))
                .expectNoEvents();
        new AggregateTestFixture<>(Copy.class).given(ACCESSIONED, LENT, new CopyReturned(SCHOOL, LOAN, BARCODE, TITLE,
                        AN.patronId(), PatronCategory.STUDENT, ClassId.of("5a4"), MONDAY_NINE, MONDAY.plusDays(14), 2,
                        Routing.SHELF, null))
                .when(new MarkLoanOverdue(SCHOOL, BARCODE, LOAN, MONDAY.plusDays(16)))
                .expectNoEvents();
    }

    @Test
    void aRenewalRecordsTheDueDateTheDeskDecidedOnAndCountsItself() {
        inUnitOfWork(() -> copy().invoke(c -> c.checkOut(LOAN, AN, MONDAY.plusDays(14), MONDAY_NINE, null)));

        LoanRenewed renewed = inUnitOfWork(() -> copy().invoke(c -> c.renew(MONDAY.plusDays(24), MONDAY_NINE)));

        assertThat(renewed.previousDueOn()).isEqualTo(MONDAY.plusDays(14));
        assertThat(renewed.dueOn()).isEqualTo(MONDAY.plusDays(24));
        assertThat(renewed.renewals()).isEqualTo(1);
    }

    @Test
    void correctedDetailsAreRecordedWholeAndTheCopyLendsAsTheyNowSay() {
        boolean changed = inUnitOfWork(() -> copy().invoke(c -> c.reviseDetails(MONDAY.minusDays(3), "Tặng",
                new BigDecimal("52000"), false, "895.922 T")));

        assertThat(changed).isTrue();
        assertThat(lastEvent()).isEqualTo(new CopyDetailsRevised(SCHOOL, BARCODE, TITLE, MONDAY.minusDays(3), "Tặng",
                new BigDecimal("52000"), false, "895.922 T"));
        assertThat(inUnitOfWork(() -> copy().invoke(Copy::loanable))).isFalse();
    }

    @Test
    void theSameDetailsAgainChangeNothingAPriceComparedByItsValue() {
        boolean changed = inUnitOfWork(() -> copy().invoke(c -> c.reviseDetails(MONDAY, "Mua", new BigDecimal("45000.00"),
                true, null)));

        assertThat(changed).isFalse();
        assertThat(lastEvent()).isEqualTo(ACCESSIONED);
    }

    @Test
    void detailsCorrectedOnceAreTheOnesTheNextCorrectionIsComparedWith() {
        inUnitOfWork(() -> copy().invoke(c -> c.reviseDetails(MONDAY, "Mua", new BigDecimal("45000"), true, "895.922 T")));

        boolean again = inUnitOfWork(() -> copy().invoke(c -> c.reviseDetails(MONDAY, "Mua", new BigDecimal("45000"), true,
                "895.922 T")));

        assertThat(again).isFalse();
    }

    private Aggregate<Copy> copy() {
        return copies.load(Copy.aggregateId(SCHOOL, BARCODE));
    }

    private Object lastEvent() {
        return store.lastEvent(Copy.aggregateId(SCHOOL, BARCODE));
    }
}
