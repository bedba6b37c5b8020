package vn.motsach.query.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The library's yearly statistics (TT 18/2014 Art 13) as the events know them: the collection at
 * the year's end by document type, language and classification; the loans of the year, taken home
 * or read in the library; the readers registered, the new ones, and their visits.
 */
record StatisticsView(String schoolId, String schoolName, String schoolYear, LocalDate startsOn, LocalDate endsOn,
        LocalDate madeOn, Holdings holdings, Loans loans, Readers readers) {

    /** Titles and copies in the collection (neither withdrawn nor lost) on the year's last day. */
    record Holdings(long titles, long copies, List<Group> byDocType, List<Group> byLanguage, List<Group> byClassification) {
    }

    /** A group of the collection: its code ({@code null} where the catalogue has none), its name, its titles and copies. */
    record Group(String code, String name, long titles, long copies) {
    }

    /**
     * Loans of the year: {@code outOfLibrary} copies lent to take home (by the borrower's category),
     * {@code inLibrary} reading sessions recorded in the library.
     */
    record Loans(long outOfLibrary, long toStudents, long toTeachers, long toStaff, long inLibrary) {
    }

    /**
     * Readers: {@code registered} those the library had in the year, {@code newReaders} those
     * registered in it; {@code visits} the reading sessions in the library and the attendances
     * of library periods, the visits the events record.
     */
    record Readers(long registered, long students, long teachers, long staff, long newReaders, long visits,
            long readingSessionsInLibrary, long libraryPeriodAttendances) {
    }
}
