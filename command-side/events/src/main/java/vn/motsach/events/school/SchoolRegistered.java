package vn.motsach.events.school;

import java.util.List;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A school joined Mọt Sách. {@code authorityId} is absent for a school no authority supervises here. */
@Revision("1")
public record SchoolRegistered(SchoolId schoolId, String name, List<EducationLevel> educationLevels, AuthorityId authorityId)
        implements SchoolLifecycleEvent {

    public SchoolRegistered {
        educationLevels = List.copyOf(educationLevels);
    }
}
