package vn.motsach.query.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;

/**
 * The semester activity report a school librarian writes, as the events know it: the collection
 * at the semester's end and what came in during it, the loans by class and by document type, the
 * active readers, the library periods of each class, the reading events, and the reading targets
 * with their progress.
 */
record SemesterReportView(String schoolId, String schoolName, String schoolYear, int semester, LocalDate startsOn,
        LocalDate endsOn, LocalDate madeOn, Holdings holdings, Intake intake, Loans loans, Readers readers,
        LibraryPeriods libraryPeriods, ReadingEvents readingEvents, List<TargetLine> targets) {

    /** Titles, copies and their value in the collection (neither withdrawn nor lost) on the semester's last day. */
    record Holdings(long titles, long copies, BigDecimal value, List<TypeHoldings> byDocType) {
    }

    record TypeHoldings(String docType, String name, long titles, long copies, BigDecimal value) {
    }

    /** What came in during the semester: the intakes received, the copies entered in the register and their value. */
    record Intake(long intakes, long copies, BigDecimal value, List<TypeHoldings> byDocType) {
    }

    /**
     * The copies lent in the semester, by the borrower's class when borrowing ({@code classId}
     * null: teachers, staff and students in no class) and by document type. A copy borrowed
     * from a partner library is counted at the school that lent it to its reader.
     */
    record Loans(long total, List<ClassCount> byClass, List<TypeCount> byDocType) {
    }

    record ClassCount(@Nullable String classId, String name, long loans) {
    }

    record TypeCount(@Nullable String docType, String name, long loans) {
    }

    /**
     * The school's students in the semester and their reading, whole and by class: {@code
     * borrowers} borrowed at least one copy, {@code activeReaders} did any reading the events
     * record (a loan, a reading session, a library period attended, a reading event joined), as
     * the reading metrics count them; each with its share of the students.
     */
    record Readers(long students, long borrowers, BigDecimal borrowerRate, long activeReaders, BigDecimal activeReaderRate,
            List<ClassReaders> byClass) {
    }

    record ClassReaders(String classId, String name, long students, long borrowers, BigDecimal borrowerRate,
            long activeReaders, BigDecimal activeReaderRate) {
    }

    /** Library periods held in the semester, with their attendances out of the students enrolled in the class that day. */
    record LibraryPeriods(long held, long attendances, long seats, List<ClassPeriods> byClass) {
    }

    record ClassPeriods(String classId, String name, long held, long attendances, long seats, BigDecimal attendanceRate) {
    }

    /** Reading events begun in the semester, each with the patrons who took part. */
    record ReadingEvents(long held, long participants, List<EventLine> events) {
    }

    record EventLine(UUID eventId, String name, String kind, LocalDate startsOn, LocalDate endsOn, int classes,
            long participants) {
    }

    /**
     * A reading target of the semester or of the school year with its value over the period up
     * to the semester's end ({@code from}..{@code to}), its progress ({@code value ÷ threshold})
     * and its status: {@code MET}, {@code NOT_MET} once the period is over, else {@code IN_PROGRESS}.
     */
    record TargetLine(String targetId, TargetMetric metric, TargetScope scope, @Nullable String scopeId, MetricPeriod period,
            LocalDate from, LocalDate to, BigDecimal value, BigDecimal threshold, BigDecimal progress, TargetStatus status) {
    }

    enum TargetStatus {
        MET,
        NOT_MET,
        IN_PROGRESS
    }
}
