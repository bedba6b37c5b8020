package vn.motsach.analytics.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ActivitySerdesTest {

    @Test
    void aMonthKeepsItsDaysTheirCountsAndTheirTimes() {
        Instant at = Instant.parse("2026-01-31T09:15:30.123Z");
        MonthDays<StudentActivity> month = MonthDays.<StudentActivity>empty()
                .plus(LocalDate.of(2026, 1, 1), new StudentActivity(1, 20, 35, 2, 0, 0, at), StudentActivity::plus)
                .plus(LocalDate.of(2026, 1, 31), new StudentActivity(0, 0, 0, 0, 1, 2, null), StudentActivity::plus);
        var serde = ActivitySerdes.studentMonths();

        MonthDays<StudentActivity> read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", month));

        assertThat(read).isEqualTo(month);
        assertThat(read.on(1).asOf()).isEqualTo(at);
        assertThat(read.on(1).selfReportedMinutes()).isEqualTo(35);
        assertThat(read.on(31).asOf()).isNull();
        assertThat(read.on(15)).isNull();
    }

    @Test
    void aStudentMonthOfTheOlderLayoutThatAddedSelfReportedMinutesInIsRefused() {
        var serde = ActivitySerdes.studentMonths();
        byte[] bytes = serde.serializer().serialize("t", MonthDays.<StudentActivity>empty()
                .plus(LocalDate.of(2026, 1, 1), new StudentActivity(1, 20, 35, 2, 0, 0, null), StudentActivity::plus));
        bytes[0] = 2;

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STORE_LAYOUT");
    }

    @Test
    void aClassMonthRoundTripsAndAnUnknownVersionIsRefused() {
        MonthDays<ClassTotals> month = MonthDays.<ClassTotals>empty()
                .plus(LocalDate.of(2026, 2, 28), new ClassTotals(1, 30, 35, -1, Instant.EPOCH), ClassTotals::plus);
        var serde = ActivitySerdes.classMonths();
        byte[] bytes = serde.serializer().serialize("t", month);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(month);
        bytes[0] = 1;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes)).isInstanceOf(IllegalStateException.class);
    }
}
