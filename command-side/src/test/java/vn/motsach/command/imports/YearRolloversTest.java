package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.motsach.command.imports.rollover.RolloverPlan;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.web.ApiProblem;

class YearRolloversTest {

    private static final UUID JOB = UUID.fromString("01a24696-be65-7591-8af7-5563980300d0");

    @Test
    void aYearWithAStandingRolloverIsRefusedNamingWhoAskedForItAndWhen() {
        ApiProblem refused = YearRollovers.alreadyDone("2027-2028", rollover(Instant.parse("2027-06-01T02:05:41.5Z")));

        assertThat(refused.status().value()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ROLLOVER_ALREADY_DONE");
        // asked for at 09:05 in the school's time zone; the job's id tells a librarian nothing
        assertThat(refused.arguments()).containsExactly("2027-2028", "hieu-truong", LocalDateTime.of(2027, 6, 1, 9, 5));
    }

    @Test
    void whatAPlanDidLeavesOutItsRejectedSteps() {
        RolloverPlan plan = new RolloverPlan("2027-2028", "2026-2027", "2027-09-06", List.of(
                new RolloverPlan.Step(RolloverPlan.Action.OPEN_CLASS, "5a1", "5A1", 5, null, null),
                new RolloverPlan.Step(RolloverPlan.Action.MOVE, "5a1", null, null, "hs-c", "4a1"),
                new RolloverPlan.Step(RolloverPlan.Action.MOVE, "5a1", null, null, "hs-d", "4a1"),
                new RolloverPlan.Step(RolloverPlan.Action.GRADUATE, null, null, null, "hs-an", "5a4"),
                new RolloverPlan.Step(RolloverPlan.Action.CLOSE_CLASS, "4a1", null, null, null, null)), null, "2027-06-01");

        assertThat(plan.tally(Set.of())).isEqualTo(new RolloverPlan.Tally(1, 2, 1));
        assertThat(plan.tally(Set.of(3, 4))).isEqualTo(new RolloverPlan.Tally(1, 1, 0));
    }

    private static ImportJob rollover(Instant requestedAt) {
        return new ImportJob(JOB, SchoolId.of("th-roll"), ImportKind.ROLLOVER, ImportFormat.JSON, ImportStatus.SUCCEEDED, false, null,
                0, "hieu-truong", null, 0, requestedAt, requestedAt, requestedAt, false, 5, 5, 1, 4, 0, 0, 1, 42L);
    }
}
