package vn.motsach.analytics.readers;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary values of the month stores, which every loan and session reads and writes: a version
 * byte, a bit per day of the month that has activity, then for each such day its counts and
 * {@code asOf} in epoch milliseconds (-1 for none). JSON here cost more than the rest of the
 * processing together.
 * <p>
 * Version 3 counts a student's self-reported minutes apart from the minutes the school saw.
 * Version 2 rows added both together and cannot be split again, so they are not read: the stores'
 * layout generation ({@code StreamsRunner.STORE_LAYOUT}) was raised with this version, and an
 * instance upgraded from version 2 rebuilds its stores from the events topic, whose events say
 * which sessions were self-reported.
 */
final class ActivitySerdes {

    private static final byte VERSION = 3;
    private static final long NONE = -1;

    private ActivitySerdes() {
    }

    static Serde<MonthDays<StudentActivity>> studentMonths() {
        return serde(6, value -> new int[] {value.loans(), value.readingMinutes(), value.selfReportedMinutes(),
                value.readingSessions(), value.libraryPeriodsAttended(), value.readingEvents()}, StudentActivity::asOf,
                (counts, asOf) -> new StudentActivity(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], asOf));
    }

    static Serde<MonthDays<ClassTotals>> classMonths() {
        return serde(4, value -> new int[] {value.libraryPeriods(), value.libraryPeriodAttendances(),
                value.libraryPeriodSeats(), value.overdueLoans()}, ClassTotals::asOf,
                (counts, asOf) -> new ClassTotals(counts[0], counts[1], counts[2], counts[3], asOf));
    }

    private interface Counts<T> {
        int[] of(T value);
    }

    private interface Stamp<T> {
        Instant of(T value);
    }

    private interface Rebuild<T> {
        T from(int[] counts, Instant asOf);
    }

    private static <T> Serde<MonthDays<T>> serde(int fields, Counts<T> counts, Stamp<T> stamp, Rebuild<T> rebuild) {
        Serializer<MonthDays<T>> serializer = (topic, month) -> {
            if (month == null) {
                return null;
            }
            int present = 0;
            int mask = 0;
            for (int day = 1; day <= 31; day++) {
                if (month.on(day) != null) {
                    mask |= 1 << (day - 1);
                    present++;
                }
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + present * (4 * fields + 8)).put(VERSION).putInt(mask);
            for (int day = 1; day <= 31; day++) {
                T value = month.on(day);
                if (value != null) {
                    for (int count : counts.of(value)) {
                        buffer.putInt(count);
                    }
                    Instant asOf = stamp.of(value);
                    buffer.putLong(asOf == null ? NONE : asOf.toEpochMilli());
                }
            }
            return buffer.array();
        };
        Deserializer<MonthDays<T>> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (buffer.get() != VERSION) {
                throw new IllegalStateException("Unknown version of a month's activity (a store of an older layout:"
                        + " it is rebuilt under a new application id, see StreamsRunner.STORE_LAYOUT)");
            }
            int mask = buffer.getInt();
            Object[] days = new Object[31];
            for (int day = 1; day <= 31; day++) {
                if ((mask & (1 << (day - 1))) != 0) {
                    int[] values = new int[fields];
                    for (int i = 0; i < fields; i++) {
                        values[i] = buffer.getInt();
                    }
                    long millis = buffer.getLong();
                    days[day - 1] = rebuild.from(values, millis == NONE ? null : Instant.ofEpochMilli(millis));
                }
            }
            return new MonthDays<>(days);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
