package vn.motsach.events.school;

import java.util.List;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/**
 * The school's name, levels or supervising authority changed (for example after the 2025
 * reform moved it from a district office to a commune's office). Carries the whole new state.
 */
@Revision("1")
public record SchoolDetailsChanged(SchoolId schoolId, String name, List<EducationLevel> educationLevels, AuthorityId authorityId)
        implements SchoolLifecycleEvent {

    public SchoolDetailsChanged {
        educationLevels = List.copyOf(educationLevels);
    }
}
