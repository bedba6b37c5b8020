package vn.motsach.query.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.motsach.query.Events.SCHOOL;
import static vn.motsach.query.Events.at;
import static vn.motsach.query.Events.checkout;
import static vn.motsach.query.Events.loanId;
import static vn.motsach.query.Events.returned;
import static vn.motsach.query.Events.titleId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.Barcode;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolId;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyStream;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.Events;
import vn.motsach.testing.ProjectionDatabase;

/** Loans on the real PostgreSQL: overdue by date or by event, renewals, returns, events applied twice. */
class LoanProjectionIT {

    private static final String DE_MEN = "Dế Mèn phiêu lưu ký";
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 25);

    private static JdbcClient jdbc;
    private LoanProjection projection;
    private Loans loans;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
    }

    @BeforeEach
    void setUp() {
        projection = new LoanProjection(jdbc);
        loans = new Loans(jdbc);
        projection.reset();
    }

    @Test
    void aLoanIsOverdueOnceItsDueDateHasPassedOrWhenMarkedSo() {
        lend(checkout("late", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 24)), at(1));
        lend(checkout("due-today", "TN-002", DE_MEN, "hs-002", TODAY), at(2));
        lend(checkout("marked", "TN-003", DE_MEN, "hs-003", LocalDate.of(2026, 9, 30)), at(3));
        projection.on(new LoanBecameOverdue(SCHOOL, loanId("marked"), Barcode.of("TN-003"), titleId(DE_MEN), PatronId.of("hs-003"),
                PatronCategory.STUDENT, Events.CLASS_6A1, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 1)), at(4));

        assertThat(loans.open(SCHOOL.value(), true, null, TODAY, new Paging(0, 20)).items())
                .extracting(LoanView::barcode).containsExactly("TN-001", "TN-003");
        assertThat(loans.open(SCHOOL.value(), false, null, TODAY, new Paging(0, 20)).items())
                .extracting(LoanView::barcode).containsExactly("TN-002");
        assertThat(loans.open(SCHOOL.value(), null, "6a1-2026", TODAY, new Paging(0, 20)).totalItems()).isEqualTo(3);
        assertThat(loans.open(SCHOOL.value(), null, "7a1-2026", TODAY, new Paging(0, 20)).totalItems()).isZero();
    }

    @Test
    void aRenewalMovesTheDueDateAndAReturnClosesTheLoan() {
        lend(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 24)), at(1));
        projection.on(new LoanRenewed(SCHOOL, loanId("l1"), Barcode.of("TN-001"), titleId(DE_MEN), PatronId.of("hs-001"),
                Events.CLASS_6A1, Instant.parse("2026-09-23T02:00:00Z"), LocalDate.of(2026, 9, 24), LocalDate.of(2026, 10, 8), 1),
                at(2));
        LoanView renewed = loans.openLoansOf(SCHOOL.value(), "hs-001", TODAY).get(0);
        assertThat(renewed.dueOn()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(renewed.renewals()).isEqualTo(1);
        assertThat(renewed.overdue()).isFalse();

        projection.on(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null), at(3));

        assertThat(loans.openLoansOf(SCHOOL.value(), "hs-001", TODAY)).isEmpty();
        LoanView history = loans.historyOf(SCHOOL.value(), "hs-001", false, TODAY, new Paging(0, 20)).items().get(0);
        assertThat(history.returnedAt()).isNotNull();
        assertThat(history.overdue()).isFalse();
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        var checkout = checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 24));
        var renewed = new LoanRenewed(SCHOOL, loanId("l1"), Barcode.of("TN-001"), titleId(DE_MEN), PatronId.of("hs-001"),
                Events.CLASS_6A1, Instant.parse("2026-09-23T02:00:00Z"), LocalDate.of(2026, 9, 24), LocalDate.of(2026, 10, 8), 1);
        lend(checkout, at(1));
        projection.on(renewed, at(2));
        projection.on(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null), at(3));
        List<String> before = all();

        lend(checkout, at(1));
        projection.on(renewed, at(2));
        projection.on(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null), at(3));

        assertThat(all()).isEqualTo(before);
    }

    @Test
    void aPatronsLoansComeNewestFirst() {
        lend(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 24)), at(1));
        lend(new CopyCheckedOut(SCHOOL, loanId("l2"), Barcode.of("TN-002"), titleId(DE_MEN),
                DE_MEN, null, PatronId.of("hs-001"), PatronCategory.STUDENT, Events.CLASS_6A1,
                Events.MONDAY.plusSeconds(3_600), LocalDate.of(2026, 9, 28), null), at(2));

        assertThat(loans.historyOf(SCHOOL.value(), "hs-001", false, TODAY, new Paging(0, 20)).items())
                .extracting(LoanView::barcode).containsExactly("TN-002", "TN-001");
    }

    @Test
    void aPartnersCopyLentAtTheDeskNamesItsOwnerFromTheCopysStream() {
        CopyCheckedOut partners = checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 24));
        projection.on(partners, new GenericDomainEventMessage<>("CopyCheckedOut",
                CopyStream.id(SchoolId.of("th-chu"), Barcode.of("TN-001")), 3, partners), at(1));
        CopyCheckedOut own = checkout("l2", "TN-001", DE_MEN, "hs-002", LocalDate.of(2026, 9, 24));
        projection.on(own, new GenericDomainEventMessage<>("CopyCheckedOut",
                CopyStream.id(SCHOOL, Barcode.of("TN-001")), 5, own), at(2));

        assertThat(loans.open(SCHOOL.value(), null, null, TODAY, new Paging(0, 20)).items())
                .extracting(LoanView::patronId, LoanView::ownerSchoolId)
                .containsExactlyInAnyOrder(tuple("hs-001", "th-chu"), tuple("hs-002", null));
    }

    /** A checkout as a processor hands it over when it comes from no copy's stream: the desk's own copy. */
    private void lend(CopyCheckedOut event, TrackingToken token) {
        projection.on(event, new GenericEventMessage<>(event), token);
    }

    private static List<String> all() {
        return jdbc.sql("select q::text from qs_loan q order by loan_id").query(String.class).list();
    }
}
