package vn.motsach.events.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A copy was registered under its số đăng ký cá biệt (the barcode). Not loanable copies are for
 * in-library use only. {@code callNumber} (ký hiệu xếp giá) came later: events stored before it
 * read it as {@code null}.
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
        String callNumber)
        implements CatalogueEvent {

    /** A copy without a call number. */
    public CopyAccessioned(SchoolId schoolId, Barcode barcode, TitleId titleId, String title, DocType docType,
            LocalDate acquiredOn, String source, BigDecimal price, boolean loanable) {
        this(schoolId, barcode, titleId, title, docType, acquiredOn, source, price, loanable, null);
    }
}
