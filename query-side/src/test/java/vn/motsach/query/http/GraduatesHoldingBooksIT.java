package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.DocType;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * The graduating grades' students who still hold books, as the rollover page lists them before
 * the rollover and after it: only those with an open loan, none once the book is back, and
 * another school's librarian kept out as from the other lists.
 */
class GraduatesHoldingBooksIT extends RunningQuerySide {

    private static final SchoolYear YEAR = SchoolYear.of("2026-2027");

    @Test
    void listsTheGraduatesWhoStillHoldBooksUntilTheyReturnThem() {
        ClassId ninth = ClassId.of("9a1");
        ClassId eighth = ClassId.of("8a1");
        TitleId deMen = TitleId.of(UUID.randomUUID());
        LoanId loan = LoanId.of(UUID.randomUUID());
        Instant borrowedAt = clock.instant().minusSeconds(3600);
        feed.append(new ClassOpened(school, ninth, "9A1", 9, YEAR, null), new ClassOpened(school, eighth, "8A1", 8, YEAR, null),
                student("hs-001", "Nguyễn Văn An", ninth), student("hs-002", "Trần Thị Bình", ninth),
                student("hs-003", "Lê Văn Cường", eighth),
                new TitleCatalogued(school, deMen, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), null, null, null, null, List.of(),
                        DocType.CHILDREN, "vie"),
                copy("TN-001", deMen), copy("TN-002", deMen),
                checkOut(loan, "TN-001", deMen, "hs-001", ninth, borrowedAt),
                // an eighth-grader's loan: not a graduate's
                checkOut(LoanId.of(UUID.randomUUID()), "TN-002", deMen, "hs-003", eighth, borrowedAt));
        long before = feed.append(new PatronRegistered(school, PatronId.of("gv-01"), "Đỗ Thu Hà", PatronCategory.TEACHER, null));

        JsonNode listed = get(before, "?grades=9");
        assertThat(listed.path("students").asInt()).isEqualTo(1);
        JsonNode an = listed.path("items").get(0);
        assertThat(texts(listed, "patronId")).containsExactly("hs-001");
        assertThat(an.path("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(an.path("classId").asString()).isEqualTo("9a1");
        assertThat(an.path("className").asString()).isEqualTo("9A1");
        JsonNode held = an.path("loans").get(0);
        assertThat(held.path("barcode").asString()).isEqualTo("TN-001");
        assertThat(held.path("title").asString()).isEqualTo("Dế Mèn phiêu lưu ký");
        assertThat(held.path("dueOn").asString()).isEqualTo(today.plusDays(14).toString());

        // none has graduated yet: asked without grades (as after the rollover) the list is empty
        assertThat(get(before, "").path("items")).isEmpty();

        // the rollover graduates them (and an eighth-grader moves school): still listed, their loan open
        long graduated = feed.append(new PatronLeft(school, PatronId.of("hs-001"), DepartureReason.GRADUATED, today),
                new PatronLeft(school, PatronId.of("hs-002"), DepartureReason.GRADUATED, today),
                new PatronLeft(school, PatronId.of("hs-003"), DepartureReason.TRANSFERRED, today));
        assertThat(texts(get(graduated, "?grades=9"), "patronId")).containsExactly("hs-001");
        assertThat(texts(get(graduated, ""), "patronId")).containsExactly("hs-001");
        assertThat(texts(get(graduated, "?grades=8,9"), "patronId")).containsExactly("hs-001");

        long returned = feed.append(new CopyReturned(school, loan, Barcode.of("TN-001"), deMen, PatronId.of("hs-001"),
                PatronCategory.STUDENT, ninth, clock.instant(), today.plusDays(14), 0, Routing.SHELF, null));
        JsonNode after = get(returned, "?grades=9");
        assertThat(after.path("students").asInt()).isZero();
        assertThat(after.path("items")).isEmpty();
        assertThat(get(returned, "").path("items")).isEmpty();
    }

    @Test
    void countsAGraduateByTheirClassOfTheYearThoughAlreadyPutInAClassOfTheNext() {
        ClassId ninth = ClassId.of("9b1");
        ClassId tenthNextYear = ClassId.of("10b1");
        TitleId title = TitleId.of(UUID.randomUUID());
        feed.append(new ClassOpened(school, ninth, "9B1", 9, YEAR, null),
                new ClassOpened(school, tenthNextYear, "10B1", 10, SchoolYear.of("2027-2028"), null),
                student("hs-101", "Phạm Minh Châu", ninth),
                new TitleCatalogued(school, title, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), null, null, null, null, List.of(),
                        DocType.CHILDREN, "vie"),
                copy("TN-101", title),
                checkOut(LoanId.of(UUID.randomUUID()), "TN-101", title, "hs-101", ninth, clock.instant().minusSeconds(3600)));
        // next year's roster imported early: the graduating student already has a class of the next year
        long early = feed.append(new PatronMovedToClass(school, PatronId.of("hs-101"), ninth, tenthNextYear,
                LocalDate.of(2027, 9, 6)));

        JsonNode listed = get(early, "?grades=9");
        assertThat(texts(listed, "patronId")).containsExactly("hs-101");
        assertThat(listed.path("items").get(0).path("classId").asString()).isEqualTo("9b1");

        long graduated = feed.append(new PatronLeft(school, PatronId.of("hs-101"), DepartureReason.GRADUATED, today));
        assertThat(texts(get(graduated, ""), "patronId")).containsExactly("hs-101");
    }

    @Test
    void keepsAnotherSchoolsLibrarianAndTeachersOutAndRefusesGradesThatAreNone() {
        ApiClient otherLibrarian = api.as(TestTokens.ofSchool("thu-thu-khac", "LIBRARIAN", "th-other"));
        // as from the school's other lists of loans: another school's account learns nothing of this one
        assertThat(problem(otherLibrarian.get(base + "/school-years/2026-2027/graduates/open-loans?grades=9")))
                .isEqualTo(problem(otherLibrarian.get(base + "/loans")))
                .startsWith("404");
        ApiClient teacher = api.as(TestTokens.ofSchool("co-lan", "TEACHER", school.value(), "9a1"));
        assertThat(teacher.get(base + "/school-years/2026-2027/graduates/open-loans?grades=9").status()).isEqualTo(403);
        assertThat(problem(api.get(base + "/school-years/2026-2027/graduates/open-loans?grades=chin"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/school-years/2026-2027/graduates/open-loans?grades=13"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(api.get(base + "/school-years/nam-nay/graduates/open-loans?grades=9"))).isEqualTo("400 VALIDATION_FAILED");
    }

    /** The list as the school's librarian reads it, {@code grades} the query string ("?grades=9", or "" for the year's graduated). */
    private JsonNode get(long position, String grades) {
        ApiClient.Answer answer = api.as(TestTokens.ofSchool("thu-thu", "LIBRARIAN", school.value()))
                .get(base + "/school-years/" + YEAR.value() + "/graduates/open-loans" + grades, "X-Min-Event-Position",
                        Long.toString(position));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private PatronRegistered student(String id, String name, ClassId classId) {
        return new PatronRegistered(school, PatronId.of(id), name, PatronCategory.STUDENT, classId);
    }

    private CopyAccessioned copy(String barcode, TitleId title) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, "Dế Mèn phiêu lưu ký", DocType.CHILDREN, LocalDate.of(2026, 8, 20),
                "Mua", new BigDecimal("45000"), true);
    }

    private CopyCheckedOut checkOut(LoanId loan, String barcode, TitleId title, String patron, ClassId classId, Instant at) {
        return new CopyCheckedOut(school, loan, Barcode.of(barcode), title, "Dế Mèn phiêu lưu ký", DocType.CHILDREN,
                PatronId.of(patron), PatronCategory.STUDENT, classId, at, today.plusDays(14), null);
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.path("items").forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    private static String problem(ApiClient.Answer answer) {
        return answer.status() + " " + answer.text("code");
    }
}
