package vn.motsach.query.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.query.Events.MONDAY;
import static vn.motsach.query.Events.SCHOOL;
import static vn.motsach.query.Events.at;
import static vn.motsach.query.Events.checkout;
import static vn.motsach.query.Events.copy;
import static vn.motsach.query.Events.holdId;
import static vn.motsach.query.Events.loanId;
import static vn.motsach.query.Events.ready;
import static vn.motsach.query.Events.returned;
import static vn.motsach.query.Events.titleId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.Barcode;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.query.ProjectionsUnderTest;
import vn.motsach.query.copies.CopyState;
import vn.motsach.testing.ProjectionDatabase;

/**
 * Copy statuses, on the real PostgreSQL, through a copy's whole life, with events applied twice
 * and late: the catalogue's, and the loans projection's open loan, read together as every query
 * reads them ({@link CopyState}).
 */
class CopyStatusIT {

    private static final String DE_MEN = "Dế Mèn phiêu lưu ký";

    private static JdbcClient jdbc;
    private static ProjectionsUnderTest projections;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
        // a copy is on loan while its loan is open, which the loans projection keeps
        projections = ProjectionsUnderTest.of(jdbc, CatalogueProjection.NAME, "loans");
    }

    @BeforeEach
    void setUp() {
        projections.reset();
    }

    @Test
    void followsACopyThroughLoanHoldShelfAndWithdrawal() {
        apply(copy("TN-001", DE_MEN), 1);
        assertThat(row()).isEqualTo("AVAILABLE|Dế Mèn phiêu lưu ký|||");

        apply(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)), 2);
        assertThat(row()).isEqualTo("ON_LOAN|Dế Mèn phiêu lưu ký|hs-001|2026-09-21|");

        apply(new LoanRenewed(SCHOOL, loanId("l1"), Barcode.of("TN-001"), titleId(DE_MEN), PatronId.of("hs-001"), null,
                Instant.parse("2026-09-20T02:00:00Z"), LocalDate.of(2026, 9, 21), LocalDate.of(2026, 10, 5), 1), 3);
        assertThat(row()).isEqualTo("ON_LOAN|Dế Mèn phiêu lưu ký|hs-001|2026-10-05|");

        apply(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.HOLD_SHELF, holdId("h1")), 4);
        apply(ready("h1", DE_MEN, "hs-002", "TN-001"), 5);
        assertThat(row()).isEqualTo("ON_HOLD_SHELF|Dế Mèn phiêu lưu ký|||hs-002");

        apply(new HoldCancelled(SCHOOL, holdId("h1"), titleId(DE_MEN), PatronId.of("hs-002"), Barcode.of("TN-001"),
                Instant.parse("2026-10-06T02:00:00Z")), 6);
        assertThat(row()).isEqualTo("AVAILABLE|Dế Mèn phiêu lưu ký|||");

        apply(new CopyWithdrawn(SCHOOL, Barcode.of("TN-001"), titleId(DE_MEN), "Mất", LocalDate.of(2026, 10, 7)), 7);
        assertThat(row()).isEqualTo("WITHDRAWN|Dế Mèn phiêu lưu ký|||");
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        apply(copy("TN-001", DE_MEN), 1);
        apply(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)), 2);
        apply(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null), 3);
        List<String> before = all();

        apply(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)), 2);
        apply(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null), 3);
        apply(copy("TN-001", DE_MEN), 1);

        assertThat(all()).isEqualTo(before);
    }

    @Test
    void aHoldFulfilledAfterItsLoanLeavesTheCopyOnLoan() {
        apply(copy("TN-001", DE_MEN), 1);
        apply(ready("h1", DE_MEN, "hs-002", "TN-001"), 2);
        apply(checkout("l2", "TN-001", DE_MEN, "hs-002", LocalDate.of(2026, 9, 21)), 3);
        apply(new HoldFulfilled(SCHOOL, holdId("h1"), titleId(DE_MEN), PatronId.of("hs-002"), Barcode.of("TN-001"),
                loanId("l2")), 4);

        assertThat(row()).isEqualTo("ON_LOAN|Dế Mèn phiêu lưu ký|hs-002|2026-09-21|");
    }

    private void apply(Object event, long position) {
        projections.apply(event, MONDAY, at(position));
    }

    private static String row() {
        return jdbc.sql("""
                        select %s || '|' || c.title || '|' || coalesce(l.patron_id, '') || '|' || coalesce(l.due_on::text, '')
                               || '|' || coalesce(c.hold_patron_id, '')
                        from qs_copy c
                        %s
                        where c.barcode = 'TN-001'""".formatted(CopyState.STATUS, CopyState.OPEN_LOAN))
                .query(String.class).single();
    }

    private static List<String> all() {
        return jdbc.sql("select q::text from qs_copy q union all select l::text from qs_loan l order by 1").query(String.class).list();
    }
}
