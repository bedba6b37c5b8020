package vn.motsach.infra.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void version7DistinctAndInTimeOrder() {
        var ids = IntStream.range(0, 100_000).mapToObj(i -> TimeOrderedIds.next()).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(millis(ids.get(0))).isLessThanOrEqualTo(millis(ids.get(ids.size() - 1)));
    }

    @Test
    void theIdsOfOneThreadSortInTheOrderItMadeThem() {
        var ids = IntStream.range(0, 100_000).mapToObj(i -> TimeOrderedIds.next()).toList();

        // as PostgreSQL orders uuids: byte by byte, unsigned
        for (int i = 1; i < ids.size(); i++) {
            assertThat(Long.compareUnsigned(ids.get(i - 1).getMostSignificantBits(), ids.get(i).getMostSignificantBits()))
                    .as("id %d after id %d", i, i - 1).isNegative();
        }
        long spread = millis(ids.get(ids.size() - 1)) - millis(ids.get(0));
        assertThat(spread).as("milliseconds the ids span, a few borrowed at most").isLessThan(10_000);
    }

    private static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
