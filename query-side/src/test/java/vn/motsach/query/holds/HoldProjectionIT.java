package vn.motsach.query.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.query.Events.MONDAY;
import static vn.motsach.query.Events.SCHOOL;
import static vn.motsach.query.Events.at;
import static vn.motsach.query.Events.holdId;
import static vn.motsach.query.Events.holdPlaced;
import static vn.motsach.query.Events.ready;
import static vn.motsach.query.Events.titleId;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.Barcode;
import vn.motsach.events.PatronId;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.Events;
import vn.motsach.testing.ProjectionDatabase;

/** Hold queues on the real PostgreSQL: positions computed in order of placement, events applied twice or late. */
class HoldProjectionIT {

    private static final String DE_MEN = "Dế Mèn phiêu lưu ký";

    private static JdbcClient jdbc;
    private HoldProjection projection;
    private Holds holds;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
    }

    @BeforeEach
    void setUp() {
        projection = new HoldProjection(jdbc);
        holds = new Holds(jdbc);
        projection.reset();
    }

    @Test
    void theQueueIsInOrderOfPlacementAndCloses() {
        projection.on(holdPlaced("an", DE_MEN, "hs-001", 1), at(10));
        projection.on(holdPlaced("binh", DE_MEN, "hs-002", 2), at(11));
        projection.on(holdPlaced("chi", DE_MEN, "hs-003", 3), at(12));
        assertThat(queue()).containsExactly("hs-001:WAITING:1", "hs-002:WAITING:2", "hs-003:WAITING:3");

        projection.on(ready("an", DE_MEN, "hs-001", "TN-001"), at(13));
        projection.on(new HoldCancelled(SCHOOL, holdId("binh"), titleId(DE_MEN), PatronId.of("hs-002"), null,
                Instant.parse("2026-09-08T02:00:00Z")), at(14));
        assertThat(queue()).containsExactly("hs-001:READY:null", "hs-003:WAITING:1", "hs-002:CANCELLED:null");

        projection.on(new HoldFulfilled(SCHOOL, holdId("an"), titleId(DE_MEN), PatronId.of("hs-001"), Barcode.of("TN-001"),
                Events.loanId("l1")), MONDAY, at(15));
        assertThat(holds.activeHoldsOf(SCHOOL.value(), "hs-003")).extracting(HoldView::position).containsExactly(1);
        assertThat(holds.activeHoldsOf(SCHOOL.value(), "hs-001")).isEmpty();
    }

    @Test
    void aHoldSeenLateTakesItsPlaceInTheQueue() {
        projection.on(holdPlaced("binh", DE_MEN, "hs-002", 2), at(11));
        projection.on(holdPlaced("an", DE_MEN, "hs-001", 1), at(10));

        assertThat(queue()).containsExactly("hs-001:WAITING:1", "hs-002:WAITING:2");
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        projection.on(holdPlaced("an", DE_MEN, "hs-001", 1), at(10));
        projection.on(ready("an", DE_MEN, "hs-001", "TN-001"), at(13));
        List<String> before = all();

        projection.on(holdPlaced("an", DE_MEN, "hs-001", 1), at(10));
        projection.on(ready("an", DE_MEN, "hs-001", "TN-001"), at(13));

        assertThat(all()).isEqualTo(before);
    }

    private List<String> queue() {
        return holds.find(SCHOOL.value(), titleId(DE_MEN).value(), null, null, new Paging(0, 20)).items().stream()
                .map(hold -> hold.patronId() + ":" + hold.status() + ":" + hold.position())
                .toList();
    }

    private static List<String> all() {
        return jdbc.sql("select q::text from qs_hold q order by hold_id").query(String.class).list();
    }
}
