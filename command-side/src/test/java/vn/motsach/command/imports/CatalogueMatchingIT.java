package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * Which title an imported record belongs to, as real files test it: volumes that share their
 * words but not their ISBNs, another source's record of a title, a record mended and imported
 * again.
 */
// a configuration of its own: a context another class paused is not started again whole (Axon's processors' executors stay shut)
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.circulation.sweep-interval=1h", "motsach.imports.batch-size=50"})
class CatalogueMatchingIT {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void volumesWithTheirOwnIsbnsStayTwoTitles() {
        LibraryFixture.primarySchool(api, "th-tap");
        JsonNode first = imported("th-tap", List.of(MarcFiles.book("Tiếng Việt 3", "Bùi Mạnh Hùng", "9786040070012", "2022", "TV3-1")));
        JsonNode second = imported("th-tap", List.of(MarcFiles.book("Tiếng Việt 3", "Bùi Mạnh Hùng", "9786040070029", "2022", "TV3-2"),
                // a third record without an ISBN: the same work, so it joins the older volume's title
                MarcFiles.book("TIẾNG VIỆT 3", "Bùi Mạnh Hùng", null, "2022", "TV3-3")));

        assertThat(counts(first)).containsExactly(1, 0, 0, 0);
        assertThat(counts(second)).containsExactly(1, 1, 0, 0);
        assertThat(jdbc.sql("select isbn from cmd_title_match where school_id = 'th-tap' order by title_id").query(String.class).list())
                .containsExactly("9786040070012", "9786040070029");
        assertThat(titleOfCopy("th-tap", "TV3-3")).isEqualTo(titleOfCopy("th-tap", "TV3-1"));
        assertThat(revisions("th-tap")).isZero();

        // the same files again change nothing, in either order
        JsonNode secondAgain = imported("th-tap", List.of(MarcFiles.book("Tiếng Việt 3", "Bùi Mạnh Hùng", "9786040070029", "2022", "TV3-2"),
                MarcFiles.book("TIẾNG VIỆT 3", "Bùi Mạnh Hùng", null, "2022", "TV3-3")));
        JsonNode firstAgain = imported("th-tap", List.of(MarcFiles.book("Tiếng Việt 3", "Bùi Mạnh Hùng", "9786040070012", "2022", "TV3-1")));
        assertThat(counts(secondAgain)).containsExactly(0, 0, 2, 0);
        assertThat(counts(firstAgain)).containsExactly(0, 0, 1, 0);
        assertThat(revisions("th-tap")).isZero();
    }

    @Test
    void theSameBarcodeOnTwoWorksOfOneTitleIsRefused() {
        LibraryFixture.primarySchool(api, "th-trung-so");
        JsonNode job = imported("th-trung-so", List.of(
                MarcFiles.book("Toán 6", "Hà Huy Khoái", "9786040070012", "2021", "T6-1"),
                MarcFiles.book("Toán 6", "Trần Nam Dũng", "9786040070029", "2021", "T6-1")));

        assertThat(counts(job)).containsExactly(1, 0, 0, 1);
        assertThat(codes(job.path("errors"))).containsExactly("2:BARCODE_REPEATED_IN_FILE");
        // a MARC file has records, not rows
        assertThat(job.path("errors").get(0).path("message").asString()).contains("bản ghi thứ 1").doesNotContain("dòng");

        JsonNode later = imported("th-trung-so", List.of(MarcFiles.book("Toán 6", "Trần Nam Dũng", null, "2021", "T6-1")));
        assertThat(counts(later)).containsExactly(0, 0, 0, 1);
        assertThat(revisions("th-trung-so")).isZero();
    }

    @Test
    void twoVolumesInOneFileStayTwoTitles() {
        LibraryFixture.primarySchool(api, "th-tap-mot-tep");
        JsonNode job = imported("th-tap-mot-tep", List.of(
                MarcFiles.book("Tiếng Việt 3", "Bùi Mạnh Hùng", "9786040070012", "2022", "T-1"),
                MarcFiles.book("Tiếng Việt 3", "Bùi Mạnh Hùng", "9786040070029", "2022", "T-2")));

        assertThat(counts(job)).containsExactly(2, 0, 0, 0);
        assertThat(titleOfCopy("th-tap-mot-tep", "T-1")).isNotEqualTo(titleOfCopy("th-tap-mot-tep", "T-2"));
    }

    @Test
    void anotherSourcesRecordOfATitleAddsCopiesAndLeavesItsDescription() {
        LibraryFixture.primarySchool(api, "th-nguon");
        imported("th-nguon", List.of(controlled(MarcFiles.book("Toán – Tập 5", "Phạm Thị Út", null, "2020", "TO-1"), "A-1")));
        JsonNode other = imported("th-nguon",
                List.of(controlled(MarcFiles.book("TOAN – TAP 5", "pham thi ut", null, "2020", "TO-2"), "B-7")));

        assertThat(counts(other)).containsExactly(0, 1, 0, 0);
        assertThat(codes(other.path("warnings"))).containsExactly("1:TITLE_DESCRIPTION_KEPT");
        assertThat(titleOfCopy("th-nguon", "TO-2")).isEqualTo(titleOfCopy("th-nguon", "TO-1"));
        assertThat(revisions("th-nguon")).isZero();

        // again: the title is now found by its copy TO-2, and still keeps its description
        JsonNode again = imported("th-nguon",
                List.of(controlled(MarcFiles.book("TOAN – TAP 5", "pham thi ut", null, "2020", "TO-2"), "B-7")));
        assertThat(counts(again)).containsExactly(0, 0, 1, 0);
        assertThat(revisions("th-nguon")).isZero();
    }

    @Test
    void aRecordMendedAndImportedAgainFindsItsTitleByItsBarcode() {
        LibraryFixture.primarySchool(api, "th-sua");
        JsonNode first = imported("th-sua", List.of(MarcFiles.book("Sách giá lạ", "Ai đó", null, "năm ngoái", "XL-1")));
        JsonNode mended = imported("th-sua", List.of(MarcFiles.book("Sách giá lạ", "Ai đó", null, "2021", "XL-1")));

        assertThat(codes(first.path("warnings"))).containsExactly("1:YEAR_INVALID");
        assertThat(counts(mended)).containsExactly(0, 1, 0, 0);
        assertThat(mended.path("errors")).isEmpty();
        assertThat(jdbc.sql("""
                        select payload::jsonb ->> 'publishedYear' from domainevententry
                        where payload like '%"schoolId":"th-sua"%' and payloadtype like '%.TitleRevised'""")
                .query(String.class).list()).containsExactly("2021");

        // a record naming only some of the title's copies is another record of the work: the title keeps its description
        imported("th-sua", List.of(MarcFiles.book("Sách giá lạ", "Ai đó", null, "2021", "XL-2")));
        JsonNode partial = imported("th-sua", List.of(MarcFiles.book("Sách giá lạ", "Ai đó", null, "2022", "XL-2")));
        assertThat(counts(partial)).containsExactly(0, 0, 1, 0);
        assertThat(codes(partial.path("warnings"))).containsExactly("1:TITLE_DESCRIPTION_KEPT");
        assertThat(partial.path("warnings").get(0).path("message").asString()).contains("Biên mục");
        assertThat(revisions("th-sua")).isEqualTo(1);
    }

    @Test
    void anUnknownDocumentTypeOrLanguageIsReportedNotKept() {
        LibraryFixture.primarySchool(api, "th-loai");
        Record record = MarcFiles.book("Đất rừng phương Nam", "Đoàn Giỏi", null, "1957", "DR-1");
        record.addVariableField(MarcFiles.field("942", "c", "Loại lạ"));
        record.addVariableField(MarcFiles.field("041", "a", "zzz"));
        Record french = MarcFiles.book("Le Petit Prince", "Saint-Exupéry", null, "1943", "PP-1");
        french.addVariableField(MarcFiles.field("041", "a", "fre"));

        JsonNode job = imported("th-loai", List.of(record, french));

        assertThat(codes(job.path("warnings"))).containsExactlyInAnyOrder("1:DOC_TYPE_UNKNOWN", "1:LANGUAGE_INVALID");
        assertThat(job.path("warnings").get(0).path("message").asString()).isNotBlank();
        assertThat(jdbc.sql("""
                        select payload::jsonb ->> 'language' from domainevententry
                        where payload like '%"schoolId":"th-loai"%' and payloadtype like '%.TitleCatalogued' order by globalindex""")
                .query(String.class).list()).containsExactly(null, "fre");
    }

    private static Record controlled(Record record, String number) {
        record.addVariableField(MARC.newControlField("001", number));
        record.addVariableField(MARC.newControlField("003", "NGUON"));
        return record;
    }

    private JsonNode imported(String school, List<Record> records) {
        ApiClient.Answer accepted = Uploads.upload(port, school, "catalogue.mrc", MarcFiles.utf8(records), Map.of("kind", "CATALOGUE"));
        ApiClient.Answer last = Uploads.finished(api, accepted);
        assertThat(last.text("status")).as(last.body()).isEqualTo("SUCCEEDED");
        return last.json();
    }

    /** created, updated, unchanged, rejected. */
    private static List<Integer> counts(JsonNode job) {
        return List.of(job.path("created").asInt(), job.path("updated").asInt(), job.path("unchanged").asInt(),
                job.path("rejected").asInt());
    }

    private static List<String> codes(JsonNode issues) {
        return StreamSupport.stream(issues.spliterator(), false)
                .map(issue -> issue.path("record").asInt() + ":" + issue.path("code").asString()).toList();
    }

    private String titleOfCopy(String school, String barcode) {
        return jdbc.sql("select title_id::text from cmd_copy where school_id = ? and barcode = ?").params(school, barcode)
                .query(String.class).single();
    }

    private long revisions(String school) {
        return jdbc.sql("select count(*) from domainevententry where payload like ? and payloadtype like '%.TitleRevised'")
                .param("%\"schoolId\":\"" + school + "\"%").query(Long.class).single();
    }
}
