package vn.motsach.analytics.readers;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * One student's (or one class's) activity in one calendar month, day by day: the value of a
 * row in the month stores. An event updates the one row of its month, and any period (a day, a
 * week, a semester) is the sum of the days it covers in the rows of the months it touches.
 *
 * @param <T> {@link StudentActivity} or {@link ClassTotals}
 */
public final class MonthDays<T> {

    private static final int DAYS = 31;

    /** By day of the month minus one; null where nothing happened. */
    private final Object[] days;

    MonthDays(Object[] days) {
        if (days.length != DAYS) {
            throw new IllegalArgumentException("A month has " + DAYS + " day slots");
        }
        this.days = days;
    }

    static <T> MonthDays<T> empty() {
        return new MonthDays<>(new Object[DAYS]);
    }

    /** What happened on {@code dayOfMonth}, or null. */
    @SuppressWarnings("unchecked")
    public T on(int dayOfMonth) {
        return (T) days[dayOfMonth - 1];
    }

    /** This month with {@code addition} added to {@code day}. */
    MonthDays<T> plus(LocalDate day, T addition, BinaryOperator<T> plus) {
        Object[] updated = Arrays.copyOf(days, DAYS);
        T current = on(day.getDayOfMonth());
        updated[day.getDayOfMonth() - 1] = current == null ? addition : plus.apply(current, addition);
        return new MonthDays<>(updated);
    }

    /** The sum of the days from {@code fromDay} to {@code toDay}, both included; null when none has activity. */
    public T sum(int fromDay, int toDay, BinaryOperator<T> plus) {
        T sum = null;
        for (int day = fromDay; day <= toDay; day++) {
            T done = on(day);
            if (done != null) {
                sum = sum == null ? done : plus.apply(sum, done);
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MonthDays<?> month && Arrays.equals(days, month.days);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(days);
    }

    @Override
    public String toString() {
        return "MonthDays" + Arrays.toString(days);
    }
}
