package vn.motsach.command.patrons;

import java.time.LocalDate;
import java.util.Optional;
import vn.motsach.events.ClassId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;

/** Which classes a school has: a patron can only be put in one of them. */
public interface ClassRegister {

    boolean classExists(SchoolId school, ClassId classId);

    /** The day the class was closed, if it was. */
    Optional<LocalDate> closedOn(SchoolId school, ClassId classId);

    /** A closed class takes no new member and no new library period from its closing day on: the one rule. */
    default void refuseWhenClosedOn(SchoolId school, ClassId classId, LocalDate day) {
        closedOn(school, classId).filter(closed -> !day.isBefore(closed)).ifPresent(closed -> {
            throw new Refused(RefusalCode.CLASS_CLOSED, classId.value(), closed);
        });
    }
}
