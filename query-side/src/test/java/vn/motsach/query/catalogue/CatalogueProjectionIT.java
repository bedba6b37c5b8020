package vn.motsach.query.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.query.Events.MONDAY;
import static vn.motsach.query.Events.SCHOOL;
import static vn.motsach.query.Events.at;
import static vn.motsach.query.Events.checkout;
import static vn.motsach.query.Events.copy;
import static vn.motsach.query.Events.holdId;
import static vn.motsach.query.Events.ready;
import static vn.motsach.query.Events.returned;
import static vn.motsach.query.Events.title;
import static vn.motsach.query.Events.titleId;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.Events;
import vn.motsach.query.ProjectionsUnderTest;
import vn.motsach.query.copies.CopyState;
import vn.motsach.testing.ProjectionDatabase;

/** The catalogue on the real PostgreSQL: Vietnamese search, ranking, counts, and events applied twice. */
class CatalogueProjectionIT {

    private static final String DE_MEN = "Dế Mèn phiêu lưu ký";
    private static final String DAT_RUNG = "Đất rừng phương Nam";
    private static final String TAM_LONG = "Những tấm lòng cao cả";
    private static final String HOA_VANG = "Tôi thấy hoa vàng trên cỏ xanh";
    private static final String DUONG = "Đường về nhà";

    private static JdbcClient jdbc;
    private static ProjectionsUnderTest projections;
    private CatalogueSearch search;
    private long position;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
        // a copy is on loan while its loan is open, which the loans projection keeps
        projections = ProjectionsUnderTest.of(jdbc, CatalogueProjection.NAME, "loans");
    }

    @BeforeEach
    void setUp() {
        search = new CatalogueSearch(jdbc);
        projections.reset();
        position = 100;
    }

    @Test
    void findsVietnameseTitlesWithoutDiacriticsOrCase() {
        catalogueTheClassics();

        assertThat(titlesFound("de men")).containsExactly(DE_MEN);
        assertThat(titlesFound("DE MEN PHIEU LUU")).containsExactly(DE_MEN);
        assertThat(titlesFound("Dế Mèn")).containsExactly(DE_MEN);
        assertThat(titlesFound("dat rung")).containsExactly(DAT_RUNG);
        assertThat(titlesFound("đất rừng phương nam")).containsExactly(DAT_RUNG);
        assertThat(titlesFound("nhung tam long")).containsExactly(TAM_LONG);
        assertThat(titlesFound("hoa vang co xanh")).containsExactly(HOA_VANG);
        assertThat(titlesFound("to hoai")).containsExactly(DE_MEN);
        assertThat(titlesFound("nguyen nhat anh")).containsExactly(HOA_VANG);
        assertThat(titlesFound("khong co cuon nay")).isEmpty();
    }

    @Test
    void foldsTheCrossedD() {
        catalogueTheClassics();

        assertThat(titlesFound("duong")).containsExactly(DUONG);
        assertThat(titlesFound("ĐƯỜNG")).containsExactly(DUONG);
        assertThat(titlesFound("doan gioi")).containsExactly(DAT_RUNG);
    }

    @Test
    void aTitleMatchRanksAboveASubjectMatch() {
        apply(title("Sổ tay học tập", List.of("Nhiều tác giả"), List.of("Hoa vàng"), DocType.REFERENCE, null));
        catalogueTheClassics();
        apply(title("Cỏ dại", List.of("Hoa Vàng"), List.of("Thơ"), DocType.GENERAL, null));

        assertThat(titlesFound("hoa vang")).containsExactly(HOA_VANG, "Cỏ dại", "Sổ tay học tập");
    }

    @Test
    void findsByIsbnWithOrWithoutHyphensAndByBarcode() {
        catalogueTheClassics();
        apply(copy("TN-0042", DAT_RUNG));

        assertThat(titlesFound("978-604-2-08810-6")).containsExactly(DE_MEN);
        assertThat(titlesFound("9786042088106")).containsExactly(DE_MEN);
        assertThat(titlesFound("TN-0042")).containsExactly(DAT_RUNG);
        assertThat(titlesFound("tn-0042")).containsExactly(DAT_RUNG);
        assertThat(search.search(SCHOOL.value(), "TN-0042", null, new Paging(0, 20)).totalItems()).isEqualTo(1);
    }

    @Test
    void aBarcodeFindsItsOwnCopysTitleOnly() {
        catalogueTheClassics();
        apply(copy("TK-12-0", DE_MEN));
        apply(copy("TK-120", DAT_RUNG));
        apply(copy("TK-1-20", TAM_LONG));

        assertThat(titlesFound("TK-12-0")).containsExactly(DE_MEN);
        assertThat(titlesFound(" tk-120 ")).containsExactly(DAT_RUNG);
        assertThat(titlesFound("tk-1-20")).containsExactly(TAM_LONG);
        // a barcode is matched whole: a part of one is no accession number
        assertThat(titlesFound("TK-12")).isEmpty();
    }

    @Test
    void aWithdrawnCopysBarcodeNoLongerFindsItsTitle() {
        catalogueTheClassics();
        apply(copy("TN-0042", DAT_RUNG));
        apply(copy("TN-0043", DAT_RUNG));
        apply(new CopyWithdrawn(SCHOOL, Barcode.of("TN-0043"), titleId(DAT_RUNG), "Mất", LocalDate.of(2026, 9, 8)));

        assertThat(titlesFound("TN-0042")).containsExactly(DAT_RUNG);
        assertThat(titlesFound("TN-0043")).isEmpty();
    }

    @Test
    void filtersByDocTypeAndPages() {
        catalogueTheClassics();

        Page<TitleView> children = search.search(SCHOOL.value(), null, DocType.CHILDREN, new Paging(0, 2));
        Page<TitleView> secondPage = search.search(SCHOOL.value(), null, DocType.CHILDREN, new Paging(1, 2));
        Page<TitleView> reference = search.search(SCHOOL.value(), "tam long", DocType.REFERENCE, new Paging(0, 20));

        assertThat(children.totalItems()).isEqualTo(3);
        assertThat(children.items()).extracting(TitleView::title).containsExactly(DAT_RUNG, DE_MEN);
        assertThat(secondPage.items()).extracting(TitleView::title).containsExactly(HOA_VANG);
        assertThat(reference.totalItems()).isZero();
        assertThat(reference.items()).isEmpty();
    }

    @Test
    void countsCopiesOnTheShelfAsTheyCirculate() {
        catalogueTheClassics();
        apply(copy("TN-001", DE_MEN));
        apply(copy("TN-002", DE_MEN));
        apply(copy("TN-003", DE_MEN));
        assertThat(counts(DE_MEN)).containsExactly(3, 3);

        apply(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)));
        apply(new CopyWithdrawn(SCHOOL, Barcode.of("TN-003"), titleId(DE_MEN), "Rách", LocalDate.of(2026, 9, 8)));
        assertThat(counts(DE_MEN)).containsExactly(1, 2);

        apply(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.HOLD_SHELF, holdId("h1")));
        apply(ready("h1", DE_MEN, "hs-002", "TN-001"));
        assertThat(counts(DE_MEN)).containsExactly(1, 2);
        assertThat(status("TN-001")).isEqualTo("ON_HOLD_SHELF");

        // the next patron's turn follows the expiry at once: the copy stays on the hold shelf
        apply(new HoldExpired(SCHOOL, holdId("h1"), titleId(DE_MEN), PatronId.of("hs-002"), Barcode.of("TN-001"),
                LocalDate.of(2026, 9, 10)));
        apply(ready("h2", DE_MEN, "hs-003", "TN-001"));
        assertThat(status("TN-001")).isEqualTo("ON_HOLD_SHELF");

        // the loan that fulfils the hold may come before the fulfilment: the copy stays on loan
        apply(checkout("l2", "TN-001", DE_MEN, "hs-003", LocalDate.of(2026, 9, 28)));
        apply(new HoldFulfilled(SCHOOL, holdId("h2"), titleId(DE_MEN), PatronId.of("hs-003"), Barcode.of("TN-001"),
                Events.loanId("l2")));
        assertThat(status("TN-001")).isEqualTo("ON_LOAN");
        assertThat(counts(DE_MEN)).containsExactly(1, 2);
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        catalogueTheClassics();
        apply(copy("TN-001", DE_MEN));
        var checkout = checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21));
        long checkedOutAt = ++position;
        projections.apply(checkout, MONDAY, at(checkedOutAt));
        apply(returned("l1", "TN-001", DE_MEN, "hs-001", Routing.SHELF, null));
        List<String> before = rows();

        projections.apply(checkout, MONDAY, at(checkedOutAt));
        projections.apply(copy("TN-001", DE_MEN), MONDAY, at(checkedOutAt - 1));
        projections.apply(title(DE_MEN, List.of("Tô Hoài"), List.of("Văn học thiếu nhi"), DocType.CHILDREN, null), MONDAY, at(101));

        assertThat(rows()).isEqualTo(before);
        assertThat(counts(DE_MEN)).containsExactly(1, 1);
    }

    @Test
    void aCopySeenBeforeItsTitleIsCountedWhenTheTitleArrives() {
        apply(copy("TN-001", DE_MEN));
        apply(title(DE_MEN, List.of("Tô Hoài"), List.of("Văn học thiếu nhi"), DocType.CHILDREN, null));

        assertThat(counts(DE_MEN)).containsExactly(1, 1);
        assertThat(titlesFound("TN-001")).containsExactly(DE_MEN);
    }

    @Test
    void showsATitleWithItsCopies() {
        catalogueTheClassics();
        apply(copy("TN-002", DE_MEN));
        apply(copy("TN-001", DE_MEN));
        apply(checkout("l1", "TN-002", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)));

        TitleDetailView detail = search.title(SCHOOL.value(), titleId(DE_MEN).value()).orElseThrow();

        assertThat(detail.title()).isEqualTo(DE_MEN);
        assertThat(detail.authors()).containsExactly("Tô Hoài");
        assertThat(detail.copies()).extracting(c -> c.barcode() + ":" + c.status())
                .containsExactly("TN-001:AVAILABLE", "TN-002:ON_LOAN");
        assertThat(search.title(SCHOOL.value(), titleId("Không có").value())).isEmpty();
    }

    private void catalogueTheClassics() {
        apply(title(DE_MEN, List.of("Tô Hoài"), List.of("Văn học thiếu nhi", "Truyện dài"), DocType.CHILDREN, "9786042088106"));
        apply(title(DAT_RUNG, List.of("Đoàn Giỏi"), List.of("Văn học thiếu nhi", "Nam Bộ"), DocType.CHILDREN, null));
        apply(title(TAM_LONG, List.of("Edmondo De Amicis"), List.of("Văn học Ý", "Giáo dục"), DocType.GENERAL, null));
        apply(title(HOA_VANG, List.of("Nguyễn Nhật Ánh"), List.of("Tuổi thơ"), DocType.CHILDREN, null));
        apply(title(DUONG, List.of("Phạm Hổ"), List.of("Gia đình"), DocType.GENERAL, null));
    }

    private void apply(Object event) {
        projections.apply(event, MONDAY, at(++position));
    }

    private List<String> titlesFound(String q) {
        return search.search(SCHOOL.value(), q, null, new Paging(0, 20)).items().stream().map(TitleView::title).toList();
    }

    private List<Integer> counts(String title) {
        TitleDetailView detail = search.title(SCHOOL.value(), titleId(title).value()).orElseThrow();
        return List.of(detail.availableCopies(), detail.totalCopies());
    }

    private String status(String barcode) {
        return jdbc.sql("select %s from qs_copy c %s where c.barcode = ?".formatted(CopyState.STATUS, CopyState.OPEN_LOAN))
                .param(barcode).query(String.class).single();
    }

    private static List<String> rows() {
        return jdbc.sql("""
                        select t.title || '|' || t.search_doc || '|' || t.last_position
                        from qs_catalogue_title t
                        union all
                        select c.barcode || '|' || c.status || '|' || c.state_position from qs_copy c
                        union all
                        select l.loan_id || '|' || l.barcode || '|' || coalesce(l.returned_at::text, 'open') || '|' || l.last_position
                        from qs_loan l
                        order by 1""")
                .query(String.class).list();
    }
}
