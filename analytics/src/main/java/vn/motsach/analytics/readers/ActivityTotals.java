package vn.motsach.analytics.readers;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.analytics.calendar.PeriodParts;
import vn.motsach.analytics.streams.StoreKeys;

/**
 * A school's activity in any period, added up from the rows {@link ReaderActivityTopology}
 * keeps per day and per month: the months wholly inside the period and its remaining days.
 * A school year costs about ten month scans and two runs of days, a week one run of seven.
 *
 * @param <T> {@link StudentActivity} keyed {@code class|patron}, or {@link ClassTotals} keyed by class
 */
public final class ActivityTotals<T> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, T> days;
    private final ReadOnlyKeyValueStore<String, T> months;
    private final BinaryOperator<T> plus;

    private ActivityTotals(ReadOnlyKeyValueStore<String, T> days, ReadOnlyKeyValueStore<String, T> months,
            BinaryOperator<T> plus) {
        this.days = days;
        this.months = months;
        this.plus = plus;
    }

    public static ActivityTotals<StudentActivity> ofStudents(ReadOnlyKeyValueStore<String, StudentActivity> days,
            ReadOnlyKeyValueStore<String, StudentActivity> months) {
        return new ActivityTotals<>(days, months, StudentActivity::plus);
    }

    public static ActivityTotals<ClassTotals> ofClasses(ReadOnlyKeyValueStore<String, ClassTotals> days,
            ReadOnlyKeyValueStore<String, ClassTotals> months) {
        return new ActivityTotals<>(days, months, ClassTotals::plus);
    }

    /** The school's rows of {@code period}, each the sum over the period, by the rest of their keys. */
    public Map<String, T> in(String school, Period period) {
        Map<String, T> sums = new HashMap<>();
        PeriodParts parts = PeriodParts.of(period);
        for (YearMonth month : parts.months()) {
            String prefix = StoreKeys.prefix(school, month);
            try (KeyValueIterator<String, T> rows = months.prefixScan(prefix, KEYS)) {
                addAll(rows, prefix.length(), sums);
            }
        }
        for (PeriodParts.Days run : parts.days()) {
            // every key has parts after its day, so the bare key of the next day ends the range
            try (KeyValueIterator<String, T> rows = days.range(StoreKeys.of(school, run.from()),
                    StoreKeys.of(school, run.to().plusDays(1)))) {
                addAll(rows, StoreKeys.prefix(school, run.from()).length(), sums);
            }
        }
        return sums;
    }

    /** The school's rows of one day, by the rest of their keys. */
    public Map<String, T> on(String school, LocalDate day) {
        Map<String, T> rows = new HashMap<>();
        String prefix = StoreKeys.prefix(school, day);
        try (KeyValueIterator<String, T> scan = days.prefixScan(prefix, KEYS)) {
            addAll(scan, prefix.length(), rows);
        }
        return rows;
    }

    private void addAll(KeyValueIterator<String, T> rows, int prefixLength, Map<String, T> sums) {
        while (rows.hasNext()) {
            KeyValue<String, T> row = rows.next();
            sums.merge(row.key.substring(prefixLength), row.value, plus);
        }
    }
}
