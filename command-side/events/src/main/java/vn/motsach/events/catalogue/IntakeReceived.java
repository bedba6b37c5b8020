package vn.motsach.events.catalogue;

import java.time.LocalDate;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.IntakeId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/**
 * A delivery of books was received (đợt nhập sách), under the document that came with it (the
 * invoice or the donation record); its copies name it when they are accessioned.
 */
@Revision("1")
public record IntakeReceived(
        SchoolId schoolId,
        IntakeId intakeId,
        LocalDate receivedOn,
        AcquisitionSource source,
        String documentNo,
        String note)
        implements CatalogueEvent {
}
