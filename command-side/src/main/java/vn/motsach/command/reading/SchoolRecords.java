package vn.motsach.command.reading;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import vn.motsach.command.patrons.PatronLookups.Member;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * What reading-culture decisions look up about a school: its calendar, rosters and catalogue
 * (whether a class exists or is closed they ask the patrons' {@code ClassRegister}). Aggregates
 * receive it as a handler parameter, so they stay free of JDBC and Spring.
 */
interface SchoolRecords {

    /** The label of the school year whose dates contain {@code day}. */
    Optional<String> schoolYearOn(SchoolId school, LocalDate day);

    Optional<String> schoolYearOfClass(SchoolId school, ClassId classId);

    Optional<Member> memberOn(SchoolId school, PatronId patron, LocalDate day);

    Set<PatronId> studentsOfClassOn(SchoolId school, ClassId classId, LocalDate day);

    boolean titleExists(SchoolId school, TitleId title);
}
