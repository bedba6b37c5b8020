package vn.motsach.events.school;

import java.util.List;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/**
 * Which authority the school reports to in each school year, in full, oldest stretch first: a
 * change of authority applies from a school year on, so the years before keep the authority they
 * had (their figures counted where they were). Follows the {@link SchoolRegistered} or
 * {@link SchoolDetailsChanged} that named the new authority; a school without this event has
 * reported to the authority those name in every year.
 */
@Revision("1")
public record SchoolSupervisionChanged(SchoolId schoolId, List<Supervision> supervisions) implements SchoolLifecycleEvent {

    public SchoolSupervisionChanged {
        supervisions = List.copyOf(supervisions);
    }

    /** A school that reports to {@code authority} in every year, as its registration or a change of details without this event says. */
    public static SchoolSupervisionChanged always(SchoolId schoolId, AuthorityId authority) {
        return new SchoolSupervisionChanged(schoolId, List.of(new Supervision(null, authority)));
    }

    /** The authority the school reports to in {@code year}; the earliest stretch covers the years before it. */
    public AuthorityId authorityIn(SchoolYear year) {
        return Supervision.authorityIn(supervisions, year);
    }
}
