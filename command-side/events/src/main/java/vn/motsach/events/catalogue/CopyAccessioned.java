package vn.motsach.events.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.IntakeId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A copy was registered under its số đăng ký cá biệt (the barcode). Not loanable copies are for
 * in-library use only. {@code intakeId} names the delivery it came in, null when none was named
 * (and in the events stored before intakes existed: the field was added, nullable, without a new revision).
 */
@Revision("1")
public record CopyAccessioned(
        SchoolId schoolId,
        Barcode barcode,
        TitleId titleId,
        String title,
        DocType docType,
        LocalDate acquiredOn,
        String source,
        BigDecimal price,
        boolean loanable,
        IntakeId intakeId)
        implements CatalogueEvent {

    /** A copy accessioned outside any intake. */
    public CopyAccessioned(SchoolId schoolId, Barcode barcode, TitleId titleId, String title, DocType docType,
            LocalDate acquiredOn, String source, BigDecimal price, boolean loanable) {
        this(schoolId, barcode, titleId, title, docType, acquiredOn, source, price, loanable, null);
    }
}
