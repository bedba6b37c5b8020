package vn.motsach.events.patron;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.motsach.events.CarriesPersonalData;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/**
 * A patron's name or category changed (the class changes by a class move).
 *
 * @param fullName in the event store; absent from the events topic (see {@link CarriesPersonalData})
 */
@Revision("1")
public record PatronDetailsChanged(
        SchoolId schoolId,
        PatronId patronId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String fullName,
        PatronCategory category)
        implements PatronEvent, CarriesPersonalData {

    @Override
    public PatronDetailsChanged withoutPersonalData() {
        return new PatronDetailsChanged(schoolId, patronId, null, category);
    }
}
