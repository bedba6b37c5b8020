package vn.motsach.analytics.readers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.analytics.calendar.SchoolCalendar;
import vn.motsach.analytics.calendar.SchoolTime;
import vn.motsach.analytics.streams.SchoolEvents;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;
import vn.motsach.events.reading.ReadingSessionRecorded;
import vn.motsach.events.school.SchoolYearScheduled;

/**
 * What students read, per class and period: loans, reading sessions, library-period
 * attendance and reading-event participation, each counted in the week, month, semester and
 * school year of the day it happened (event time in Vietnam, so a desk that syncs the next
 * morning still lands in the right week), under the class the event names (a loan of 6A1
 * stays 6A1's after the student moves). Per day, too, for the evaluations of library periods
 * and reading events. Only students count: teachers' loans are not reading culture of a class.
 *
 * <p>Counting is safe because {@link SchoolEvents} lets each event through once, and
 * exactly_once_v2 commits the counts with the input offsets.
 */
public final class ReaderActivityTopology {

    public static final String CALENDARS_STORE = "activity-calendars";
    public static final String STUDENT_PERIODS_STORE = "student-period-activity";
    public static final String CLASS_PERIODS_STORE = "class-period-totals";
    public static final String STUDENT_DAYS_STORE = "student-day-activity";
    public static final String CLASS_DAYS_STORE = "class-day-activity";
    public static final String OVERDUE_STORE = "open-overdue-loans";
    public static final String EVENT_DATES_STORE = "reading-event-dates";
    /** The class part of a key for a student without a class. */
    public static final String NO_CLASS = "-";

    private ReaderActivityTopology() {
    }

    public static void build(StreamsBuilder builder, String eventsTopic, Serde<PublishedEvent> events) {
        StoreKeys.addJsonStore(builder, CALENDARS_STORE, SchoolCalendar.class);
        StoreKeys.addStore(builder, STUDENT_PERIODS_STORE, ActivitySerdes.studentActivity());
        StoreKeys.addStore(builder, CLASS_PERIODS_STORE, ActivitySerdes.classTotals());
        StoreKeys.addStore(builder, STUDENT_DAYS_STORE, ActivitySerdes.dayActivity());
        StoreKeys.addStore(builder, CLASS_DAYS_STORE, ActivitySerdes.dayActivity());
        StoreKeys.addJsonStore(builder, OVERDUE_STORE, OverdueLoan.class);
        StoreKeys.addJsonStore(builder, EVENT_DATES_STORE, EventDates.class);
        SchoolEvents.of(builder, eventsTopic, events)
                .process(ActivityUpdates::new, Named.as("reader-activity-updates"), CALENDARS_STORE, STUDENT_PERIODS_STORE,
                        CLASS_PERIODS_STORE, STUDENT_DAYS_STORE, CLASS_DAYS_STORE, OVERDUE_STORE, EVENT_DATES_STORE);
    }

    /** {@code school|WEEK|2026-02-16|6a1|hs-001}. */
    public static String studentPeriodKey(String school, Period period, String classId, String patronId) {
        return StoreKeys.of(school, period.key(), classOrNone(classId), patronId);
    }

    public static String classPeriodKey(String school, Period period, String classId) {
        return StoreKeys.of(school, period.key(), classOrNone(classId));
    }

    public static String studentDayKey(String school, String patronId, LocalDate day) {
        return StoreKeys.of(school, patronId, day);
    }

    public static String classDayKey(String school, String classId, LocalDate day) {
        return StoreKeys.of(school, classOrNone(classId), day);
    }

    private static String classOrNone(String classId) {
        return classId == null ? NO_CLASS : classId;
    }

    /**
     * The periods of {@code day} in a school's calendar, as the start of their row keys:
     * {@code school|WEEK|2026-02-16|}.
     */
    private record DayPeriods(LocalDate day, List<String> keyPrefixes) {

        static DayPeriods of(String school, LocalDate day, SchoolCalendar calendar) {
            return new DayPeriods(day, calendar.periodsOf(day).stream()
                    .map(period -> StoreKeys.prefix(school, period.key())).toList());
        }
    }

    private static final class ActivityUpdates implements Processor<String, PublishedEvent, Void, Void> {

        private KeyValueStore<String, SchoolCalendar> calendars;
        private KeyValueStore<String, StudentActivity> studentPeriods;
        private KeyValueStore<String, ClassTotals> classPeriods;
        private KeyValueStore<String, DayActivity> studentDays;
        private KeyValueStore<String, DayActivity> classDays;
        private KeyValueStore<String, OverdueLoan> overdue;
        private KeyValueStore<String, EventDates> eventDates;
        /** The calendars of this task's schools, read once: every event needs its school's. */
        private final Map<String, SchoolCalendar> knownCalendars = new HashMap<>();
        /**
         * Each school's latest day with the key prefixes of its periods. A school's events mostly
         * follow each other within a day, and working the periods and their keys out again for
         * every event cost a twentieth of the replay.
         */
        private final Map<String, DayPeriods> latestDays = new HashMap<>();

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            calendars = context.getStateStore(CALENDARS_STORE);
            studentPeriods = context.getStateStore(STUDENT_PERIODS_STORE);
            classPeriods = context.getStateStore(CLASS_PERIODS_STORE);
            studentDays = context.getStateStore(STUDENT_DAYS_STORE);
            classDays = context.getStateStore(CLASS_DAYS_STORE);
            overdue = context.getStateStore(OVERDUE_STORE);
            eventDates = context.getStateStore(EVENT_DATES_STORE);
            knownCalendars.clear(); // a task revived after an aborted transaction starts from its stores
            latestDays.clear();
        }

        @Override
        public void process(Record<String, PublishedEvent> record) {
            PublishedEvent event = record.value();
            String school = event.schoolId().value();
            Instant at = event.occurredAt();
            Object payload = event.payload();
            if (payload instanceof SchoolYearScheduled scheduled) {
                SchoolCalendar updated = calendar(school).with(scheduled);
                calendars.put(school, updated);
                knownCalendars.put(school, updated);
                latestDays.remove(school);
            } else if (payload instanceof CopyCheckedOut loan && isStudent(loan.patronCategory())) {
                LocalDate day = SchoolTime.dayOf(loan.borrowedAt());
                String classId = id(loan.classId());
                addToStudent(school, day, classId, loan.patronId().value(), StudentActivity.loan(at));
                addToDays(school, day, classId, loan.patronId().value(), new DayActivity(1, 0, at));
            } else if (payload instanceof ReadingSessionRecorded session && isStudent(session.patronCategory())) {
                LocalDate day = SchoolTime.dayOf(session.startedAt());
                String classId = id(session.classId());
                addToStudent(school, day, classId, session.patronId().value(), StudentActivity.session(session.minutes(), at));
                addToDays(school, day, classId, session.patronId().value(), new DayActivity(0, session.minutes(), at));
            } else if (payload instanceof LibraryPeriodHeld held) {
                String classId = id(held.classId());
                addToClass(school, held.heldOn(), classId,
                        new ClassTotals(1, held.attendeeIds().size(), held.enrolledStudents(), 0, at));
                held.attendeeIds().forEach(attendee ->
                        addToStudent(school, held.heldOn(), classId, attendee.value(), StudentActivity.attendance(at)));
            } else if (payload instanceof ReadingEventScheduled scheduled) {
                eventDates.put(StoreKeys.of(school, scheduled.eventId()), new EventDates(scheduled.startsOn(), scheduled.endsOn()));
            } else if (payload instanceof ReadingEventParticipationRecorded recorded) {
                EventDates dates = eventDates.get(StoreKeys.of(school, recorded.eventId()));
                LocalDate day = dates != null ? dates.startsOn() : recorded.recordedOn();
                for (Participant participant : recorded.participants()) {
                    if (isStudent(participant.category())) {
                        addToStudent(school, day, id(participant.classId()), participant.patronId().value(),
                                StudentActivity.participation(at));
                    }
                }
            } else if (payload instanceof LoanBecameOverdue late && isStudent(late.patronCategory())) {
                String key = StoreKeys.of(school, late.loanId());
                if (overdue.get(key) == null) {
                    overdue.put(key, new OverdueLoan(late.loanId().toString(), late.patronId().value(), id(late.classId()),
                            late.overdueSince()));
                    addToClass(school, late.overdueSince(), id(late.classId()), new ClassTotals(0, 0, 0, 1, at));
                }
            } else if (payload instanceof CopyReturned returned) {
                OverdueLoan loan = overdue.delete(StoreKeys.of(school, returned.loanId()));
                if (loan != null) {
                    addToClass(school, loan.overdueSince(), loan.classId(), new ClassTotals(0, 0, 0, -1, at));
                }
            }
        }

        private SchoolCalendar calendar(String school) {
            return knownCalendars.computeIfAbsent(school, key -> {
                SchoolCalendar calendar = calendars.get(key);
                return calendar == null ? SchoolCalendar.empty() : calendar;
            });
        }

        private void addToStudent(String school, LocalDate day, String classId, String patronId, StudentActivity activity) {
            String rest = classOrNone(classId) + "|" + patronId; // as studentPeriodKey ends
            for (String prefix : periodsOf(school, day).keyPrefixes()) {
                add(studentPeriods, prefix + rest, activity, StudentActivity.NONE, StudentActivity::plus);
            }
        }

        private void addToClass(String school, LocalDate day, String classId, ClassTotals totals) {
            String rest = classOrNone(classId); // as classPeriodKey ends
            for (String prefix : periodsOf(school, day).keyPrefixes()) {
                add(classPeriods, prefix + rest, totals, ClassTotals.NONE, ClassTotals::plus);
            }
        }

        private DayPeriods periodsOf(String school, LocalDate day) {
            DayPeriods latest = latestDays.get(school);
            if (latest == null || !latest.day().equals(day)) {
                latest = DayPeriods.of(school, day, calendar(school));
                latestDays.put(school, latest);
            }
            return latest;
        }

        private void addToDays(String school, LocalDate day, String classId, String patronId, DayActivity activity) {
            add(studentDays, studentDayKey(school, patronId, day), activity, DayActivity.NONE, DayActivity::plus);
            add(classDays, classDayKey(school, classId, day), activity, DayActivity.NONE, DayActivity::plus);
        }

        private static <T> void add(KeyValueStore<String, T> store, String key, T addition, T none, BinaryOperator<T> plus) {
            T current = store.get(key);
            store.put(key, plus.apply(current == null ? none : current, addition));
        }

        private static boolean isStudent(PatronCategory category) {
            return category == PatronCategory.STUDENT;
        }

        private static String id(ClassId classId) {
            return classId == null ? null : classId.value();
        }
    }
}
