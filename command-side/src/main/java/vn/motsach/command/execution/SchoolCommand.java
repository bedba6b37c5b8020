package vn.motsach.command.execution;

import vn.motsach.events.SchoolId;

/**
 * A command about something a school owns, answered by its handler with a {@code R}: the
 * executor hands that result back typed, so no caller casts it. A handler that answers nothing
 * is a {@code SchoolCommand<Void>}; one that creates an aggregate with its constructor answers
 * the new aggregate's id, a {@code String}. The school must be registered first; the executor
 * refuses such a command with {@code SCHOOL_NOT_FOUND} otherwise, in one place for every command.
 *
 * @param <R> what the command's handler returns
 */
public interface SchoolCommand<R> extends Command<R> {

    SchoolId schoolId();

    /** Only registering the school itself needs no registered school. */
    default boolean needsRegisteredSchool() {
        return true;
    }
}
