package vn.motsach.events.patron;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.motsach.events.CarriesPersonalData;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/**
 * A student, teacher or staff member became a patron; a student usually with a class.
 *
 * @param fullName in the event store; absent from the events topic (see {@link CarriesPersonalData})
 */
@Revision("1")
public record PatronRegistered(
        SchoolId schoolId,
        PatronId patronId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String fullName,
        PatronCategory category,
        ClassId classId)
        implements PatronEvent, CarriesPersonalData {

    @Override
    public PatronRegistered withoutPersonalData() {
        return new PatronRegistered(schoolId, patronId, null, category, classId);
    }
}
