package vn.motsach.analytics.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.analytics.calendar.SchoolTime;
import vn.motsach.analytics.readers.ActivityTotals;
import vn.motsach.analytics.readers.ClassTotals;
import vn.motsach.analytics.readers.MonthDays;
import vn.motsach.analytics.readers.OverdueLoan;
import vn.motsach.analytics.readers.ReaderActivityTopology;
import vn.motsach.analytics.readers.StudentActivity;
import vn.motsach.analytics.roster.ClassProfile;
import vn.motsach.analytics.roster.RosterEntry;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.roster.SchoolProfile;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.web.ApiProblem;

/**
 * Reads a school's reading-culture state for a period from the local stores. Only this
 * instance's partitions are visible: callers route a request to the instance owning the
 * school first (see {@link vn.motsach.analytics.streams.InstanceRouter}).
 */
public final class ReadingMetrics {

    private static final StringSerializer KEYS = new StringSerializer();

    private final StateLookup stores;
    private final Clock clock;

    public ReadingMetrics(StateLookup stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SchoolTime.ZONE);
    }

    public StateLookup stores() {
        return stores;
    }

    public SchoolProfile school(String schoolId) {
        SchoolProfile school = stores.<SchoolProfile>keyValueStore(RosterTopology.SCHOOLS_STORE).get(schoolId);
        if (school == null) {
            throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, schoolId);
        }
        return school;
    }

    /** The period of the school's calendar containing {@code on}; 404 when the calendar has none. */
    public Period period(SchoolProfile school, MetricPeriod kind, LocalDate on) {
        return school.calendar().period(kind, on)
                .orElseThrow(() -> ApiProblem.notFound("PERIOD_NOT_SCHEDULED", kind.name(), on));
    }

    public SchoolPeriod load(SchoolProfile school, Period period) {
        String schoolId = school.schoolId();
        Map<String, ClassProfile> classes = new HashMap<>();
        scan(RosterTopology.CLASSES_STORE, StoreKeys.prefix(schoolId), (key, value) -> classes.put(key, (ClassProfile) value));
        List<RosterEntry> roster = new ArrayList<>();
        scan(RosterTopology.ROSTER_STORE, StoreKeys.prefix(schoolId), (key, value) -> roster.add((RosterEntry) value));
        Map<String, StudentActivity> rows = studentActivity().in(schoolId, period);
        Map<String, ClassTotals> totals = ActivityTotals.ofClasses(
                stores.<MonthDays<ClassTotals>>keyValueStore(ReaderActivityTopology.CLASS_MONTHS_STORE)).in(schoolId, period);
        List<OverdueLoan> overdue = new ArrayList<>();
        scan(ReaderActivityTopology.OVERDUE_STORE, StoreKeys.prefix(schoolId), (key, value) -> overdue.add((OverdueLoan) value));
        return new SchoolPeriod(school, period, classes, roster, SchoolPeriod.byClassAndPatron(rows), totals, overdue);
    }

    /** Students' activity by {@code class|patron}, in a period or on a day. */
    public ActivityTotals<StudentActivity> studentActivity() {
        return ActivityTotals.ofStudents(stores.keyValueStore(ReaderActivityTopology.STUDENT_MONTHS_STORE));
    }

    /** Calls {@code row} with the rest of each key after {@code prefix}, and its value. */
    private void scan(String store, String prefix, BiConsumer<String, Object> row) {
        try (KeyValueIterator<String, Object> rows = stores.<Object>keyValueStore(store).prefixScan(prefix, KEYS)) {
            while (rows.hasNext()) {
                KeyValue<String, Object> next = rows.next();
                row.accept(next.key.substring(prefix.length()), next.value);
            }
        }
    }
}
