package vn.motsach.command.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.motsach.command.execution.IdempotencyStore.StoredAnswer;

/** A refusal kept under an idempotency key reads back with the arguments it was refused with, a day as a day. */
class StoredRefusalsTest {

    @Test
    void aDayIsKeptAsADay() {
        StoredAnswer kept = StoredAnswer.refused("h-1", 409, "PATRON_LEAVING", new Object[] {"hs-an", LocalDate.of(2027, 1, 15), 2});

        assertThat(kept.refusal()).isEqualTo("PATRON_LEAVING");
        assertThat(kept.position()).isNull();
        assertThat(kept.refusalArguments()).containsExactly("hs-an", LocalDate.of(2027, 1, 15), 2);
    }

    @Test
    void aMomentOfTheSchoolsDayIsKeptAsOne() {
        LocalDateTime asked = LocalDateTime.of(2027, 6, 1, 9, 5);
        StoredAnswer kept = StoredAnswer.refused("h-1", 409, "ROLLOVER_ALREADY_DONE", new Object[] {"2027-2028", "hieu-truong", asked});

        assertThat(kept.refusalArguments()).containsExactly("2027-2028", "hieu-truong", asked);
    }

    @Test
    void aRefusalKeptBeforeDaysWereMarkedReadsAsItWasKept() {
        StoredAnswer earlier = new StoredAnswer("h-1", 409, "[\"hs-an\",\"2026-09-14\"]", null, "PATRON_LEAVING");

        assertThat(earlier.refusalArguments()).containsExactly("hs-an", "2026-09-14");
    }
}
