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
 * in-library use only. {@code intakeId} names the delivery it came in, null when none was named;
 * {@code callNumber} is its ký hiệu xếp giá. Both came later, nullable, without a new revision:
 * events stored before read them as {@code null}.
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
        IntakeId intakeId,
        String callNumber)
        implements CatalogueEvent {

    /** A copy accessioned outside any intake, without a call number. */
    public CopyAccessioned(SchoolId schoolId, Barcode barcode, TitleId titleId, String title, DocType docType,
            LocalDate acquiredOn, String source, BigDecimal price, boolean loanable) {
        this(schoolId, barcode, titleId, title, docType, acquiredOn, source, price, loanable, null, null);
    }
}
