package vn.motsach.events.school;

import java.util.List;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolYear;

/**
 * One stretch of a school's supervision: from {@code fromSchoolYear} on (absent: since before any
 * year named), until the next stretch begins, the school reports to {@code authorityId} (absent:
 * to no authority here).
 */
public record Supervision(SchoolYear fromSchoolYear, AuthorityId authorityId) {

    /**
     * The authority of {@code year} in stretches ordered oldest first: the last one begun by then,
     * or the first one for a year before them all (the school's first known authority).
     */
    static AuthorityId authorityIn(List<Supervision> supervisions, SchoolYear year) {
        AuthorityId found = supervisions.isEmpty() ? null : supervisions.get(0).authorityId();
        for (Supervision supervision : supervisions) {
            if (supervision.fromSchoolYear() == null || supervision.fromSchoolYear().value().compareTo(year.value()) <= 0) {
                found = supervision.authorityId();
            }
        }
        return found;
    }
}
