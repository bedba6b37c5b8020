package vn.motsach.analytics.readers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.BinaryOperator;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.analytics.calendar.SchoolTime;
import vn.motsach.analytics.streams.EventHandlers;
import vn.motsach.analytics.streams.SchoolEvents;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.events.ClassId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;
import vn.motsach.events.reading.ReadingSessionRecorded;

/**
 * What students read, per class and day: loans, reading sessions, library-period attendance
 * and reading-event participation, each counted on the day it happened (event time in Vietnam,
 * so a desk that syncs the next morning still lands on the right day), under the class the
 * event names (a loan of 6A1 stays 6A1's after the student moves). Only students count:
 * teachers' loans are not reading culture of a class.
 *
 * <p>A row holds one student's (or class's) month, day by day ({@link MonthDays}). Weeks,
 * semesters and school years are not stored: {@link ActivityTotals} adds up the days a period
 * covers when asked. An event then reads and writes one row rather than one per period it falls
 * in, which would multiply a replay's work, and a semester rescheduled after the fact counts what
 * happened in its new dates.
 *
 * <p>Counting is safe because {@link SchoolEvents} lets each event through once, and
 * exactly_once_v2 commits the counts with the input offsets.
 */
public final class ReaderActivityTopology {

    public static final String STUDENT_MONTHS_STORE = "student-months";
    public static final String CLASS_MONTHS_STORE = "class-months";
    public static final String OVERDUE_STORE = "open-overdue-loans";
    public static final String EVENT_DATES_STORE = "reading-event-dates";
    /** The class part of a key for a student without a class. */
    public static final String NO_CLASS = "-";

    private ReaderActivityTopology() {
    }

    public static void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents) {
        StoreKeys.addStore(builder, STUDENT_MONTHS_STORE, ActivitySerdes.studentMonths());
        StoreKeys.addStore(builder, CLASS_MONTHS_STORE, ActivitySerdes.classMonths());
        StoreKeys.addJsonStore(builder, OVERDUE_STORE, OverdueLoan.class);
        StoreKeys.addJsonStore(builder, EVENT_DATES_STORE, EventDates.class);
        schoolEvents.process(ActivityUpdates::new, Named.as("reader-activity-updates"), STUDENT_MONTHS_STORE,
                CLASS_MONTHS_STORE, OVERDUE_STORE, EVENT_DATES_STORE);
    }

    /** {@code school|2026-02|6a1|hs-001} */
    public static String studentKey(String school, YearMonth month, String classId, String patronId) {
        return StoreKeys.of(school, month, classOrNone(classId), patronId);
    }

    /** {@code school|2026-02|6a1} */
    public static String classKey(String school, YearMonth month, String classId) {
        return StoreKeys.of(school, month, classOrNone(classId));
    }

    private static String classOrNone(String classId) {
        return classId == null ? NO_CLASS : classId;
    }

    private static final class ActivityUpdates implements Processor<String, PublishedEvent, Void, Void> {

        private KeyValueStore<String, MonthDays<StudentActivity>> studentMonths;
        private KeyValueStore<String, MonthDays<ClassTotals>> classMonths;
        private KeyValueStore<String, OverdueLoan> overdue;
        private KeyValueStore<String, EventDates> eventDates;

        /** One handler per event the activity counts; the events are the circulation and reading-culture families. */
        private final EventHandlers handlers = new EventHandlers()
                .on(CopyCheckedOut.class, this::loanMade)
                .on(ReadingSessionRecorded.class, this::sessionRecorded)
                .on(LibraryPeriodHeld.class, this::periodHeld)
                .on(ReadingEventScheduled.class, this::readingEventScheduled)
                .on(ReadingEventParticipationRecorded.class, this::participationRecorded)
                .on(LoanBecameOverdue.class, this::loanBecameOverdue)
                .on(CopyReturned.class, this::copyReturned)
                .on(CopyReportedLost.class, this::copyLost);

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            studentMonths = context.getStateStore(STUDENT_MONTHS_STORE);
            classMonths = context.getStateStore(CLASS_MONTHS_STORE);
            overdue = context.getStateStore(OVERDUE_STORE);
            eventDates = context.getStateStore(EVENT_DATES_STORE);
        }

        @Override
        public void process(Record<String, PublishedEvent> record) {
            handlers.handle(record.value());
        }

        private void loanMade(CopyCheckedOut loan, PublishedEvent event) {
            if (isStudent(loan.patronCategory())) {
                addToStudent(school(event), SchoolTime.dayOf(loan.borrowedAt()), id(loan.classId()), loan.patronId().value(),
                        StudentActivity.loan(event.occurredAt()));
            }
        }

        private void sessionRecorded(ReadingSessionRecorded session, PublishedEvent event) {
            if (isStudent(session.patronCategory())) {
                addToStudent(school(event), SchoolTime.dayOf(session.startedAt()), id(session.classId()),
                        session.patronId().value(),
                        StudentActivity.session(session.minutes(), session.selfReported(), event.occurredAt()));
            }
        }

        private void periodHeld(LibraryPeriodHeld held, PublishedEvent event) {
            String school = school(event);
            Instant at = event.occurredAt();
            String classId = id(held.classId());
            addToClass(school, held.heldOn(), classId,
                    new ClassTotals(1, held.attendeeIds().size(), held.enrolledStudents(), 0, at));
            held.attendeeIds().forEach(attendee ->
                    addToStudent(school, held.heldOn(), classId, attendee.value(), StudentActivity.attendance(at)));
        }

        private void readingEventScheduled(ReadingEventScheduled scheduled, PublishedEvent event) {
            eventDates.put(StoreKeys.of(school(event), scheduled.eventId()),
                    new EventDates(scheduled.startsOn(), scheduled.endsOn()));
        }

        private void participationRecorded(ReadingEventParticipationRecorded recorded, PublishedEvent event) {
            String school = school(event);
            EventDates dates = eventDates.get(StoreKeys.of(school, recorded.eventId()));
            LocalDate day = dates != null ? dates.startsOn() : recorded.recordedOn();
            for (Participant participant : recorded.participants()) {
                if (isStudent(participant.category())) {
                    addToStudent(school, day, id(participant.classId()), participant.patronId().value(),
                            StudentActivity.participation(event.occurredAt()));
                }
            }
        }

        private void loanBecameOverdue(LoanBecameOverdue late, PublishedEvent event) {
            if (!isStudent(late.patronCategory())) {
                return;
            }
            String school = school(event);
            String key = StoreKeys.of(school, late.loanId());
            if (overdue.get(key) == null) {
                overdue.put(key, new OverdueLoan(late.loanId().toString(), late.patronId().value(), id(late.classId()),
                        late.overdueSince()));
                addToClass(school, late.overdueSince(), id(late.classId()), new ClassTotals(0, 0, 0, 1, event.occurredAt()));
            }
        }

        private void copyReturned(CopyReturned returned, PublishedEvent event) {
            closeOverdue(school(event), returned.loanId(), event);
        }

        private void closeOverdue(String school, LoanId loanId, PublishedEvent event) {
            OverdueLoan loan = overdue.delete(StoreKeys.of(school, loanId));
            if (loan != null) {
                addToClass(school, loan.overdueSince(), loan.classId(), new ClassTotals(0, 0, 0, -1, event.occurredAt()));
            }
        }

        /** A loan closed as lost is no longer out, so no longer overdue: as a returned one. */
        private void copyLost(CopyReportedLost lost, PublishedEvent event) {
            if (lost.loanId() != null) {
                closeOverdue(school(event), lost.loanId(), event);
            }
        }

        private static String school(PublishedEvent event) {
            return event.schoolId().value();
        }

        private void addToStudent(String school, LocalDate day, String classId, String patronId, StudentActivity activity) {
            add(studentMonths, studentKey(school, YearMonth.from(day), classId, patronId), day, activity, StudentActivity::plus);
        }

        private void addToClass(String school, LocalDate day, String classId, ClassTotals totals) {
            add(classMonths, classKey(school, YearMonth.from(day), classId), day, totals, ClassTotals::plus);
        }

        private static <T> void add(KeyValueStore<String, MonthDays<T>> store, String key, LocalDate day, T addition,
                BinaryOperator<T> plus) {
            MonthDays<T> current = store.get(key);
            store.put(key, (current == null ? MonthDays.<T>empty() : current).plus(day, addition, plus));
        }

        private static boolean isStudent(PatronCategory category) {
            return category == PatronCategory.STUDENT;
        }

        private static String id(ClassId classId) {
            return classId == null ? null : classId.value();
        }
    }
}
