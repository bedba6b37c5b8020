package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;

/**
 * What the Circular 16 evaluation of one school and school year is judged from, as the
 * projections hold it now: the year's dates and the day it is judged on ({@code asOf}, today
 * within the year), enrolment on that day, the copies of the library, and what happened in the year.
 */
record SchoolFacts(
        String schoolId,
        String name,
        List<EducationLevel> educationLevels,
        String schoolYear,
        LocalDate startsOn,
        LocalDate endsOn,
        LocalDate asOf,
        Map<EducationLevel, Integer> studentsByLevel,
        int teachers,
        Map<DocType, Copies> copiesByType,
        int copiesRegistered,
        int intakes,
        int titles,
        int loansInYear,
        int libraryPeriods,
        int readingEvents,
        List<Stocktake> stocktakes,
        LocalDate lastWeeding,
        Profile profile,
        Thresholds thresholds,
        Interop interop) {

    SchoolFacts {
        interop = interop == null ? Interop.NONE : interop;
        educationLevels = List.copyOf(educationLevels);
        studentsByLevel = Map.copyOf(studentsByLevel);
        copiesByType = Map.copyOf(copiesByType);
        stocktakes = List.copyOf(stocktakes);
    }

    /** Facts without liên thông activity. */
    SchoolFacts(String schoolId, String name, List<EducationLevel> educationLevels, String schoolYear, LocalDate startsOn,
            LocalDate endsOn, LocalDate asOf, Map<EducationLevel, Integer> studentsByLevel, int teachers,
            Map<DocType, Copies> copiesByType, int copiesRegistered, int intakes, int titles, int loansInYear, int libraryPeriods,
            int readingEvents, List<Stocktake> stocktakes, LocalDate lastWeeding, Profile profile, Thresholds thresholds) {
        this(schoolId, name, educationLevels, schoolYear, startsOn, endsOn, asOf, studentsByLevel, teachers, copiesByType,
                copiesRegistered, intakes, titles, loansInYear, libraryPeriods, readingEvents, stocktakes, lastWeeding, profile,
                thresholds, Interop.NONE);
    }

    /**
     * Liên thông activity in the year by the day judged (Circular 16, activity group 5): inter-library
     * loans fulfilled (the copy received at the borrowing library) with the school on either side,
     * and rotations the school sent or received.
     */
    record Interop(int interlibraryLoansFulfilled, int rotationsSent, int rotationsReceived) {

        static final Interop NONE = new Interop(0, 0, 0);

        /** Each loan fulfilled and each rotation counts as one activity. */
        int activities() {
            return interlibraryLoansFulfilled + rotationsSent + rotationsReceived;
        }
    }

    /** Copies of one document type in circulation (not withdrawn or lost), and how many of them are classified. */
    record Copies(int inCirculation, int classified) {
    }

    record Stocktake(String name, LocalDate startedOn, boolean closed) {
    }

    /** What the school declared; {@code null} in {@link SchoolFacts} when it declared nothing for the year. */
    record Profile(BigDecimal readingRoomM2, int seats, Map<String, Declared> criteria) {

        Profile {
            criteria = Map.copyOf(criteria);
        }
    }

    record Declared(boolean met, List<String> evidence) {

        Declared {
            evidence = List.copyOf(evidence);
        }
    }

    int students() {
        return studentsByLevel.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Copies in circulation of the document types that count. */
    Copies countedCopies() {
        int inCirculation = 0;
        int classified = 0;
        for (Map.Entry<DocType, Copies> entry : copiesByType.entrySet()) {
            if (thresholds.countedDocTypes().contains(entry.getKey())) {
                inCirculation += entry.getValue().inCirculation();
                classified += entry.getValue().classified();
            }
        }
        return new Copies(inCirculation, classified);
    }
}
