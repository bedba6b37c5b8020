package vn.motsach.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;

/** Events of one school as the tests need them, with fixed ids derived from readable names. */
public final class Events {

    public static final SchoolId SCHOOL = SchoolId.of("thcs-an-vinh");
    public static final Instant MONDAY = Instant.parse("2026-09-07T01:00:00Z");
    public static final ClassId CLASS_6A1 = ClassId.of("6a1-2026");

    private Events() {
    }

    public static TrackingToken at(long position) {
        return GapAwareTrackingToken.newInstance(position, List.of());
    }

    public static TitleId titleId(String name) {
        return TitleId.of(UUID.nameUUIDFromBytes(("title:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static LoanId loanId(String name) {
        return LoanId.of(UUID.nameUUIDFromBytes(("loan:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static HoldId holdId(String name) {
        return HoldId.of(UUID.nameUUIDFromBytes(("hold:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static TitleCatalogued title(String title, List<String> authors, List<String> subjects, DocType docType, String isbn) {
        return new TitleCatalogued(SCHOOL, titleId(title), title, authors, isbn, "NXB Kim Đồng", 2020, "895.9223", subjects,
                docType, "vie");
    }

    public static CopyAccessioned copy(String barcode, String title) {
        return new CopyAccessioned(SCHOOL, Barcode.of(barcode), titleId(title), title, DocType.CHILDREN,
                LocalDate.of(2026, 8, 20), "Mua", new BigDecimal("45000"), true);
    }

    public static CopyCheckedOut checkout(String loan, String barcode, String title, String patron, LocalDate dueOn) {
        return new CopyCheckedOut(SCHOOL, loanId(loan), Barcode.of(barcode), titleId(title), title, DocType.CHILDREN,
                PatronId.of(patron), PatronCategory.STUDENT, CLASS_6A1, MONDAY, dueOn, null);
    }

    public static CopyReturned returned(String loan, String barcode, String title, String patron, Routing routing, HoldId hold) {
        return new CopyReturned(SCHOOL, loanId(loan), Barcode.of(barcode), titleId(title), PatronId.of(patron),
                PatronCategory.STUDENT, CLASS_6A1, MONDAY.plusSeconds(86_400), LocalDate.of(2026, 9, 21), 0, routing, hold);
    }

    public static HoldPlaced holdPlaced(String hold, String title, String patron, int position) {
        return new HoldPlaced(SCHOOL, holdId(hold), titleId(title), PatronId.of(patron), PatronCategory.STUDENT, CLASS_6A1,
                MONDAY, position);
    }

    public static HoldReadyForPickup ready(String hold, String title, String patron, String barcode) {
        return new HoldReadyForPickup(SCHOOL, holdId(hold), titleId(title), PatronId.of(patron), Barcode.of(barcode), MONDAY,
                LocalDate.of(2026, 9, 10));
    }
}
