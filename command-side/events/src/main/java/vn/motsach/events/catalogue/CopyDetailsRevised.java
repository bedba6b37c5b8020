package vn.motsach.events.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A copy's details were corrected: the whole of what {@link CopyAccessioned} said of the copy
 * itself (its acquisition date, source, price, whether it may be lent, its call number) as it is
 * now. Its barcode, title and intake stay as accessioned.
 */
@Revision("1")
public record CopyDetailsRevised(
        SchoolId schoolId,
        Barcode barcode,
        TitleId titleId,
        LocalDate acquiredOn,
        String source,
        BigDecimal price,
        boolean loanable,
        String callNumber)
        implements CatalogueEvent {
}
