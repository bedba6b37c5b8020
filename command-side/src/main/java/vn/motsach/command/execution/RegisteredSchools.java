package vn.motsach.command.execution;

import vn.motsach.events.SchoolId;

/**
 * What the executor asks before it runs a {@link SchoolCommand}: whether the school is
 * registered. The school feature answers it from its lookup table.
 */
@FunctionalInterface
public interface RegisteredSchools {

    boolean isRegistered(SchoolId school);
}
