package vn.motsach.infra.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimesTest {

    @Test
    void readsWhatInstantWritesAsTheJdkDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // from 1970 to 2200, with whole seconds, millis, micros and nanos
            long seconds = (long) (random.nextDouble() * 7_258_118_400L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();

            assertThat(IsoTimes.parseCanonical(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void readsEveryFractionWidthAndTheLastDayOfFebruary() {
        for (String text : new String[] {"2024-02-29T23:59:59.5Z", "2026-01-01T00:00:00.12Z", "2026-01-01T00:00:00.1234Z",
                "2026-12-31T23:59:59.123456789Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z"}) {
            assertThat(IsoTimes.parseCanonical(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesEveryOtherShapeToTheJdk() {
        for (String text : new String[] {"2026-09-05T01:00:00+07:00", "+12026-09-05T01:00:00Z", "2026-09-05T01:00Z",
                "2026-09-05T23:59:60Z", "2026-09-05T01:00:00.Z", "2026-02-29T01:00:00Z", "2026-13-05T01:00:00Z",
                "2026-09-05t01:00:00Z", "2026-09-05T24:00:00Z", "2026-09-05T01:00:00.1234567890Z", "2026-0a-05T01:00:00Z"}) {
            assertThat(IsoTimes.parseCanonical(text)).as(text).isNull();
        }
        assertThat(IsoTimes.parse("2026-09-05T01:00:00+07:00")).isEqualTo(Instant.parse("2026-09-04T18:00:00Z"));
    }

    @Test
    void readsDatesAsTheJdkDoesAndLeavesOtherShapesToIt() {
        for (LocalDate date = LocalDate.of(1999, 12, 25); date.isBefore(LocalDate.of(2031, 1, 1)); date = date.plusDays(1)) {
            assertThat(IsoTimes.parseCanonicalDate(date.toString())).isEqualTo(date);
        }
        for (String text : new String[] {"2026-02-29", "2026-9-05", "+12026-09-05", "2026-09-05T00:00", "2026/09/05", "2026-00-10"}) {
            assertThat(IsoTimes.parseCanonicalDate(text)).as(text).isNull();
        }
    }

    @Test
    void refusesWhatTheJdkRefuses() {
        assertThatThrownBy(() -> IsoTimes.parse("2026-02-29T01:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTimes.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
    }
}
