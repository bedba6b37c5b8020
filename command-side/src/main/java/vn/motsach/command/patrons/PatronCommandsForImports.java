package vn.motsach.command.patrons;

import java.time.LocalDate;
import vn.motsach.command.patrons.PatronCommands.RegisterPatron;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/**
 * The roster's commands as an import sends them: the very commands of {@code PUT patrons} and
 * {@code PUT classes}, so an imported row stores the same events as the single requests.
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

    /** The aggregate a patron's events are stored under, to find the position of the last one. */
    public static String patronStream(SchoolId school, PatronId patron) {
        return Patron.aggregateId(school, patron);
    }

    public static String classStream(SchoolId school, ClassId classId) {
        return SchoolClass.aggregateId(school, classId);
    }
}
