package vn.motsach.command.lookup;

import vn.motsach.events.ClassId;
import vn.motsach.events.SchoolId;

/** Which classes a school has: a patron can only be put in one of them. */
public interface ClassRegister {

    boolean classExists(SchoolId school, ClassId classId);
}
