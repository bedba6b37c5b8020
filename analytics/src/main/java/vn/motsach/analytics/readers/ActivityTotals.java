package vn.motsach.analytics.readers;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * days asked for in it. A week costs one or two month scans, a school year ten.
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
        return on(school, period.from().datesUntil(period.to().plusDays(1)).toList());
    }

    /** The school's rows with activity on {@code day}, by the rest of their keys. */
    public Map<String, T> on(String school, LocalDate day) {
        return on(school, List.of(day));
    }

    /**
     * The school's rows with activity on any of {@code days} (school days, say, skipping weekends
     * and Tết), each summed over them: every month touched is scanned once.
     */
    public Map<String, T> on(String school, Collection<LocalDate> days) {
        Map<YearMonth, List<Run>> runs = new TreeMap<>();
        for (LocalDate day : new TreeSet<>(days)) {
            List<Run> ofMonth = runs.computeIfAbsent(YearMonth.from(day), month -> new ArrayList<>());
            int dayOfMonth = day.getDayOfMonth();
            if (!ofMonth.isEmpty() && ofMonth.get(ofMonth.size() - 1).last() == dayOfMonth - 1) {
                ofMonth.set(ofMonth.size() - 1, new Run(ofMonth.get(ofMonth.size() - 1).first(), dayOfMonth));
            } else {
                ofMonth.add(new Run(dayOfMonth, dayOfMonth));
            }
        }
        return sum(school, runs);
    }

    /** Consecutive days of one month, by day of the month, both included. */
    private record Run(int first, int last) {
    }

    private Map<String, T> sum(String school, Map<YearMonth, List<Run>> runs) {
        Map<String, T> sums = new HashMap<>();
        runs.forEach((month, ofMonth) -> {
            String prefix = StoreKeys.prefix(school, month);
            try (KeyValueIterator<String, MonthDays<T>> rows = months.prefixScan(prefix, KEYS)) {
                while (rows.hasNext()) {
                    KeyValue<String, MonthDays<T>> row = rows.next();
                    for (Run run : ofMonth) {
                        T sum = row.value.sum(run.first(), run.last(), plus);
                        if (sum != null) {
                            sums.merge(row.key.substring(prefix.length()), sum, plus);
                        }
                    }
                }
            }
        });
        return sums;
    }
}
