package vn.motsach.query.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
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
import vn.motsach.testing.ProjectionDatabase;

/** Copy statuses in the catalogue, on the real PostgreSQL, through a copy's whole life, with events applied twice and late. */
class CopyStatusIT {

    private static final String DE_MEN = "Dế Mèn phiêu lưu ký";

    private static JdbcClient jdbc;
    private CatalogueProjection projection;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
    }

    @BeforeEach
    void setUp() {
        projection = new CatalogueProjection(jdbc);
        projection.reset();
    }

    @Test
    void followsACopyThroughLoanHoldShelfAndWithdrawal() {
        projection.on(copy("TN-001", DE_MEN), at(1));
        assertThat(row()).isEqualTo("AVAILABLE|Dế Mèn phiêu lưu ký|||");

        projection.on(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)), at(2));
        assertThat(row()).isEqualTo("ON_LOAN|Dế Mèn phiêu lưu ký|hs-001|2026-09-21|");

        projection.on(new LoanRenewed(SCHOOL, loanId("l1"), Barcode.of("TN-001"), titleId(DE_MEN), PatronId.of("hs-001"), null,
                Instant.parse("2026-09-20T02:00:00Z"), LocalDate.of(2026, 9, 21), LocalDate.of(2026, 10, 5), 1), at(3));
        assertThat(row()).isEqualTo("ON_LOAN|Dế Mèn phiêu lưu ký|hs-001|2026-10-05|");

        projection.on(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.HOLD_SHELF, holdId("h1")), at(4));
        projection.on(ready("h1", DE_MEN, "hs-002", "TN-001"), at(5));
        assertThat(row()).isEqualTo("ON_HOLD_SHELF|Dế Mèn phiêu lưu ký|||hs-002");

        projection.on(new HoldCancelled(SCHOOL, holdId("h1"), titleId(DE_MEN), PatronId.of("hs-002"), Barcode.of("TN-001"),
                Instant.parse("2026-10-06T02:00:00Z")), at(6));
        assertThat(row()).isEqualTo("AVAILABLE|Dế Mèn phiêu lưu ký|||");

        projection.on(new CopyWithdrawn(SCHOOL, Barcode.of("TN-001"), titleId(DE_MEN), "Mất", LocalDate.of(2026, 10, 7)), at(7));
        assertThat(row()).isEqualTo("WITHDRAWN|Dế Mèn phiêu lưu ký|||");
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        projection.on(copy("TN-001", DE_MEN), at(1));
        projection.on(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)), at(2));
        projection.on(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null), at(3));
        List<String> before = all();

        projection.on(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)), at(2));
        projection.on(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null), at(3));
        projection.on(copy("TN-001", DE_MEN), at(1));

        assertThat(all()).isEqualTo(before);
    }

    @Test
    void aHoldFulfilledAfterItsLoanLeavesTheCopyOnLoan() {
        projection.on(copy("TN-001", DE_MEN), at(1));
        projection.on(ready("h1", DE_MEN, "hs-002", "TN-001"), at(2));
        projection.on(checkout("l2", "TN-001", DE_MEN, "hs-002", LocalDate.of(2026, 9, 21)), at(3));
        projection.on(new HoldFulfilled(SCHOOL, holdId("h1"), titleId(DE_MEN), PatronId.of("hs-002"), Barcode.of("TN-001"),
                loanId("l2")), at(4));

        assertThat(row()).isEqualTo("ON_LOAN|Dế Mèn phiêu lưu ký|hs-002|2026-09-21|");
    }

    private static String row() {
        return jdbc.sql("""
                        select status || '|' || title || '|' || coalesce(patron_id, '') || '|' || coalesce(due_on::text, '')
                               || '|' || coalesce(hold_patron_id, '')
                        from qs_copy where barcode = 'TN-001'""")
                .query(String.class).single();
    }

    private static List<String> all() {
        return jdbc.sql("select q::text from qs_copy q order by barcode").query(String.class).list();
    }
}
