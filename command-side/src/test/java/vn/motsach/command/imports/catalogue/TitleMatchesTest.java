package vn.motsach.command.imports.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleMatchesTest {

    @Test
    void theTablesAreSampledAgainAtOneThousandRecordsThenAtEveryDoublingWhateverTheBatchSize() {
        for (int batch : List.of(100, 128, 300, 1000, 7)) {
            List<Integer> sampledAfter = new ArrayList<>();
            for (int applied = batch; applied <= 20_000; applied += batch) {
                if (TitleMatches.crossedDoubling(applied - batch, applied)) {
                    sampledAfter.add(applied);
                }
            }
            assertThat(sampledAfter).as("batches of %d", batch).hasSize(5);
            assertThat(sampledAfter.get(0)).isBetween(1000, 1000 + batch - 1);
            assertThat(sampledAfter.get(4)).isBetween(16_000, 16_000 + batch - 1);
        }
    }
}
