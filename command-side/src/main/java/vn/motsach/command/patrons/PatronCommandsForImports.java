package vn.motsach.command.patrons;

import java.time.LocalDate;
import vn.motsach.command.patrons.PatronCommands.MovePatronToClass;
import vn.motsach.command.patrons.PatronCommands.RecordDeparture;
import vn.motsach.command.patrons.PatronCommands.RegisterPatron;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/**
 * The roster's commands as an import or a rollover sends them: the very commands of {@code PUT
 * patrons}, {@code PUT classes}, class moves and departures, so they store the same events as the
 * single requests.
 */
public final class PatronCommandsForImports {

    private PatronCommandsForImports() {
    }

    public static Object registerPatron(SchoolId school, PatronId patron, String fullName, PatronCategory category,
            ClassId classId, LocalDate today) {
        return new RegisterPatron(school, patron, fullName, category, classId, today);
    }

    public static Object setUpClass(SchoolId school, ClassId classId, String name, int grade, SchoolYear schoolYear,
            PatronId homeroomTeacherId) {
        return new SetUpClass(school, classId, name, grade, schoolYear, homeroomTeacherId);
    }

    /** Answers whether the patron moved (false: already in that class from that day). */
    public static Object moveToClass(SchoolId school, PatronId patron, ClassId toClassId, LocalDate effectiveOn) {
        return new MovePatronToClass(school, patron, toClassId, effectiveOn);
    }

    /** Answers whether the patron left (false: they had left already). */
    public static Object recordDeparture(SchoolId school, PatronId patron, DepartureReason reason, LocalDate leftOn) {
        return new RecordDeparture(school, patron, reason, leftOn);
    }

    /** Answers the day the class is closed from: {@code closedOn}, or the day it was closed before. */
    public static Object closeClass(SchoolId school, ClassId classId, LocalDate closedOn) {
        return new CloseClass(school, classId, closedOn);
    }

    /** The aggregate a patron's events are stored under, to find the position of the last one. */
    public static String patronStream(SchoolId school, PatronId patron) {
        return Patron.aggregateId(school, patron);
    }

    public static String classStream(SchoolId school, ClassId classId) {
        return SchoolClass.aggregateId(school, classId);
    }
}
