package vn.motsach.command.execution;

import vn.motsach.events.SchoolId;

/**
 * A command about something a school owns. The school must be registered first; the executor
 * refuses such a command with {@code SCHOOL_NOT_FOUND} otherwise, in one place for every command.
 */
public interface SchoolCommand {

    SchoolId schoolId();

    /** Only registering the school itself needs no registered school. */
    default boolean needsRegisteredSchool() {
        return true;
    }
}
