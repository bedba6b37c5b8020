package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.command.circulation.CatalogueCommandsForImports;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.Niceness;

/** Catalogue imports from MARC 21 through HTTP, on the real PostgreSQL: what goes in, what is reported, what a second import changes. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.circulation.sweep-interval=1h", "motsach.web.max-upload-size=1MB", "motsach.web.max-body-size=512KB"})
class CatalogueImportIT {

    @LocalServerPort
    int port;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    CommandBus commandBus;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aKohaExportGoesInWithItsBarcodesAndAgainChangesNothing() throws IOException {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-koha");
        library.copy("OTHER-1", library.title("Một nhan đề khác"));
        Record messy = MarcFiles.book("Số đỏ", "Vũ Trọng Phụng", "1", "1936", "KOHA-3");
        messy.addVariableField(MarcFiles.field("041", "a", "xx1"));
        messy.addVariableField(MarcFiles.field("952", "p", "KOHA-4", "g", "tám mươi nghìn"));
        Record noCopies = MarcFiles.book("Lão Hạc", "Nam Cao", null, "1943");
        noCopies.addVariableField(MarcFiles.field("942", "c", "SGK"));
        String decomposed = Normalizer.normalize("Truyện Kiều", Normalizer.Form.NFD);
        byte[] file = MarcFiles.utf8(List.of(
                MarcFiles.book("Dế Mèn phiêu lưu ký", "Tô Hoài", "978-604-2-12345-7", "2019", "KOHA-1", "KOHA-2"),
                messy,
                MarcFiles.book(null, "Vô danh", null, "2000", "KOHA-5"),
                MarcFiles.book("Chí Phèo", "Nam Cao", null, "1941", "OTHER-1"),
                noCopies,
                MarcFiles.book(decomposed, "Nguyễn Du", null, "1820", "KOHA-6")));

        JsonNode first = finished(upload("th-koha", file, Map.of("kind", "CATALOGUE", "barcodePrefix", "MS",
                "copiesPerRecord", "2")));

        assertThat(first.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.path("format").asString()).isEqualTo("MARC21");
        assertThat(counts(first)).containsExactly(6, 6, 4, 0, 0, 2);
        assertThat(codes(first.path("errors"))).containsExactly("3:TITLE_MISSING", "4:BARCODE_TAKEN");
        assertThat(codes(first.path("warnings"))).containsExactly("2:ISBN_INVALID", "2:LANGUAGE_INVALID", "2:PRICE_INVALID");
        assertThat(first.path("errors").get(1).path("message").asString()).contains("OTHER-1");
        assertThat(first.path("warnings").findValuesAsString("fieldLabel")).containsExactly("020 $a (ISBN)", "041 $a (Ngôn ngữ)",
                "952 $g (Giá)");
        assertThat(first.path("warnings").findValuesAsString("field")).containsExactly("isbn", "language", "price");
        ApiClient.Download report = Uploads.download(port, "/api/v1/schools/th-koha/imports/" + first.path("importId").asString()
                + "/report?format=XLSX");
        try (XSSFWorkbook workbook = new XSSFWorkbook(
                new ByteArrayInputStream(report.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Trường");
            List<String> fields = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Cell field = sheet.getRow(i).getCell(4);
                fields.add(field == null ? null : field.getStringCellValue());
            }
            assertThat(fields).contains("952 $g (Giá)", "245 $a (Nhan đề)", "952 $p (Số ĐKCB)");
        }
        assertThat(copiesOf("th-koha")).containsExactlyInAnyOrder("OTHER-1", "KOHA-1", "KOHA-2", "KOHA-3", "KOHA-4", "MS000001",
                "MS000002", "KOHA-6");
        assertThat(titlesOf("th-koha")).contains("Dế Mèn phiêu lưu ký", "Số đỏ", "Lão Hạc", "Truyện Kiều");
        assertThat(jdbc.sql("""
                        select count(*) from domainevententry where payload like '%"schoolId":"th-koha"%'
                        and metadata::jsonb ->> 'importId' = ? and metadata::jsonb ->> 'actor' is not null""")
                .param(first.path("importId").asString()).query(Long.class).single()).isEqualTo(4 + 7);

        JsonNode again = finished(upload("th-koha", file, Map.of("kind", "CATALOGUE", "barcodePrefix", "MS",
                "copiesPerRecord", "2")));

        assertThat(counts(again)).containsExactly(6, 6, 0, 0, 4, 2);
        assertThat(copiesOf("th-koha")).hasSize(8);
    }

    /**
     * An import runs below the desks' requests and above the processors catching up with it
     * (Linux): its thread, and its PostgreSQL session where the server is this machine's.
     */
    @Test
    void anImportRunsBelowTheDesksAndAboveTheProcessors() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        LibraryFixture.primarySchool(api, "th-nice");
        finished(upload("th-nice", MarcFiles.utf8(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "NICE-1"))),
                Map.of("kind", "CATALOGUE")));

        assertThat(Niceness.ofThreads().get("imports")).containsExactly(ImportRunner.NICENESS);
        List<Integer> sessions = jdbc.sql("select pid from pg_stat_activity where application_name = 'motsach-background-' || ?").param(ImportRunner.NICENESS)
                .query(Integer.class).list().stream()
                .flatMap(pid -> Niceness.ofProcess(pid).stream().boxed()).toList();
        assertThat(sessions).as("the import's sessions, when PostgreSQL is this machine's").allMatch(nice -> nice == ImportRunner.NICENESS);
    }

    /**
     * A mended report imported again: a copy matched by its barcode takes the record's details
     * (price, acquisition date, in-library use, call number) as {@code PUT copies/{barcode}} gives
     * them, the record counting as updated; the same file once more changes nothing.
     */
    @Test
    void aMendedRecordCorrectsItsCopysDetailsAndAgainChangesNothing() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-mended");
        Record plain = MarcFiles.book("Quê nội", "Võ Quảng", null, "1974");
        plain.addVariableField(MarcFiles.field("952", "p", "QN-1"));
        plain.addVariableField(MarcFiles.field("952", "p", "QN-2"));
        JsonNode first = finished(upload("th-mended", MarcFiles.utf8(List.of(plain)), Map.of("kind", "CATALOGUE")));
        assertThat(counts(first)).containsExactly(1, 1, 1, 0, 0, 0);
        long before = detailsRevisions("th-mended");

        Record mended = MarcFiles.book("Quê nội", "Võ Quảng", null, "1974");
        mended.addVariableField(MarcFiles.field("952", "p", "QN-1", "o", "895.922 V", "d", "2025-01-02", "g", "60.000 đ",
                "7", "1"));
        mended.addVariableField(MarcFiles.field("952", "p", "QN-2"));
        byte[] file = MarcFiles.utf8(List.of(mended));
        JsonNode again = finished(upload("th-mended", file, Map.of("kind", "CATALOGUE")));

        assertThat(counts(again)).containsExactly(1, 1, 0, 1, 0, 0);
        assertThat(detailsRevisions("th-mended")).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                        select payload from domainevententry where payloadtype like '%.CopyDetailsRevised'
                        and payload like '%"schoolId":"th-mended"%'""").query(String.class).single())
                .contains("\"barcode\":\"QN-1\"", "\"acquiredOn\":\"2025-01-02\"", "\"price\":60000", "\"loanable\":false",
                        "\"callNumber\":\"895.922 V\"");
        assertThat(jdbc.sql("select loanable, details_digest is not null from cmd_copy where school_id = ? and barcode = 'QN-1'")
                .param("th-mended").query((rs, row) -> rs.getBoolean(1) + "|" + rs.getBoolean(2)).single()).isEqualTo("false|true");

        JsonNode once = finished(upload("th-mended", file, Map.of("kind", "CATALOGUE")));
        assertThat(counts(once)).containsExactly(1, 1, 0, 0, 1, 0);
        assertThat(detailsRevisions("th-mended")).isEqualTo(before + 1);
        JsonNode dry = finished(upload("th-mended", MarcFiles.utf8(List.of(plain)), Map.of("kind", "CATALOGUE", "dryRun", "true")));
        assertThat(counts(dry)).as("a dry run tells the correction and stores none").containsExactly(1, 1, 0, 1, 0, 0);
        assertThat(detailsRevisions("th-mended")).isEqualTo(before + 1);
    }

    /**
     * Koha's copy statuses: a 952 with $1 (lost, here "long overdue") or $0 (withdrawn) set makes the
     * copy and then records it lost or withdrawn with the very events of {@code POST copies/{barcode}/loss}
     * and {@code /withdrawal}, listed as warnings; the desk then refuses to lend it, and its barcode
     * stays taken. The same file again changes nothing; a copy in the collection that a later file
     * says was lost is recorded lost once; a dry run tells it all and stores nothing.
     */
    @Test
    void kohasLostAndWithdrawnCopiesComeInOutOfTheCollectionAsTheDeskRecordsThem() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-koha-status");
        Record book = MarcFiles.book("Đất rừng phương Nam", "Đoàn Giỏi", null, "1957", "KS-1");
        book.addVariableField(MarcFiles.field("952", "p", "KS-2", "1", "2", "0", "0"));
        book.addVariableField(MarcFiles.field("952", "p", "KS-3", "0", "1"));
        book.addVariableField(MarcFiles.field("952", "p", "KS-4", "0", "1", "1", "1"));
        byte[] file = MarcFiles.utf8(List.of(book));

        JsonNode dry = finished(upload("th-koha-status", file, Map.of("kind", "CATALOGUE", "dryRun", "true")));
        assertThat(counts(dry)).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(codes(dry.path("warnings"))).containsExactly("1:COPY_IMPORTED_LOST", "1:COPY_IMPORTED_WITHDRAWN",
                "1:COPY_IMPORTED_WITHDRAWN");
        assertThat(copiesOf("th-koha-status")).isEmpty();

        JsonNode first = finished(upload("th-koha-status", file, Map.of("kind", "CATALOGUE")));

        assertThat(counts(first)).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(codes(first.path("warnings"))).containsExactly("1:COPY_IMPORTED_LOST", "1:COPY_IMPORTED_WITHDRAWN",
                "1:COPY_IMPORTED_WITHDRAWN");
        assertThat(first.path("warnings").get(0).path("message").asString()).contains("KS-2", "mất");
        library.expect(201, library.checkOut("KS-1", "hs-an"));
        LibraryFixture.refused(library.checkOut("KS-2", "hs-an"), 409, "COPY_LOST");
        LibraryFixture.refused(library.checkOut("KS-3", "hs-an"), 409, "COPY_WITHDRAWN");
        LibraryFixture.refused(library.checkOut("KS-4", "hs-an"), 409, "COPY_WITHDRAWN");
        List<JsonNode> departures = departures("th-koha-status");
        assertThat(departures).extracting(event -> event.path("type").asString() + " " + event.path("payload").path("barcode").asString())
                .containsExactly("CopyReportedLost KS-2", "CopyWithdrawn KS-3", "CopyWithdrawn KS-4");
        assertThat(departures).extracting(event -> event.path("importId").asString()).containsOnly(first.path("importId").asString());
        assertThat(departures).extracting(event -> event.path("actor").asString()).doesNotContainNull().isNotEmpty();
        assertThat(jdbc.sql("select barcode from cmd_copy where school_id = ? and withdrawn").param("th-koha-status")
                .query(String.class).list()).as("the desk's lookup knows them out of the collection")
                .containsExactlyInAnyOrder("KS-2", "KS-3", "KS-4");

        // the desk's own requests store the same events, field by field (but for the moment of the report)
        LibraryFixture typed = LibraryFixture.primarySchool(api, "th-koha-typed");
        String titleId = typed.title("Đất rừng phương Nam");
        for (String barcode : List.of("KS-2", "KS-3")) {
            typed.copy(barcode, titleId);
        }
        typed.expect(200, api.post(typed.base() + "/copies/KS-2/loss",
                "{\"note\":\"" + CatalogueCommandsForImports.OutOfCollection.LOST.reason() + "\"}"));
        typed.expect(200, api.post(typed.base() + "/copies/KS-3/withdrawal",
                "{\"reason\":\"" + CatalogueCommandsForImports.OutOfCollection.WITHDRAWN.reason() + "\"}"));
        assertThat(departures("th-koha-status").subList(0, 2)).extracting(event -> withoutMoment(event.path("payload")))
                .isEqualTo(departures("th-koha-typed").stream().map(event -> withoutMoment(event.path("payload"))).toList());

        JsonNode again = finished(upload("th-koha-status", file, Map.of("kind", "CATALOGUE")));
        assertThat(counts(again)).containsExactly(1, 1, 0, 0, 1, 0);
        assertThat(again.path("warnings")).isEmpty();
        assertThat(departures("th-koha-status")).hasSize(3);

        Record another = MarcFiles.book("Một nhan đề khác", "Vô danh", null, "2001", "KS-2");
        JsonNode taken = finished(upload("th-koha-status", MarcFiles.utf8(List.of(another)), Map.of("kind", "CATALOGUE")));
        assertThat(codes(taken.path("errors"))).as("a lost copy's barcode is still taken").containsExactly("1:BARCODE_TAKEN");

        Record withdrawnOnLoan = MarcFiles.book("Đất rừng phương Nam", "Đoàn Giỏi", null, "1957");
        withdrawnOnLoan.addVariableField(MarcFiles.field("952", "p", "KS-1", "o", "895.92 T", "d", "2024-05-01", "g", "85000",
                "7", "0", "0", "1"));
        JsonNode refused = finished(upload("th-koha-status", MarcFiles.utf8(List.of(withdrawnOnLoan)), Map.of("kind", "CATALOGUE")));
        assertThat(codes(refused.path("errors"))).as("a copy on loan is not withdrawn, as the desk refuses it")
                .containsExactly("1:COPY_ALREADY_ON_LOAN");
        assertThat(refused.path("errors").get(0).path("message").asString()).contains("đang được mượn");

        library.expect(200, library.checkIn("KS-1"));
        Record later = MarcFiles.book("Đất rừng phương Nam", "Đoàn Giỏi", null, "1957");
        later.addVariableField(MarcFiles.field("952", "p", "KS-1", "o", "895.92 T", "d", "2024-05-01", "g", "85000", "7", "0",
                "1", "1"));
        byte[] laterFile = MarcFiles.utf8(List.of(later));
        JsonNode dryLater = finished(upload("th-koha-status", laterFile, Map.of("kind", "CATALOGUE", "dryRun", "true")));
        assertThat(counts(dryLater)).containsExactly(1, 1, 0, 1, 0, 0);
        assertThat(codes(dryLater.path("warnings"))).containsExactly("1:COPY_IMPORTED_LOST");
        assertThat(departures("th-koha-status")).hasSize(3);
        library.expect(201, library.checkOut("KS-1", "hs-an"));
        library.expect(200, library.checkIn("KS-1"));
        JsonNode lost = finished(upload("th-koha-status", laterFile, Map.of("kind", "CATALOGUE")));
        assertThat(counts(lost)).containsExactly(1, 1, 0, 1, 0, 0);
        assertThat(codes(lost.path("warnings"))).containsExactly("1:COPY_IMPORTED_LOST");
        LibraryFixture.refused(library.checkOut("KS-1", "hs-an"), 409, "COPY_LOST");
        assertThat(counts(finished(upload("th-koha-status", laterFile, Map.of("kind", "CATALOGUE")))))
                .containsExactly(1, 1, 0, 0, 1, 0);
        assertThat(departures("th-koha-status")).hasSize(4);
    }

    /** The school's losses and withdrawals in the order they were stored, as {@link #events} gives events. */
    private List<JsonNode> departures(String school) {
        return events(school, "CopyReportedLost", "CopyWithdrawn");
    }

    private static JsonNode withoutMoment(JsonNode payload) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) payload.deepCopy();
        copy.remove("reportedAt");
        return copy;
    }

    private long detailsRevisions(String school) {
        return jdbc.sql("select count(*) from domainevententry where payloadtype like '%.CopyDetailsRevised' and payload like ?")
                .param("%\"schoolId\":\"" + school + "\"%").query(Long.class).single();
    }

    /**
     * A record goes in as one command, a new title's with its copies or an existing title's new
     * copies, and stores exactly what {@code POST titles} and a {@code POST copies} a copy store:
     * the same events, in the same order, with the same fields (but for the school and the title's id).
     */
    @Test
    void anImportedRecordStoresTheEventsOfTheSingleRequests() {
        LibraryFixture typed = LibraryFixture.primarySchool(api, "th-typed");
        String titleId = typed.expect(201, api.post(typed.base() + "/titles", """
                {"title":"Tắt đèn","authors":["Ngô Tất Tố"],"isbn":"978-604-2-12345-7","publisher":"Kim Đồng",
                "publishedYear":1939,"docType":"GENERAL"}""")).text("titleId");
        for (String barcode : List.of("S-1", "S-2", "S-3")) {
            typed.expect(201, api.post(typed.base() + "/copies", """
                    {"barcode":"%s","titleId":"%s","acquiredOn":"2024-05-01","price":85000,"loanable":true,"callNumber":"895.92 T"}"""
                    .formatted(barcode, titleId)));
        }
        LibraryFixture.primarySchool(api, "th-imported");

        JsonNode first = finished(upload("th-imported", MarcFiles.utf8(List.of(
                MarcFiles.book("Tắt đèn", "Ngô Tất Tố", "978-604-2-12345-7", "1939", "S-1", "S-2"))), Map.of("kind", "CATALOGUE")));
        JsonNode second = finished(upload("th-imported", MarcFiles.utf8(List.of(
                MarcFiles.book("Tắt đèn", "Ngô Tất Tố", "978-604-2-12345-7", "1939", "S-1", "S-2", "S-3"))),
                Map.of("kind", "CATALOGUE")));

        assertThat(counts(first)).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(counts(second)).containsExactly(1, 1, 0, 1, 0, 0);
        List<JsonNode> imported = events("th-imported");
        List<JsonNode> single = events("th-typed");
        assertThat(imported).extracting(event -> event.path("type").asString())
                .containsExactly("TitleCatalogued", "CopyAccessioned", "CopyAccessioned", "CopyAccessioned");
        assertThat(imported).extracting(event -> event.path("payload"))
                .isEqualTo(single.stream().map(event -> event.path("payload")).toList());
        assertThat(imported).extracting(event -> event.path("importId").asString()).containsExactly(
                first.path("importId").asString(), first.path("importId").asString(), first.path("importId").asString(),
                second.path("importId").asString());
        assertThat(imported).extracting(event -> event.path("actor").asString())
                .isEqualTo(single.stream().map(event -> event.path("actor").asString()).toList());
    }

    /**
     * A batch's command looks for all its barcodes at once, and refuses the batch whole when one is a
     * copy of the school already or given twice (the import checks first; this is what a race meets).
     */
    @Test
    void aBatchsCommandRefusesABarcodeTakenOrGivenTwiceAndStoresNothing() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-race");
        String titleId = library.title("Tắt đèn");
        library.copy("R-1", titleId);
        SchoolId school = SchoolId.of("th-race");
        TitleId title = TitleId.parse(titleId);
        TitleId another = new TitleId(UUID.randomUUID());

        assertThatThrownBy(() -> gateway.sendAndWait(CatalogueCommandsForImports.records(school, List.of(
                CatalogueCommandsForImports.accessionCopies(title, List.of(newCopy("R-2"), newCopy("R-1")))))))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(RefusalCode.DUPLICATE_BARCODE);
                    assertThat(refused.arguments()).containsExactly("R-1");
                });
        assertThatThrownBy(() -> gateway.sendAndWait(CatalogueCommandsForImports.records(school, List.of(
                CatalogueCommandsForImports.catalogueTitleWithCopies(school, another, "Bỉ vỏ", List.of(), null, null, null,
                        null, List.of(), DocType.GENERAL, null, null, null, List.of(newCopy("R-3"))),
                CatalogueCommandsForImports.accessionCopies(another, List.of(newCopy("R-4"), newCopy("R-3")))))))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.DUPLICATE_BARCODE));

        assertThat(copiesOf("th-race")).containsExactly("R-1");
        assertThat(titlesOf("th-race")).containsExactly("Tắt đèn");
    }

    /**
     * A desk accessions a barcode of the file between the batch's lookups and its command: the
     * batch's command is refused whole, and applied again record by record, only that record is
     * rejected and the others go in.
     */
    @Test
    void aBarcodeTakenWhileTheBatchIsDecidedRejectsItsRecordAlone() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-racing");
        String deskTitle = library.title("Sách ở quầy");
        CompletableFuture<Void> desk = new CompletableFuture<>();
        Registration interceptor = commandBus.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayloadType().getSimpleName().equals("CatalogueRecords") && !desk.isDone()) {
                // another thread, so that the desk's copy is committed before the batch's command looks
                desk.complete(null);
                CompletableFuture.runAsync(() -> library.copy("RACE-2", deskTitle)).join();
            }
            return message;
        });
        try {
            JsonNode job = finished(upload("th-racing", MarcFiles.utf8(List.of(
                    MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "RACE-1"),
                    MarcFiles.book("Bỉ vỏ", "Nguyên Hồng", null, "1938", "RACE-2"),
                    MarcFiles.book("Số đỏ", "Vũ Trọng Phụng", null, "1936", "RACE-3"))), Map.of("kind", "CATALOGUE")));

            assertThat(desk).isDone();
            assertThat(counts(job)).containsExactly(3, 3, 2, 0, 0, 1);
            assertThat(codes(job.path("errors"))).containsExactly("2:BARCODE_TAKEN");
            assertThat(copiesOf("th-racing")).containsExactlyInAnyOrder("RACE-1", "RACE-2", "RACE-3");
            assertThat(titlesOf("th-racing")).containsExactlyInAnyOrder("Sách ở quầy", "Tắt đèn", "Số đỏ");
        } finally {
            interceptor.cancel();
        }
    }

    @Test
    void aTitleAlreadyCatalogedGainsTheCopiesOfTheFile() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-match");
        library.copy("M-1", library.title("Dế Mèn phiêu lưu ký"));
        byte[] file = MarcFiles.utf8(List.of(MarcFiles.book("DẾ MÈN PHIÊU LƯU KÝ", "TÔ HOÀI", null, null, "M-1", "M-2")));

        JsonNode job = finished(upload("th-match", file, Map.of("kind", "CATALOGUE")));

        assertThat(counts(job)).containsExactly(1, 1, 0, 1, 0, 0);
        assertThat(titlesOf("th-match")).hasSize(1);
        assertThat(copiesOf("th-match")).containsExactlyInAnyOrder("M-1", "M-2");
    }

    @Test
    void marc8DiacriticsComeOutAsTheSameLetters() {
        LibraryFixture.primarySchool(api, "th-marc8");
        byte[] file = MarcFiles.marc8(List.of(MarcFiles.book("Truyện Kiều", "Nguyễn Du", null, "1820", "K-1"),
                MarcFiles.book("Đất rừng phương Nam", "Đoàn Giỏi", null, "1957", "K-2")));

        JsonNode job = finished(upload("th-marc8", file, Map.of("kind", "CATALOGUE")));

        assertThat(counts(job)).containsExactly(2, 2, 2, 0, 0, 0);
        assertThat(titlesOf("th-marc8")).containsExactlyInAnyOrder("Truyện Kiều", "Đất rừng phương Nam");
        assertThat(jdbc.sql("select payload::jsonb -> 'authors' ->> 0 from domainevententry where payload like '%\"schoolId\":\"th-marc8\"%' and payloadtype like '%.TitleCatalogued'")
                .query(String.class).list()).containsExactlyInAnyOrder("Nguyễn Du", "Đoàn Giỏi");
    }

    @Test
    void aUtf8ExportWhoseLeaderSaysMarc8GoesInAsTypedWithAWarning() {
        LibraryFixture.primarySchool(api, "th-guess");
        byte[] file = MarcFiles.utf8MarkedMarc8(List.of(MarcFiles.book("Đất rừng phương Nam", "Đoàn Giỏi", null, "1957", "G-1")));

        JsonNode job = finished(upload("th-guess", file, Map.of("kind", "CATALOGUE")));

        assertThat(counts(job)).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(titlesOf("th-guess")).containsExactly("Đất rừng phương Nam");
        assertThat(codes(job.path("warnings"))).containsExactly("1:MARC_ENCODING_GUESSED");
        assertThat(job.path("warnings").get(0).path("message").asString()).contains("MARC-8", "UTF-8");
    }

    @Test
    void marcXmlGoesInLikeIso2709() {
        LibraryFixture.primarySchool(api, "th-xml");
        byte[] file = MarcFiles.xml(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "X-1")));

        JsonNode job = finished(upload("th-xml", file, Map.of("kind", "CATALOGUE")));

        assertThat(job.path("format").asString()).isEqualTo("MARCXML");
        assertThat(counts(job)).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(titlesOf("th-xml")).containsExactly("Tắt đèn");
    }

    @Test
    void aDryRunReportsAndChangesNothing() {
        LibraryFixture.primarySchool(api, "th-dry");
        byte[] file = MarcFiles.utf8(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "D-1"),
                MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "D-2"),
                MarcFiles.book("Bỉ vỏ", "Nguyên Hồng", null, "1938", "D-1")));

        JsonNode job = finished(upload("th-dry", file, Map.of("kind", "CATALOGUE", "dryRun", "true")));

        assertThat(job.path("dryRun").asBoolean()).isTrue();
        assertThat(counts(job)).containsExactly(3, 3, 1, 1, 0, 1);
        assertThat(titlesOf("th-dry")).isEmpty();
        assertThat(copiesOf("th-dry")).isEmpty();
    }

    @Test
    void corruptIso2709FailsTheJobWithItsReasonAndChangesNothing() {
        LibraryFixture.primarySchool(api, "th-corrupt");
        byte[] whole = MarcFiles.utf8(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "C-1"),
                MarcFiles.book("Bỉ vỏ", "Nguyên Hồng", null, "1938", "C-2")));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 40);
        byte[] badDirectory = whole.clone();
        badDirectory[30] = 'x';
        byte[] badLeader = whole.clone();
        badLeader[12] = 'z';

        for (byte[] file : List.of(truncated, badDirectory, badLeader)) {
            JsonNode job = finished(upload("th-corrupt", file, Map.of("kind", "CATALOGUE", "format", "MARC21")));
            assertThat(job.path("status").asString()).isEqualTo("FAILED");
            assertThat(job.path("errors").get(0).path("code").asString()).isEqualTo("MARC_UNREADABLE");
            assertThat(job.path("errors").get(0).path("message").asString()).startsWith("Tệp MARC 21 hỏng ở bản ghi thứ ")
                    .doesNotContain("For input string", "parse", "Premature", "reason.");
        }
        JsonNode cut = finished(upload("th-corrupt", truncated, Map.of("kind", "CATALOGUE", "format", "MARC21")));
        assertThat(cut.path("errors").get(0).path("message").asString())
                .isEqualTo("Tệp MARC 21 hỏng ở bản ghi thứ 2: tệp dừng giữa chừng bản ghi này (tệp bị cắt, có thể do tải lên "
                        + "hoặc sao chép chưa xong). Chưa bản ghi nào của tệp được nhập; hãy xuất lại tệp từ phần mềm cũ.");
        assertThat(api.get("/api/v1/schools/th-corrupt/imports/" + cut.path("importId").asString(), "Accept-Language", "en")
                .json().path("errors").get(0).path("message").asString()).startsWith("The MARC 21 file is damaged at record 2: "
                        + "the file ends in the middle of this record");
        assertThat(titlesOf("th-corrupt")).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        LibraryFixture.primarySchool(api, "th-large");

        ApiClient.Answer answer = upload("th-large", new byte[1_200_000], Map.of("kind", "CATALOGUE"));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedUploadOverTheLimitIsRefusedWith413TooAndOneUnderItGoesIn() {
        LibraryFixture.primarySchool(api, "th-chunked");
        String imports = "/api/v1/schools/th-chunked/imports";

        ApiClient.Answer over = api.uploadChunked(imports, "big.mrc", new byte[1_200_000], Map.of("kind", "CATALOGUE"));
        ApiClient.Answer under = api.uploadChunked(imports, "small.mrc",
                MarcFiles.utf8(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "CH-1"))), Map.of("kind", "CATALOGUE"));

        LibraryFixture.refused(over, 413, "PAYLOAD_TOO_LARGE");
        assertThat(over.text("detail")).contains("1.048.576");
        assertThat(under.status()).as(under.body()).isEqualTo(202);
    }

    @Test
    void theUploadSizeIsTheImportsAloneOtherRoutesHaveTheBodyCap() {
        LibraryFixture.primarySchool(api, "th-cap");

        ApiClient.Answer elsewhere = api.upload("/api/v1/schools/th-cap/titles", "big.mrc", new byte[600_000], Map.of());
        ApiClient.Answer chunked = api.uploadChunked("/api/v1/schools/th-cap/titles", "small.mrc", new byte[10], Map.of());

        LibraryFixture.refused(elsewhere, 413, "PAYLOAD_TOO_LARGE");
        LibraryFixture.refused(chunked, 411, "LENGTH_REQUIRED");
    }

    @Test
    void badRequestsAreProblemDetails() {
        LibraryFixture.primarySchool(api, "th-bad");
        byte[] file = MarcFiles.utf8(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "B-1")));

        LibraryFixture.refused(upload("th-bad", file, Map.of()), 400, "VALIDATION_FAILED");
        LibraryFixture.refused(upload("th-bad", file, Map.of("kind", "BOOKS")), 400, "VALIDATION_FAILED");
        LibraryFixture.refused(upload("th-bad", file, Map.of("kind", "CATALOGUE", "copiesPerRecord", "2")), 400,
                "VALIDATION_FAILED");
        for (String copies : List.of("-1", "51", "99999999999")) {
            ApiClient.Answer outOfRange = upload("th-bad", file, Map.of("kind", "CATALOGUE", "barcodePrefix", "TV", "copiesPerRecord",
                    copies));
            LibraryFixture.refused(outOfRange, 400, "VALIDATION_FAILED");
            assertThat(outOfRange.json().path("errors").get(0).path("message").asString()).as(copies).isEqualTo("Phải từ 0 đến 50.");
        }
        ApiClient.Answer kind = upload("th-bad", file, Map.of("kind", "ROLLOVER"));
        LibraryFixture.refused(kind, 400, "VALIDATION_FAILED");
        assertThat(kind.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Không có giá trị \"ROLLOVER\": phải là một trong các giá trị CATALOGUE, PATRONS, CLASSES.");
        ApiClient.Answer prefix = upload("th-bad", file, Map.of("kind", "CATALOGUE", "barcodePrefix", "TV 3", "copiesPerRecord", "2"));
        LibraryFixture.refused(prefix, 400, "VALIDATION_FAILED");
        // the prefix's format in words, not as a regular expression
        assertThat(prefix.json().path("errors").get(0).path("message").asString()).contains("1 đến 16 ký tự").doesNotContain("[");
        ApiClient.Answer marcAsXlsx = upload("th-bad", file, Map.of("kind", "CATALOGUE", "format", "XLSX"));
        LibraryFixture.refused(marcAsXlsx, 400, "FORMAT_MISMATCH");
        assertThat(marcAsXlsx.text("detail")).startsWith("Tệp được gửi là XLSX nhưng thực ra là tệp MARC 21");
        LibraryFixture.refused(upload("th-bad", "không phải bảng tính".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("kind", "CATALOGUE", "format", "XLSX")), 400, "IMPORT_FILE_UNREADABLE");
        LibraryFixture.refused(upload("th-nowhere", file, Map.of("kind", "CATALOGUE")), 404, "SCHOOL_NOT_FOUND");
        ApiClient.Answer empty = upload("th-bad", new byte[0], Map.of("kind", "CATALOGUE"));
        LibraryFixture.refused(empty, 400, "VALIDATION_FAILED");
        assertThat(empty.body()).contains("không có dữ liệu");
        ApiClient.Answer blank = upload("th-bad", "\r\n  \r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("kind", "CATALOGUE"));
        LibraryFixture.refused(blank, 400, "VALIDATION_FAILED");
        assertThat(blank.body()).contains("không có dữ liệu");
        ApiClient.Answer json = api.post("/api/v1/schools/th-bad/imports", "{\"kind\":\"CATALOGUE\"}");
        LibraryFixture.refused(json, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(json.text("detail")).contains("multipart/form-data", "file").doesNotContain("application/json");
        assertThat(api.upload("/api/v1/schools/th-bad/titles", "title.json", new byte[10], Map.of()).text("detail"))
                .contains("application/json");
        LibraryFixture.refused(api.get("/api/v1/schools/th-bad/imports/0196a3f0-0000-7000-8000-000000000000"), 404,
                "IMPORT_NOT_FOUND");
    }

    @Test
    void theSameIdempotencyKeyStartsOneImport() {
        LibraryFixture.primarySchool(api, "th-key");
        byte[] file = MarcFiles.utf8(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "I-1")));

        ApiClient.Answer one = upload("th-key", file, Map.of("kind", "CATALOGUE"), "Idempotency-Key", "nhap-1");
        ApiClient.Answer two = upload("th-key", file, Map.of("kind", "CATALOGUE"), "Idempotency-Key", "nhap-1");

        assertThat(two.status()).isEqualTo(202);
        assertThat(two.text("importId")).isEqualTo(one.text("importId"));
        finished(one);
        assertThat(api.get("/api/v1/schools/th-key/imports").json().path("items")).hasSize(1);
        byte[] another = MarcFiles.utf8(List.of(MarcFiles.book("Bỉ vỏ", "Nguyên Hồng", null, "1938", "I-2")));
        LibraryFixture.refused(upload("th-key", another, Map.of("kind", "CATALOGUE"), "Idempotency-Key", "nhap-1"), 422,
                "IDEMPOTENCY_KEY_REUSED");
        LibraryFixture.refused(upload("th-key", file, Map.of("kind", "CATALOGUE", "dryRun", "true"), "Idempotency-Key",
                "nhap-1"), 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(api.get("/api/v1/schools/th-key/imports").json().path("items")).hasSize(1);
    }

    private ApiClient.Answer upload(String school, byte[] file, Map<String, String> fields, String... headers) {
        return Uploads.upload(port, school, "catalogue.mrc", file, fields, headers);
    }

    /** Waits for the job to finish; its answer, which then names the position of its last event. */
    private JsonNode finished(ApiClient.Answer accepted) {
        assertThat(accepted.header("Location").orElseThrow()).endsWith(accepted.text("importId"));
        ApiClient.Answer last = Uploads.finished(api, accepted);
        assertThat(last.header("X-Event-Position")).isPresent();
        return last.json();
    }

    private static List<Integer> counts(JsonNode job) {
        return List.of(job.path("total").asInt(), job.path("processed").asInt(), job.path("created").asInt(),
                job.path("updated").asInt(), job.path("unchanged").asInt(), job.path("rejected").asInt());
    }

    private static List<String> codes(JsonNode issues) {
        return java.util.stream.StreamSupport.stream(issues.spliterator(), false)
                .map(issue -> issue.path("record").asInt() + ":" + issue.path("code").asString()).toList();
    }

    private List<String> titlesOf(String school) {
        return jdbc.sql("select payload::jsonb ->> 'title' from domainevententry where payload like ? and payloadtype like '%.TitleCatalogued'")
                .param("%\"schoolId\":\"" + school + "\"%").query(String.class).list();
    }

    /** The school's titles and copies catalogued, in the order they were stored, as {@link #events(String, String...)} gives them. */
    private List<JsonNode> events(String school) {
        return events(school, "TitleCatalogued", "CopyAccessioned");
    }

    /** The school's events of {@code types} in the order they were stored: their type, their payload without the school and title ids, and the import's id and actor. */
    private List<JsonNode> events(String school, String... types) {
        return jdbc.sql("""
                        select json_build_object('type', regexp_replace(payloadtype, '^.*\\.', ''),
                            'payload', payload::jsonb - 'schoolId' - 'titleId',
                            'importId', metadata::jsonb ->> 'importId', 'actor', metadata::jsonb ->> 'actor')::text
                        from domainevententry where payload like ? and regexp_replace(payloadtype, '^.*\\.', '') = any(?)
                        order by globalindex""")
                .params("%\"schoolId\":\"" + school + "\"%", types).query(String.class).list().stream()
                .map(JSON::readTree).toList();
    }

    private static CatalogueCommandsForImports.NewCopy newCopy(String barcode) {
        return new CatalogueCommandsForImports.NewCopy(Barcode.of(barcode), null, null, null, true, null);
    }

    private List<String> copiesOf(String school) {
        return jdbc.sql("select barcode from cmd_copy where school_id = ?").param(school).query(String.class).list();
    }
}
