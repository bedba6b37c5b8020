package vn.motsach.query.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motsach.query.Events.CLASS_6A1;
import static vn.motsach.query.Events.MONDAY;
import static vn.motsach.query.Events.SCHOOL;
import static vn.motsach.query.Events.at;
import static vn.motsach.query.Events.checkout;
import static vn.motsach.query.Events.copy;
import static vn.motsach.query.Events.loanId;
import static vn.motsach.query.Events.title;
import static vn.motsach.query.Events.titleId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.motsach.infra.web.DayRange;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.Paging;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.IntakeId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyDetailsRevised;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.IntakeReceived;
import vn.motsach.events.catalogue.TitleRevised;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.query.ProjectionsUnderTest;
import vn.motsach.query.copies.CopyState;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.Page;
import vn.motsach.testing.ProjectionDatabase;

/** Catalogue upkeep in the projections, on the real PostgreSQL: a revised title, intakes, a lost copy. */
class CatalogueUpkeepProjectionIT {

    private static final String DE_MEN = "Dế Mèn phiêu lưu ký";

    private static JdbcClient jdbc;
    private static ProjectionsUnderTest projections;
    private CatalogueSearch search;
    private long position;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
        projections = ProjectionsUnderTest.of(jdbc, CatalogueProjection.NAME, "loans");
    }

    @BeforeEach
    void setUp() {
        search = new CatalogueSearch(jdbc);
        projections.reset();
        position = 100;
    }

    @Test
    void aRevisedTitleIsFoundByItsNewWordsAndItsCopiesFollow() {
        apply(title(DE_MEN, List.of("To Hoai"), List.of("Thiếu nhi"), DocType.CHILDREN, null));
        apply(copy("TN-001", DE_MEN));
        apply(copy("TN-002", DE_MEN));
        apply(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)));

        TitleRevised revised = revision("Dế Mèn phiêu lưu ký (tái bản)", List.of("Tô Hoài"), DocType.REFERENCE);
        apply(revised);
        long revisedAt = position;

        assertThat(titlesFound("de men tai ban")).containsExactly("Dế Mèn phiêu lưu ký (tái bản)");
        assertThat(titlesFound("TÔ HOÀI")).containsExactly("Dế Mèn phiêu lưu ký (tái bản)");
        assertThat(titlesFound("thieu nhi")).as("the subjects were replaced").isEmpty();
        assertThat(titlesFound("van hoc")).hasSize(1);
        TitleDetailView detail = search.title(SCHOOL.value(), titleId(DE_MEN).value()).orElseThrow();
        assertThat(detail.publisher()).isEqualTo("NXB Kim Đồng tái bản");
        assertThat(detail.docType()).isEqualTo("REFERENCE");
        assertThat(jdbc.sql("select distinct title || '|' || doc_type from qs_copy").query(String.class).list())
                .containsExactly("Dế Mèn phiêu lưu ký (tái bản)|REFERENCE");

        // a revision applied again, after a newer one, changes nothing
        apply(revision("Dế Mèn", List.of("Tô Hoài"), DocType.CHILDREN));
        List<String> before = rows();
        projections.apply(revised, MONDAY, at(revisedAt));
        assertThat(rows()).isEqualTo(before);
        assertThat(titlesFound("de men")).containsExactly("Dế Mèn");
    }

    @Test
    void aRevisionCarriesTheEditionAndOneStoredBeforeEditionsHasNone() {
        apply(title(DE_MEN, List.of("Tô Hoài"), List.of("Thiếu nhi"), DocType.CHILDREN, null));

        apply(new TitleRevised(SCHOOL, titleId(DE_MEN), DE_MEN, List.of("Tô Hoài"), null, null, null, null, List.of(),
                DocType.CHILDREN, "vie", "Tái bản lần thứ 10"));
        assertThat(edition()).isEqualTo("Tái bản lần thứ 10");

        apply(revision(DE_MEN, List.of("Tô Hoài"), DocType.CHILDREN));
        assertThat(edition()).as("a revision replaces the whole description").isEmpty();
    }

    private String edition() {
        return jdbc.sql("select coalesce(edition, '') from qs_catalogue_title where school_id = ? and title_id = ?")
                .params(SCHOOL.value(), titleId(DE_MEN).value()).query(String.class).single();
    }

    @Test
    void aLostCopyLeavesTheShelfAndItsLoanClosesAsLost() {
        apply(title(DE_MEN, List.of("Tô Hoài"), List.of("Thiếu nhi"), DocType.CHILDREN, null));
        apply(copy("TN-001", DE_MEN));
        apply(copy("TN-002", DE_MEN));
        apply(copy("TN-003", DE_MEN));
        apply(checkout("l1", "TN-001", DE_MEN, "hs-001", LocalDate.of(2026, 9, 21)));
        assertThat(counts()).containsExactly(2, 3);

        apply(new CopyReportedLost(SCHOOL, Barcode.of("TN-001"), titleId(DE_MEN), LocalDate.of(2026, 9, 9),
                MONDAY.plusSeconds(2 * 86_400), "Em làm rơi", PatronId.of("hs-001"), loanId("l1"), PatronCategory.STUDENT,
                CLASS_6A1));
        apply(new CopyReportedLost(SCHOOL, Barcode.of("TN-002"), titleId(DE_MEN), LocalDate.of(2026, 9, 9),
                MONDAY.plusSeconds(2 * 86_400), null, null, null, null, null));

        assertThat(status("TN-001")).isEqualTo("LOST");
        assertThat(status("TN-002")).isEqualTo("LOST");
        assertThat(counts()).containsExactly(1, 1);
        assertThat(titlesFound("TN-001")).as("a lost copy's barcode no longer finds its title").isEmpty();
        assertThat(jdbc.sql("select lost_on || '|' || loss_note from qs_copy where barcode = 'TN-001'").query(String.class).single())
                .isEqualTo("2026-09-09|Em làm rơi");
        assertThat(jdbc.sql("select count(*) from qs_loan where returned_at is null").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select lost and returned_at = '2026-09-09T01:00:00Z' from qs_loan").query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void intakesCountTheirCopiesAndSumTheirPrices() {
        apply(title(DE_MEN, List.of("Tô Hoài"), List.of("Thiếu nhi"), DocType.CHILDREN, null));
        IntakeId bought = intake("mua", LocalDate.of(2026, 8, 20), AcquisitionSource.PURCHASE, "HĐ 0012");
        IntakeId given = intake("tặng", LocalDate.of(2026, 9, 5), AcquisitionSource.DONATION, null);
        intake("trống", LocalDate.of(2026, 10, 1), AcquisitionSource.OTHER, null);
        apply(copyIn("TN-001", bought, "45000"));
        apply(copyIn("TN-002", bought, "45000.50"));
        apply(copyIn("TN-003", given, null));
        apply(copy("TN-004", DE_MEN));
        apply(new CopyReportedLost(SCHOOL, Barcode.of("TN-002"), titleId(DE_MEN), LocalDate.of(2026, 9, 9), MONDAY, null, null,
                null, null, null));

        List<IntakeView> all = intakes(null, null).items();

        assertThat(all).extracting(i -> i.documentNo() + "|" + i.source() + "|" + i.copies() + "|" + i.totalValue().stripTrailingZeros())
                .containsExactly("HĐ 0012|PURCHASE|2|90000.5", "null|DONATION|1|0", "null|OTHER|0|0");
        assertThat(all.get(0).intakeId()).isEqualTo(bought.value());
        assertThat(intakes("2026-09-01", "2026-09-30").items()).extracting(IntakeView::intakeId).containsExactly(given.value());
        assertThat(intakes("2026-09-01", null).totalItems()).isEqualTo(2);
    }

    @Test
    void aCopysCorrectedDetailsReplaceItsOwnAndAnOlderCorrectionSeenAgainChangesNothing() {
        apply(title(DE_MEN, List.of("Tô Hoài"), List.of("Thiếu nhi"), DocType.CHILDREN, null));
        apply(copy("TN-001", DE_MEN));
        CopyDetailsRevised corrected = new CopyDetailsRevised(SCHOOL, Barcode.of("TN-001"), titleId(DE_MEN),
                LocalDate.of(2025, 1, 2), "Tặng", new BigDecimal("60000"), false, "895.922 T");
        apply(corrected);
        long correctedAt = position;

        assertThat(details("TN-001")).isEqualTo("2025-01-02|Tặng|60000|false|895.922 T");
        assertThat(search.title(SCHOOL.value(), titleId(DE_MEN).value()).orElseThrow().copies())
                .extracting(copy -> copy.loanable()).containsExactly(false);
        assertThat(status("TN-001")).isEqualTo("AVAILABLE");

        apply(new CopyDetailsRevised(SCHOOL, Barcode.of("TN-001"), titleId(DE_MEN), null, null, null, true, null));
        projections.apply(corrected, MONDAY, at(correctedAt));
        assertThat(details("TN-001")).isEqualTo("null|null|null|true|null");
    }

    private static String details(String barcode) {
        return jdbc.sql("select acquired_on, source, price, loanable, call_number from qs_copy where barcode = ?").param(barcode)
                .query((rs, row) -> rs.getDate(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|" + rs.getBoolean(4)
                        + "|" + rs.getString(5))
                .single();
    }

    @Test
    void aListOfIntakesRefusesBadDates() {
        assertThatThrownBy(() -> intakes("2026-09-30", "2026-09-01")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> intakes("hôm qua", null)).isInstanceOf(ApiProblem.class);
    }

    private TitleRevised revision(String name, List<String> authors, DocType docType) {
        return new TitleRevised(SCHOOL, titleId(DE_MEN), name, authors, null, "NXB Kim Đồng tái bản", 2021, "895.9223",
                List.of("Văn học"), docType, "vie");
    }

    private IntakeId intake(String name, LocalDate receivedOn, AcquisitionSource source, String documentNo) {
        IntakeId id = IntakeId.of(UUID.nameUUIDFromBytes(("intake:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        apply(new IntakeReceived(SCHOOL, id, receivedOn, source, documentNo, null));
        return id;
    }

    private static CopyAccessioned copyIn(String barcode, IntakeId intake, String price) {
        return new CopyAccessioned(SCHOOL, Barcode.of(barcode), titleId(DE_MEN), DE_MEN, DocType.CHILDREN, LocalDate.of(2026, 8, 20),
                null, price == null ? null : new BigDecimal(price), true, intake, null);
    }

    private Page<IntakeView> intakes(String from, String to) {
        // the dates checked as the edge checks them
        RequestCheck check = RequestCheck.of();
        DayRange dates = DayRange.of(check, from, to);
        check.orRefuse();
        return new IntakeQueryController(jdbc).intakes(
                new IntakeQueryController.IntakeList(SCHOOL.value(), dates, new Paging(0, Paging.DEFAULT_SIZE)));
    }

    private void apply(Object event) {
        projections.apply(event, MONDAY, at(++position));
    }

    private List<String> titlesFound(String q) {
        return search.search(SCHOOL.value(), q, null, new Paging(0, 20)).items().stream().map(TitleView::title).toList();
    }

    private List<Integer> counts() {
        TitleDetailView detail = search.title(SCHOOL.value(), titleId(DE_MEN).value()).orElseThrow();
        return List.of(detail.availableCopies(), detail.totalCopies());
    }

    private String status(String barcode) {
        return jdbc.sql("select %s from qs_copy c %s where c.barcode = ?".formatted(CopyState.STATUS, CopyState.OPEN_LOAN))
                .param(barcode).query(String.class).single();
    }

    private static List<String> rows() {
        return jdbc.sql("""
                        select t.title || '|' || t.doc_type || '|' || t.search_doc || '|' || t.last_position from qs_catalogue_title t
                        union all
                        select c.barcode || '|' || c.title || '|' || c.doc_type from qs_copy c
                        order by 1""")
                .query(String.class).list();
    }
}
