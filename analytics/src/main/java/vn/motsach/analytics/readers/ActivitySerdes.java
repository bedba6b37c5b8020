package vn.motsach.analytics.readers;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Fixed-size binary values for the activity counters, the stores every loan and session
 * updates several times: a version byte, the counts, and {@code asOf} in epoch milliseconds
 * (-1 for none). JSON here cost more than the rest of the processing together.
 */
final class ActivitySerdes {

    private static final byte VERSION = 1;
    private static final long NONE = -1;

    private ActivitySerdes() {
    }

    static Serde<StudentActivity> studentActivity() {
        return serde(5, value -> new int[] {value.loans(), value.readingMinutes(), value.readingSessions(),
                value.libraryPeriodsAttended(), value.readingEvents()}, StudentActivity::asOf,
                (counts, asOf) -> new StudentActivity(counts[0], counts[1], counts[2], counts[3], counts[4], asOf));
    }

    static Serde<ClassTotals> classTotals() {
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

    private static <T> Serde<T> serde(int fields, Counts<T> counts, Stamp<T> stamp, Rebuild<T> rebuild) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 + 4 * fields + 8).put(VERSION);
            for (int count : counts.of(value)) {
                buffer.putInt(count);
            }
            Instant asOf = stamp.of(value);
            return buffer.putLong(asOf == null ? NONE : asOf.toEpochMilli()).array();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (buffer.get() != VERSION) {
                throw new IllegalStateException("Unknown version of an activity value");
            }
            int[] values = new int[fields];
            for (int i = 0; i < fields; i++) {
                values[i] = buffer.getInt();
            }
            long millis = buffer.getLong();
            return rebuild.from(values, millis == NONE ? null : Instant.ofEpochMilli(millis));
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
