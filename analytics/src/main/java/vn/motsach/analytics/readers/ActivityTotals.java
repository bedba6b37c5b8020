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
import vn.motsach.analytics.streams.StoreKeys;

/**
 * A school's activity over any run of days, added up from the month rows
 * {@link ReaderActivityTopology} keeps: one scan per month touched, each row summed over the
 * days inside the run. A week costs one or two month scans, a school year ten.
 *
 * @param <T> {@link StudentActivity} keyed {@code class|patron}, or {@link ClassTotals} keyed by class
 */
public final class ActivityTotals<T> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, MonthDays<T>> months;
    private final BinaryOperator<T> plus;

    private ActivityTotals(ReadOnlyKeyValueStore<String, MonthDays<T>> months, BinaryOperator<T> plus) {
        this.months = months;
        this.plus = plus;
    }

    public static ActivityTotals<StudentActivity> ofStudents(ReadOnlyKeyValueStore<String, MonthDays<StudentActivity>> months) {
        return new ActivityTotals<>(months, StudentActivity::plus);
    }

    public static ActivityTotals<ClassTotals> ofClasses(ReadOnlyKeyValueStore<String, MonthDays<ClassTotals>> months) {
        return new ActivityTotals<>(months, ClassTotals::plus);
    }

    /** The school's rows with activity in {@code period}, each summed over it, by the rest of their keys. */
    public Map<String, T> in(String school, Period period) {
        return between(school, period.from(), period.to());
    }

    /** The school's rows with activity on {@code day}, by the rest of their keys. */
    public Map<String, T> on(String school, LocalDate day) {
        return between(school, day, day);
    }

    private Map<String, T> between(String school, LocalDate from, LocalDate to) {
        Map<String, T> sums = new HashMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            int firstDay = month.equals(YearMonth.from(from)) ? from.getDayOfMonth() : 1;
            int lastDay = month.equals(YearMonth.from(to)) ? to.getDayOfMonth() : month.lengthOfMonth();
            String prefix = StoreKeys.prefix(school, month);
            try (KeyValueIterator<String, MonthDays<T>> rows = months.prefixScan(prefix, KEYS)) {
                while (rows.hasNext()) {
                    KeyValue<String, MonthDays<T>> row = rows.next();
                    T sum = row.value.sum(firstDay, lastDay, plus);
                    if (sum != null) {
                        sums.merge(row.key.substring(prefix.length()), sum, plus);
                    }
                }
            }
        }
        return sums;
    }
}
