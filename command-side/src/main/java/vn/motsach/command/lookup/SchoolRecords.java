package vn.motsach.command.lookup;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * What reading-culture decisions look up about a school: its calendar, classes, rosters and
 * catalogue. Aggregates receive it as a handler parameter, so they stay free of JDBC and Spring.
 */
public interface SchoolRecords extends ClassRegister {

    /** The label of the school year whose dates contain {@code day}. */
    Optional<String> schoolYearOn(SchoolId school, LocalDate day);

    Optional<String> schoolYearOfClass(SchoolId school, ClassId classId);

    Optional<Member> memberOn(SchoolId school, PatronId patron, LocalDate day);

    Set<PatronId> studentsOfClassOn(SchoolId school, ClassId classId, LocalDate day);

    boolean titleExists(SchoolId school, TitleId title);

    /** A patron as the school knew them on a day. */
    record Member(PatronId patronId, PatronCategory category, boolean active, ClassId classId) {
    }
}
