package vn.motsach.query.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.testing.ProjectionDatabase;

/**
 * The rotations and inter-library loan lists are paged as the other lists are: newest first, a
 * page of {@code size} from {@code page}, {@code totalItems} counting only what the filters keep
 * (a rotation's status is filtered in the statement, not after the page is cut).
 */
class InteropListsPagingIT {

    private static final String OWNER = "il-page-owner";
    private static final String PARTNER = "il-page-partner";
    private static final Instant START = Instant.parse("2026-09-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
        jdbc.sql("delete from qs_rotation_copy where owner_school_id = ?").params(OWNER).update();
        jdbc.sql("delete from qs_rotation where owner_school_id = ?").params(OWNER).update();
        jdbc.sql("delete from qs_interlibrary_loan where lending_school_id = ?").params(OWNER).update();
        // 25 rotations sent a day apart: the even ones all home, the odd ones with a copy away,
        // of which those due before today are overdue
        for (int i = 0; i < 25; i++) {
            UUID rotation = new UUID(0x11, i);
            jdbc.sql("insert into qs_rotation (rotation_id, owner_school_id, partner_school_id, return_by, sent_at) values (?, ?, ?, ?, ?)")
                    .params(rotation, OWNER, PARTNER, TODAY.plusDays(i - 12), java.sql.Timestamp.from(START.plusSeconds(86_400L * i)))
                    .update();
            jdbc.sql("""
                            insert into qs_rotation_copy (rotation_id, barcode, owner_school_id, partner_school_id, title_id,
                                                          arrived_at, returned_at) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(rotation, "RT-" + i, OWNER, PARTNER, new UUID(0x12, i), java.sql.Timestamp.from(START),
                            i % 2 == 0 ? java.sql.Timestamp.from(START.plusSeconds(60)) : null)
                    .update();
            jdbc.sql("""
                            insert into qs_interlibrary_loan (request_id, borrowing_school_id, lending_school_id, title_id, patron_id,
                                                              status, requested_at, updated_at, last_position)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                    .params(new UUID(0x13, i), PARTNER, OWNER, new UUID(0x12, i), "HS-" + i, i % 5 == 0 ? "RETURNED" : "REQUESTED",
                            java.sql.Timestamp.from(START.plusSeconds(86_400L * i)), java.sql.Timestamp.from(START))
                    .update();
        }
    }

    private static RotationList rotations() {
        return new RotationList(jdbc, Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.ofHours(7)), ZoneOffset.UTC));
    }

    @Test
    void rotationsComeAPageAtATimeNewestFirst() {
        Page<RotationView> first = rotations().of(OWNER, null, null, new Paging(0, Paging.DEFAULT_SIZE));
        Page<RotationView> last = rotations().of(OWNER, RotationList.Direction.OUT, null, new Paging(2, 10));

        assertThat(first.totalItems()).isEqualTo(25);
        assertThat(first.items()).hasSize(20);
        assertThat(first.items().get(0).copies()).extracting(RotationView.RotatedCopy::barcode).containsExactly("RT-24");
        assertThat(List.of(last.page(), last.size(), last.items().size())).containsExactly(2, 10, 5);
        assertThat(last.items().get(4).copies()).extracting(RotationView.RotatedCopy::barcode).containsExactly("RT-0");
        assertThat(rotations().of(OWNER, RotationList.Direction.IN, null, new Paging(0, 20)).totalItems()).isZero();
        assertThat(rotations().of(PARTNER, RotationList.Direction.IN, null, new Paging(0, 20)).totalItems()).isEqualTo(25);
    }

    @Test
    void aRotationsStatusIsFilteredBeforeThePageIsCut() {
        Page<RotationView> open = rotations().of(OWNER, null, RotationList.Status.OPEN, new Paging(0, 5));
        Page<RotationView> overdue = rotations().of(OWNER, null, RotationList.Status.OVERDUE, new Paging(1, 3));
        Page<RotationView> home = rotations().of(OWNER, null, RotationList.Status.RETURNED, new Paging(0, 200));

        assertThat(open.totalItems()).isEqualTo(12);
        assertThat(open.items()).hasSize(5).allSatisfy(rotation -> assertThat(rotation.status()).isEqualTo("OPEN"));
        // odd rotations due before today: 1, 3, ... 11
        assertThat(overdue.totalItems()).isEqualTo(6);
        assertThat(overdue.items()).extracting(rotation -> rotation.copies().get(0).barcode()).containsExactly("RT-5", "RT-3", "RT-1");
        assertThat(home.totalItems()).isEqualTo(13);
        assertThat(home.items()).hasSize(13).allSatisfy(rotation -> assertThat(rotation.status()).isEqualTo("RETURNED"));
    }

    @Test
    void interlibraryLoansComeAPageAtATimeNewestFirst() {
        InterlibraryLoanList loans = new InterlibraryLoanList(jdbc);
        Page<InterlibraryLoanView> first = loans.of(OWNER, InterlibraryLoanList.Direction.IN, null, new Paging(0, 20));
        Page<InterlibraryLoanView> returned = loans.of(OWNER, null, InterlibraryLoanList.Status.RETURNED, new Paging(1, 3));

        assertThat(first.totalItems()).isEqualTo(25);
        assertThat(first.items()).hasSize(20);
        assertThat(first.items().get(0).requestId()).isEqualTo(new UUID(0x13, 24).toString());
        assertThat(returned.totalItems()).isEqualTo(5);
        assertThat(returned.items()).extracting(InterlibraryLoanView::requestId)
                .containsExactly(new UUID(0x13, 5).toString(), new UUID(0x13, 0).toString());
        assertThat(loans.of(OWNER, InterlibraryLoanList.Direction.OUT, null, new Paging(0, 20)).items()).isEmpty();
    }
}
