package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/** Catalogue imports from workbooks (XLSX and CSV) through HTTP, and the malformed ones. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.circulation.sweep-interval=1h", "motsach.web.max-upload-size=1MB"})
class WorkbookImportIT {

    private static final List<String> HEADERS = List.of("Số ĐKCB", "Nhan đề", "Tác giả", "Nhà xuất bản", "Năm xuất bản",
            "ISBN", "Môn loại", "Chủ đề", "Loại tài liệu", "Ngôn ngữ", "Giá", "Ngày nhập", "Nguồn", "Đọc tại chỗ");

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
    void anXlsxWithFormulasAndDatesGoesIn() throws IOException {
        LibraryFixture.primarySchool(api, "th-xlsx");
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Sách");
            header(sheet.createRow(0));
            Row first = sheet.createRow(1);
            cells(first, "W-1, W-2", "Dế Mèn phiêu lưu ký", "Tô Hoài; Nguyễn Văn A", "Kim Đồng", null, "978-604-2-12345-7",
                    "895.922", "Văn học; Thiếu nhi", "Thiếu nhi", "vie", "85.000 đ", null, "Mua", "x");
            first.createCell(4).setCellFormula("2000+19");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            first.createCell(11).setCellValue(LocalDate.of(2024, 5, 1));
            first.getCell(11).setCellStyle(date);
            Row second = sheet.createRow(3);
            cells(second, "W-3", "Tắt đèn", "Ngô Tất Tố", null, "1939", null, null, null, "Sách tham khảo", "Tiếng Việt", null,
                    null, null, null);
            second.createCell(11).setCellValue(45413);
            Row untitled = sheet.createRow(4);
            cells(untitled, "W-4", null, "Vô danh", null, null, null, null, null, null, null, null, null, null, null);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            file = bytes(workbook);
        }

        JsonNode job = finished(upload("th-xlsx", "sach.xlsx", file, Map.of("kind", "CATALOGUE")));

        assertThat(job.path("format").asString()).isEqualTo("XLSX");
        assertThat(List.of(job.path("total").asInt(), job.path("created").asInt(), job.path("rejected").asInt()))
                .containsExactly(3, 2, 1);
        JsonNode error = job.path("errors").get(0);
        assertThat(error.path("sheet").asString()).isEqualTo("Sách");
        assertThat(error.path("row").asInt()).isEqualTo(5);
        assertThat(error.path("code").asString()).isEqualTo("TITLE_MISSING");
        JsonNode title = event("th-xlsx", "TitleCatalogued", "Dế Mèn phiêu lưu ký");
        assertThat(title.path("publishedYear").asInt()).isEqualTo(2019);
        assertThat(title.path("isbn").asString()).isEqualTo("9786042123457");
        assertThat(title.path("docType").asString()).isEqualTo("CHILDREN");
        assertThat(title.path("authors").toString()).isEqualTo("[\"Tô Hoài\",\"Nguyễn Văn A\"]");
        assertThat(title.path("subjects").toString()).isEqualTo("[\"Văn học\",\"Thiếu nhi\"]");
        JsonNode copy = event("th-xlsx", "CopyAccessioned", "W-2");
        assertThat(copy.path("acquiredOn").asString()).isEqualTo("2024-05-01");
        assertThat(copy.path("price").decimalValue()).isEqualByComparingTo("85000");
        assertThat(copy.path("source").asString()).isEqualTo("Mua");
        assertThat(copy.path("loanable").asBoolean()).isFalse();
        assertThat(event("th-xlsx", "CopyAccessioned", "W-3").path("acquiredOn").asString()).isEqualTo("2024-05-01");
        assertThat(event("th-xlsx", "TitleCatalogued", "Tắt đèn").path("language").asString()).isEqualTo("vie");
        assertThat(event("th-xlsx", "TitleCatalogued", "Tắt đèn").path("docType").asString()).isEqualTo("REFERENCE");

        ApiClient.Download report = Uploads.download(port, "/api/v1/schools/th-xlsx/imports/" + job.path("importId").asString()
                + "/report?format=XLSX");
        assertThat(report.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Row headers = workbook.getSheetAt(0).getRow(0);
            assertThat(headers.getCell(0).getStringCellValue()).isEqualTo("Số ĐKCB");
            assertThat(headers.getCell(14).getStringCellValue()).isEqualTo("Mức (báo cáo)");
            Row rejected = workbook.getSheetAt(0).getRow(1);
            assertThat(rejected.getCell(0).getStringCellValue()).isEqualTo("W-4");
            assertThat(rejected.getCell(2).getStringCellValue()).isEqualTo("Vô danh");
            assertThat(rejected.getCell(14).getStringCellValue()).isEqualTo("Lỗi");
            assertThat(rejected.getCell(15).getStringCellValue()).isEqualTo("TITLE_MISSING");
            assertThat(rejected.getCell(17).getStringCellValue()).contains("nhan đề");
            assertThat(rejected.getCell(18).getStringCellValue()).isEqualTo("5");
        }
    }

    @Test
    void theReportGivesTheRowsBackAsTheyWereSoThatMendedItImportsAgainAsItIs() throws IOException {
        LibraryFixture.primarySchool(api, "th-mend");
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Sách");
            header(sheet.createRow(0));
            cells(sheet.createRow(1), "M-1", "Truyện A", "Tác giả A", null, "2001", null, null, null, null, null, null, null,
                    null, null);
            cells(sheet.createRow(2), "M-2", null, "Tác giả B", "Kim Đồng", "2002", null, null, null, null, null, null, null,
                    null, null);
            cells(sheet.createRow(3), "M-3", "Truyện C", "Tác giả C", null, "2003", "1", null, null, null, null, null, null,
                    null, null);
            file = bytes(workbook);
        }
        JsonNode first = finished(upload("th-mend", "sach.xlsx", file, Map.of("kind", "CATALOGUE")));
        assertThat(List.of(first.path("created").asInt(), first.path("rejected").asInt(), first.path("warnings").size()))
                .as(first.toString()).containsExactly(2, 1, 1);

        ApiClient.Download report = Uploads.download(port, "/api/v1/schools/th-mend/imports/" + first.path("importId").asString()
                + "/report?format=XLSX");
        byte[] mended;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row untitled = sheet.getRow(1);
            assertThat(untitled.getCell(0).getStringCellValue()).isEqualTo("M-2");
            assertThat(untitled.getCell(3).getStringCellValue()).isEqualTo("Kim Đồng");
            untitled.createCell(1).setCellValue("Truyện B");
            assertThat(sheet.getRow(2).getCell(15).getStringCellValue()).isEqualTo("ISBN_INVALID");
            mended = bytes(workbook);
        }

        JsonNode again = finished(upload("th-mend", "bao-cao-da-sua.xlsx", mended, Map.of("kind", "CATALOGUE")));

        assertThat(List.of(again.path("total").asInt(), again.path("created").asInt(), again.path("unchanged").asInt(),
                again.path("rejected").asInt())).as(again.toString()).containsExactly(2, 1, 1, 0);
        assertThat(event("th-mend", "TitleCatalogued", "Truyện B").path("publisher").asString()).isEqualTo("Kim Đồng");
        assertThat(event("th-mend", "CopyAccessioned", "M-2").path("titleId").asString())
                .isEqualTo(event("th-mend", "TitleCatalogued", "Truyện B").path("titleId").asString());
    }

    @Test
    void theTemplateHasVietnameseHeadersAndAnExampleRowThatImports() throws IOException {
        LibraryFixture.primarySchool(api, "th-template");
        ApiClient.Download template = Uploads.download(port, "/api/v1/import-templates/catalogue.xlsx");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            Row headers = workbook.getSheetAt(0).getRow(0);
            assertThat(headers.getCell(0).getStringCellValue()).isEqualTo("Số ĐKCB");
            assertThat(headers.getCell(1).getStringCellValue()).isEqualTo("Nhan đề");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Dế Mèn phiêu lưu ký");
            assertThat(headers.getCell(13).getStringCellValue()).isEqualTo("Đọc tại chỗ");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(13).getStringCellValue()).isEqualTo("Không");
            assertThat(headers.getCell(13).getCellComment().getString().getString()).contains("\"x\"", "\"Có\"", "\"Không\"");
            // every status word the import understands is in the note, those of a copy in the collection too
            assertThat(headers.getCell(16).getCellComment().getString().getString()).contains("\"Mất\"", "\"Thanh lý\"",
                    "\"Trên giá\"");
        }

        JsonNode job = finished(upload("th-template", "mau.xlsx", template.body(), Map.of("kind", "CATALOGUE")));

        assertThat(job.path("created").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(job.path("warnings")).isEmpty();
        assertThat(event("th-template", "CopyAccessioned", "TN-0001").path("loanable").asBoolean()).isTrue();
        assertThat(Uploads.download(port, "/api/v1/import-templates/patrons.xlsx").status()).isEqualTo(200);
        assertThat(Uploads.download(port, "/api/v1/import-templates/books.xlsx").status()).isEqualTo(404);
    }

    @Test
    void aCsvInUtf8WithBomAndEnglishHeadersGoesIn() {
        LibraryFixture.primarySchool(api, "th-csv");
        String csv = "\uFEFFBarcode,Title,Author,Year,Price\r\n\"C-1, C-2\",Số đỏ,Vũ Trọng Phụng,1936,\"85,000\"\r\n";

        JsonNode job = finished(upload("th-csv", "sach.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("kind", "CATALOGUE")));

        assertThat(job.path("format").asString()).isEqualTo("CSV");
        assertThat(job.path("created").asInt()).isEqualTo(1);
        assertThat(event("th-csv", "CopyAccessioned", "C-2").path("price").decimalValue()).isEqualByComparingTo("85000");
        assertThat(event("th-csv", "TitleCatalogued", "Số đỏ").path("authors").get(0).asString()).isEqualTo("Vũ Trọng Phụng");
    }

    @Test
    void excelsUnicodeTextAndASemicolonCsvGoIn() {
        LibraryFixture.primarySchool(api, "th-utf16");
        byte[] text = "Số ĐKCB\tNhan đề\tTác giả\r\nU-1\tĐất rừng phương Nam\tĐoàn Giỏi\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] unicodeText = new byte[text.length + 2];
        unicodeText[0] = (byte) 0xFF;
        unicodeText[1] = (byte) 0xFE;
        System.arraycopy(text, 0, unicodeText, 2, text.length);
        byte[] semicolons = "Số ĐKCB;Nhan đề;Tác giả;Giá\r\nU-2;Tắt đèn;Ngô Tất Tố;45000\r\n".getBytes(StandardCharsets.UTF_8);

        JsonNode first = finished(upload("th-utf16", "sach.txt", unicodeText, Map.of("kind", "CATALOGUE", "format", "CSV")));
        JsonNode second = finished(upload("th-utf16", "sach.csv", semicolons, Map.of("kind", "CATALOGUE")));

        assertThat(first.path("created").asInt()).as(first.toString()).isEqualTo(1);
        assertThat(second.path("created").asInt()).as(second.toString()).isEqualTo(1);
        assertThat(event("th-utf16", "TitleCatalogued", "Đất rừng phương Nam").path("authors").get(0).asString())
                .isEqualTo("Đoàn Giỏi");
        assertThat(event("th-utf16", "CopyAccessioned", "U-2").path("price").decimalValue()).isEqualByComparingTo("45000");
    }

    @Test
    void aReimportWhoseTitleChangedRevisesTheTitleAndCountsItUpdated() {
        LibraryFixture.primarySchool(api, "th-revise-import");
        String first = "Số ĐKCB,Nhan đề,Tác giả,Năm xuất bản,Nhà xuất bản,ISBN\r\nRV-1,Số đỏ,Vũ Trọng Phụng,1936,NXB Văn học,\r\n"
                + "RV-2,Giông tố,Vũ Trọng Phụng,1936,NXB Văn học,9786042123457\r\n";
        String changed = "Số ĐKCB,Nhan đề,Tác giả,Năm xuất bản,Nhà xuất bản,ISBN,Lần xuất bản\r\n"
                + "RV-1,Số đỏ,Vũ Trọng Phụng,1936,NXB Hội Nhà văn,,Tái bản\r\n"
                + "RV-2,Giông tố,Vũ Trọng Phụng,1936,NXB Văn học,9786042123457,\r\n";
        assertThat(finished(upload("th-revise-import", "a.csv", first.getBytes(StandardCharsets.UTF_8), Map.of("kind", "CATALOGUE")))
                .path("created").asInt()).isEqualTo(2);

        JsonNode again = finished(upload("th-revise-import", "b.csv", changed.getBytes(StandardCharsets.UTF_8),
                Map.of("kind", "CATALOGUE")));

        assertThat(List.of(again.path("created").asInt(), again.path("updated").asInt(), again.path("unchanged").asInt()))
                .as(again.toString()).containsExactly(0, 1, 1);
        JsonNode revised = event("th-revise-import", "TitleRevised", "Số đỏ");
        assertThat(revised.path("publisher").asString()).isEqualTo("NXB Hội Nhà văn");
        assertThat(revised.path("edition").asString()).isEqualTo("Tái bản");
        JsonNode third = finished(upload("th-revise-import", "c.csv", changed.getBytes(StandardCharsets.UTF_8),
                Map.of("kind", "CATALOGUE")));
        assertThat(third.path("unchanged").asInt()).as(third.toString()).isEqualTo(2);
    }

    /**
     * A barcode on two rows of one file is one copy described twice: the first row goes in, the
     * second is rejected naming the first's row, though it describes the same title.
     */
    @Test
    void aBarcodeOnTwoRowsOfTheFileTakesTheFirstRowAndRejectsTheSecond() {
        LibraryFixture.primarySchool(api, "th-twice");
        String csv = "Số ĐKCB,Nhan đề,Tác giả,Năm xuất bản,Giá\r\n"
                + "TW-1,Số đỏ,Vũ Trọng Phụng,1936,45000\r\n"
                + "TW-2,Giông tố,Vũ Trọng Phụng,1936,50000\r\n"
                + "TW-1,Số đỏ,Vũ Trọng Phụng,1936,90000\r\n";

        JsonNode dry = finished(upload("th-twice", "sach.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("kind", "CATALOGUE", "dryRun", "true")));
        JsonNode job = finished(upload("th-twice", "sach.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("kind", "CATALOGUE")));

        for (JsonNode run : List.of(dry, job)) {
            assertThat(List.of(run.path("created").asInt(), run.path("unchanged").asInt(), run.path("rejected").asInt()))
                    .as(run.toString()).containsExactly(2, 0, 1);
            JsonNode repeated = run.path("errors").get(0);
            assertThat(repeated.path("code").asString()).isEqualTo("BARCODE_REPEATED_IN_FILE");
            assertThat(repeated.path("row").asInt()).isEqualTo(4);
            // a workbook's row is a row ("dòng"), not a MARC record
            assertThat(repeated.path("message").asString()).contains("TW-1").contains("dòng 2").doesNotContain("bản ghi");
        }
        assertThat(event("th-twice", "CopyAccessioned", "TW-1").path("price").decimalValue()).isEqualByComparingTo("45000");
    }

    /**
     * A yes/no or status word the template does not document (a tester's "maybe", "Đang sửa") is
     * not taken silently: the copy goes in as the blank cell would have it, with a warning listing
     * the words understood.
     */
    @Test
    void aYesNoOrStatusWordTheTemplateDoesNotKnowIsReportedAndReadAsABlankCell() {
        LibraryFixture.primarySchool(api, "th-words");
        String csv = "Số ĐKCB,Nhan đề,Tác giả,Đọc tại chỗ,Tình trạng\r\n"
                + "WD-1,Số đỏ,Vũ Trọng Phụng,maybe,Đang sửa\r\n"
                + "WD-2,Giông tố,Vũ Trọng Phụng,no,Trên giá\r\n"
                + "WD-3,Vỡ đê,Vũ Trọng Phụng,Có,\r\n";

        JsonNode job = finished(upload("th-words", "sach.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("kind", "CATALOGUE")));

        assertThat(List.of(job.path("created").asInt(), job.path("rejected").asInt())).as(job.toString()).containsExactly(3, 0);
        JsonNode warnings = job.path("warnings");
        assertThat(warnings.findValuesAsString("code")).containsExactly("IN_LIBRARY_ONLY_UNKNOWN", "STATUS_UNKNOWN");
        assertThat(List.of(warnings.get(0).path("row").asInt(), warnings.get(1).path("row").asInt())).containsExactly(2, 2);
        assertThat(warnings.findValuesAsString("fieldLabel")).containsExactly("Đọc tại chỗ", "Tình trạng");
        assertThat(warnings.get(0).path("message").asString()).contains("\"maybe\"").contains("“Có”").contains("“Không”");
        assertThat(warnings.get(1).path("message").asString()).contains("\"Đang sửa\"").contains("“Mất”")
                .contains("“Thanh lý”").contains("“Trên giá”");
        assertThat(event("th-words", "CopyAccessioned", "WD-1").path("loanable").asBoolean()).isTrue();
        assertThat(event("th-words", "CopyAccessioned", "WD-2").path("loanable").asBoolean()).isTrue();
        assertThat(event("th-words", "CopyAccessioned", "WD-3").path("loanable").asBoolean()).isFalse();
    }

    /** A number outside what a field can be is dropped with a warning that says what is wrong with it, not that it is no number. */
    @Test
    void aNegativePriceAFutureYearOrDateAreDroppedSayingWhatIsWrong() throws IOException {
        LibraryFixture.primarySchool(api, "th-bounds");
        String csv = "Số ĐKCB,Nhan đề,Tác giả,Năm xuất bản,Giá,Ngày nhập\r\n"
                + "BD-1,Số đỏ,Vũ Trọng Phụng,1936,-5,\r\n"
                + "BD-2,Giông tố,Vũ Trọng Phụng,3026,\"1.000.000.000.000.000\",2999-01-01\r\n"
                + "BD-3,Tắt đèn,Ngô Tất Tố,-5,năm nghìn,\r\n";

        JsonNode job = finished(upload("th-bounds", "sach.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("kind", "CATALOGUE")));

        assertThat(job.path("created").asInt()).as(job.toString()).isEqualTo(3);
        assertThat(job.path("warnings").findValuesAsString("code")).containsExactly("PRICE_NEGATIVE", "YEAR_IN_FUTURE",
                "DATE_IN_FUTURE", "PRICE_TOO_LARGE", "YEAR_TOO_OLD", "PRICE_INVALID");
        assertThat(job.path("warnings").get(0).path("field").asString()).isEqualTo("price");
        assertThat(job.path("warnings").get(0).path("message").asString()).isEqualTo("Giá \"-5\" không được âm nên đã bỏ qua.");
        assertThat(job.path("warnings").get(1).path("message").asString()).contains("3026");
        JsonNode price = event("th-bounds", "CopyAccessioned", "BD-1").path("price");
        assertThat(price.isNull() || price.isMissingNode()).as(price.toString()).isTrue();

        // the librarian reads the column as the template names it; the API's field stays as it was
        assertThat(job.path("warnings").findValuesAsString("fieldLabel")).containsExactly("Giá", "Năm xuất bản", "Ngày nhập",
                "Giá", "Năm xuất bản", "Giá");
        // only what is no number is said to be none
        assertThat(job.path("warnings").get(4).path("message").asString()).isEqualTo("Năm xuất bản \"-5\" trước năm 1000 nên đã bỏ qua.");
        assertThat(job.path("warnings").get(5).path("message").asString())
                .isEqualTo("Giá \"năm nghìn\" không phải là một số nên đã bỏ qua.");
        String path = "/api/v1/schools/th-bounds/imports/" + job.path("importId").asString();
        assertThat(api.get(path, "Accept-Language", "en").json().path("warnings").get(0).path("fieldLabel").asString())
                .isEqualTo("Price");
        ApiClient.Download report = Uploads.download(port, path + "/report?format=XLSX");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("Trường lỗi");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(8).getStringCellValue()).isEqualTo("Giá");
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(8).getStringCellValue()).isEqualTo("Năm xuất bản, Ngày nhập, Giá");
        }
    }

    @Test
    void aFilesWordsThatLookLikeOurMessageKeysAreShownAsWritten() {
        LibraryFixture.primarySchool(api, "th-reason-words");
        String csv = "Số ĐKCB,Nhan đề,Ngôn ngữ\r\nRW-1,Truyện ngắn,reason.marc.truncated\r\n";

        JsonNode job = finished(upload("th-reason-words", "sach.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("kind", "CATALOGUE")));

        assertThat(job.path("warnings").get(0).path("code").asString()).isEqualTo("LANGUAGE_INVALID");
        assertThat(job.path("warnings").get(0).path("message").asString()).contains("reason.marc.truncated");
    }

    @Test
    void aCsvInWindows1258IsReadAsSuch() {
        LibraryFixture.primarySchool(api, "th-1258");
        String csv = "Số ĐKCB,Nhan đề,Tác giả\r\nV-1,Truyện Kiều,Nguyễn Du\r\n";
        byte[] file = windows1258(csv);

        JsonNode job = finished(upload("th-1258", "sach.csv", file, Map.of("kind", "CATALOGUE")));

        assertThat(job.path("created").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(event("th-1258", "TitleCatalogued", "Truyện Kiều").path("authors").get(0).asString()).isEqualTo("Nguyễn Du");
    }

    @Test
    void malformedWorkbooksFailTheJobWithAClearReason() throws IOException {
        LibraryFixture.primarySchool(api, "th-malformed");
        // TCVN3 writes "Truyện Kiều" with its own bytes for the accented letters
        byte[] tcvn3 = new byte[] {'N', 'h', 'a', 'n', ' ', 'd', (byte) 0xAE, (byte) 0xCA, '\r', '\n', 'T', 'r', 'u', 'y',
                (byte) 0xD6, 'n', ' ', 'K', 'i', (byte) 0xD3, 'u', '\r', '\n'};
        assertFailed("th-malformed", "sach.csv", tcvn3, "CSV_ENCODING", "TCVN3");
        assertFailed("th-malformed", "sach.csv", "Mã,Tên\r\n1,Một\r\n".getBytes(StandardCharsets.UTF_8), "HEADERS_UNKNOWN",
                "Nhan đề");
        assertFailed("th-malformed", "sach.xlsx", zip("readme.txt", "không phải bảng tính".getBytes(StandardCharsets.UTF_8)),
                "XLSX_UNREADABLE", "không phải bảng tính Excel");
        assertFailed("th-malformed", "sach.xlsx", zipBomb(), "XLSX_UNREADABLE", "nén bất thường");
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            header(book.createSheet("Sách").createRow(0));
            workbook = bytes(book);
        }
        JsonNode named = finished(upload("th-malformed", "sach.csv", workbook, Map.of("kind", "CATALOGUE", "format", "CSV")));
        assertThat(named.path("errors").get(0).path("code").asString()).as(named.toString()).isEqualTo("FORMAT_MISMATCH");
        assertThat(named.path("errors").get(0).path("message").asString()).contains("CSV", "bảng tính Excel (.xlsx)");
        byte[] marc = MarcFiles.utf8(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "MC-1")));
        JsonNode marcAsCsv = finished(upload("th-malformed", "sach.csv", marc, Map.of("kind", "CATALOGUE", "format", "CSV")));
        assertThat(marcAsCsv.path("errors").get(0).path("code").asString()).as(marcAsCsv.toString()).isEqualTo("FORMAT_MISMATCH");
        assertThat(marcAsCsv.path("errors").get(0).path("message").asString()).contains("CSV", "MARC 21", "MARC21");
        byte[] xls = java.util.Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1}, 1024);
        assertNotImported("th-malformed", "sach.xls", xls, "là bảng tính Excel cũ (.xls)");
        // a workbook, a CSV or a PDF sent as MARC: said to be what it is, not a MARC record with a damaged leader
        JsonNode workbookAsMarc = finished(upload("th-malformed", "sach.mrc", workbook, Map.of("kind", "CATALOGUE", "format",
                "MARC21")));
        assertThat(workbookAsMarc.path("errors").get(0).path("code").asString()).as(workbookAsMarc.toString())
                .isEqualTo("FORMAT_MISMATCH");
        assertThat(workbookAsMarc.path("errors").get(0).path("message").asString()).contains("MARC21", "bảng tính Excel (.xlsx)");
        JsonNode csvAsMarcXml = finished(upload("th-malformed", "sach.xml", "Nhan đề,Tác giả\r\nSố đỏ,Vũ Trọng Phụng\r\n"
                .getBytes(StandardCharsets.UTF_8), Map.of("kind", "CATALOGUE", "format", "MARCXML")));
        assertThat(csvAsMarcXml.path("errors").get(0).path("code").asString()).as(csvAsMarcXml.toString())
                .isEqualTo("FORMAT_MISMATCH");
        assertThat(csvAsMarcXml.path("errors").get(0).path("message").asString()).contains("MARCXML", "CSV");
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        assertNotImported("th-malformed", "sach.pdf", pdf, "là tệp PDF");
        // named a workbook, a PDF is said to be one at once, not "not a readable XLSX"
        ApiClient.Answer pdfAsXlsx = upload("th-malformed", "sach.xlsx", pdf, Map.of("kind", "CATALOGUE", "format", "XLSX"));
        LibraryFixture.refused(pdfAsXlsx, 400, "FORMAT_MISMATCH");
        assertThat(pdfAsXlsx.text("detail")).isEqualTo("Tệp được gửi là XLSX nhưng thực ra là tệp PDF, loại tệp không nhập được: "
                + "hãy xuất dữ liệu ra tệp MARC 21, MARCXML, XLSX hoặc CSV (hoặc điền vào bảng tính mẫu) rồi nhập tệp đó.");
        assertThat(jdbc.sql("select count(*) from cmd_title_match where school_id = 'th-malformed'").query(Long.class).single())
                .isZero();
    }

    /** As Windows-1258 writes Vietnamese: the letter with its circumflex, breve or horn, then the tone as a combining mark. */
    private static byte[] windows1258(String text) {
        Charset charset = Charset.forName("windows-1258");
        StringBuilder written = new StringBuilder();
        text.codePoints().forEach(c -> {
            String letter = Character.toString(c);
            if (charset.newEncoder().canEncode(letter)) {
                written.append(letter);
                return;
            }
            String decomposed = java.text.Normalizer.normalize(letter, java.text.Normalizer.Form.NFD);
            String tone = decomposed.replaceAll("[^\u0300\u0301\u0303\u0309\u0323]", "");
            written.append(java.text.Normalizer.normalize(decomposed.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", ""),
                    java.text.Normalizer.Form.NFC)).append(tone);
        });
        assertThat(charset.newEncoder().canEncode(written)).isTrue();
        return written.toString().getBytes(charset);
    }

    private void assertFailed(String school, String name, byte[] file, String code, String words) {
        JsonNode job = finished(upload(school, name, file, Map.of("kind", "CATALOGUE")));
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.path("errors").get(0).path("code").asString()).isEqualTo(code);
        assertThat(job.path("errors").get(0).path("message").asString()).contains(words)
                .doesNotContain("Zip bomb", "ZipSecureFile", "reason.");
    }

    /**
     * A file of a kind no reader imports, sent with no format named: refused at once saying what it
     * is (a format guessed for it was never "sent"), and no job made.
     */
    private void assertNotImported(String school, String name, byte[] file, String words) {
        long jobs = jdbc.sql("select count(*) from cmd_import_job where school_id = ?").param(school).query(Long.class).single();
        ApiClient.Answer refused = upload(school, name, file, Map.of("kind", "CATALOGUE"));
        LibraryFixture.refused(refused, 400, "IMPORT_FILE_KIND_NOT_IMPORTED");
        assertThat(refused.text("detail")).startsWith("Tệp gửi lên " + words).doesNotContain("được gửi là", "reason.");
        assertThat(jdbc.sql("select count(*) from cmd_import_job where school_id = ?").param(school).query(Long.class).single())
                .isEqualTo(jobs);
    }

    /** A real workbook whose sheet is padded with megabytes of blanks: it inflates a thousandfold. */
    private static byte[] zipBomb() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            header(book.createSheet("Sách").createRow(0));
            workbook = bytes(book);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(" ".repeat(20_000_000).getBytes(StandardCharsets.US_ASCII));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void header(Row row) {
        for (int i = 0; i < HEADERS.size(); i++) {
            row.createCell(i).setCellValue(HEADERS.get(i));
        }
    }

    private static void cells(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode event(String school, String type, String naming) {
        String payload = jdbc.sql("""
                        select payload from domainevententry where payload like ? and payloadtype like ?
                        and (payload::jsonb ->> 'title' = ? or payload::jsonb ->> 'barcode' = ?)""")
                .params("%\"schoolId\":\"" + school + "\"%", "%." + type, naming, naming).query(String.class).single();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload);
    }

    private ApiClient.Answer upload(String school, String name, byte[] file, Map<String, String> fields) {
        return Uploads.upload(port, school, name, file, fields);
    }

    private JsonNode finished(ApiClient.Answer accepted) {
        return Uploads.finished(api, accepted).json();
    }
}
