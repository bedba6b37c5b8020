package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.IntakeId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.IntakeReceived;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;

/**
 * The registers over HTTP, read back as a librarian would open them: the XLSX with POI, the
 * PDF's text with PDFBox, the same lines in both, Vietnamese letters exactly.
 */
class RegistersIT extends RunningQuerySide {

    /**
     * Every run keeps the rendered first pages under target; {@code -Dmotsach.documents.update=true}
     * also replaces those under docs/documents that reviewers see.
     */
    static final Path PAGES = Path.of(Boolean.getBoolean("motsach.documents.update") ? "../docs/documents" : "target/documents");

    private final TitleId duong = TitleId.of(UUID.randomUUID());
    private final TitleId toan = TitleId.of(UUID.randomUUID());
    private final IntakeId intake = IntakeId.of(UUID.randomUUID());

    @Test
    void theIndividualRegisterListsCopiesInTheOrderTheyWereEnteredWithTheirDepartures() throws Exception {
        long position = feed.append(new SchoolRegistered(school, "Trường THCS Lê Quý Đôn", List.of(EducationLevel.LOWER_SECONDARY), null),
                new TitleCatalogued(school, duong, "Đường về nhà", List.of("Nguyễn Thị Ánh Tuyết", "Lê Văn Ấn"), null, "Kim Đồng",
                        2020, "895.922 NG-T", List.of(), DocType.CHILDREN, "vie"),
                new TitleCatalogued(school, toan, "Toán 6 – Tập một", List.of("Hà Huy Khoái"), null, "Giáo dục Việt Nam", 2021,
                        "51", List.of(), DocType.TEXTBOOK, "vie"),
                new IntakeReceived(school, intake, LocalDate.of(2025, 9, 3), AcquisitionSource.PURCHASE, "HĐ-0042", null),
                copy("TN-10", duong, LocalDate.of(2025, 9, 5), intake, "45000"),
                copy("TN-2", duong, null, intake, "45000"),
                copy("SGK-1", toan, LocalDate.of(2026, 1, 12), null, "18500"),
                new CopyWithdrawn(school, Barcode.of("TN-2"), duong, "Rách nát, không thể phục hồi", LocalDate.of(2026, 3, 2),
                        "15/QĐ-THCS"),
                new CopyReportedLost(school, Barcode.of("SGK-1"), toan, LocalDate.of(2026, 4, 20), Instant.parse("2026-04-20T02:00:00Z"),
                        "Học sinh làm mất", null, null, null, null));

        List<List<String>> expected = List.of(
                List.of("1", "05/09/2025", "TN-10", "Đường về nhà", "Nguyễn Thị Ánh Tuyết; Lê Văn Ấn", "Kim Đồng", "2020", "45000",
                        "895.922 NG-T", "HĐ-0042"),
                List.of("2", "03/09/2025", "TN-2", "Đường về nhà", "Nguyễn Thị Ánh Tuyết; Lê Văn Ấn", "Kim Đồng", "2020", "45000",
                        "895.922 NG-T", "HĐ-0042", "02/03/2026", "Thanh lý theo QĐ số 15/QĐ-THCS: Rách nát, không thể phục hồi"),
                List.of("3", "12/01/2026", "SGK-1", "Toán 6 – Tập một", "Hà Huy Khoái", "Giáo dục Việt Nam", "2021", "18500", "51", "",
                        "20/04/2026", "Mất: Học sinh làm mất"));

        Download xlsx = download("/registers/individual?format=XLSX", position);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> sheet = rows(xlsx.body());
        assertThat(sheet.get(0)).containsExactly("Trường THCS Lê Quý Đôn");
        assertThat(sheet.get(1)).containsExactly("Sổ đăng ký cá biệt");
        assertThat(sheet.get(2)).containsExactly("Thời gian: Toàn bộ sổ");
        assertThat(sheet.get(5)).containsExactly("STT", "Ngày vào sổ", "Số ĐKCB", "Nhan đề", "Tác giả", "Nơi xuất bản/Nhà xuất bản",
                "Năm xuất bản", "Giá (đồng)", "Môn loại", "Số chứng từ nhập", "Ngày xuất", "Lý do xuất");
        assertThat(sheet.subList(6, sheet.size())).isEqualTo(expected);

        Download pdf = download("/registers/individual?format=pdf", position);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text = pdfText(pdf.body(), "so-dang-ky-ca-biet.png");
        // a long cell wraps within its column, its words on the lines the PDF's text gives one after the other
        for (List<String> line : expected) {
            for (String cell : line) {
                assertThat(text).contains(cell.split(" "));
            }
        }
        assertThat(text.indexOf("TN-10")).isLessThan(text.indexOf("TN-2")).isLessThan(text.indexOf("SGK-1"));

        // a range of entry days keeps each line's number in the whole register
        List<List<String>> spring = rows(download("/registers/individual?from=2026-01-01&to=2026-12-31", position).body());
        assertThat(spring.get(2)).containsExactly("Thời gian: từ 01/01/2026 đến 31/12/2026");
        assertThat(spring.subList(6, spring.size())).isEqualTo(List.of(expected.get(2)));
    }

    @Test
    void theGeneralRegisterGivesTheYearsIntakesDecisionsAndTotalsByDocumentType() throws Exception {
        IntakeId donation = IntakeId.of(UUID.randomUUID());
        TitleId tham = TitleId.of(UUID.randomUUID());
        TitleId tong = TitleId.of(UUID.randomUUID());
        long position = feed.append(new SchoolRegistered(school, "Trường THCS Lê Quý Đôn", List.of(EducationLevel.LOWER_SECONDARY), null),
                new SchoolYearScheduled(school, SchoolYear.of("2025-2026"), LocalDate.of(2025, 9, 5), LocalDate.of(2026, 5, 31),
                        List.of(), List.of()),
                new TitleCatalogued(school, duong, "Đường về nhà", List.of("Nguyễn Nhật Ánh"), null, "Trẻ", 2020, "895.922",
                        List.of(), DocType.CHILDREN, "vie"),
                new TitleCatalogued(school, toan, "Toán 6", List.of(), null, null, null, "51", List.of(), DocType.TEXTBOOK, "vie"),
                new TitleCatalogued(school, tham, "Từ điển tiếng Việt", List.of(), null, null, null, "4V3", List.of(),
                        DocType.REFERENCE, "vie"),
                new TitleCatalogued(school, tong, "Atlat Địa lí", List.of(), null, null, null, "91", List.of(), DocType.GENERAL, "vie"),
                accessioned("OLD-1", tham, DocType.REFERENCE, LocalDate.of(2024, 10, 1), null, "30000"),
                accessioned("OLD-2", toan, DocType.TEXTBOOK, LocalDate.of(2024, 10, 1), null, "20000"),
                new CopyWithdrawn(school, Barcode.of("OLD-2"), toan, "Cũ", LocalDate.of(2025, 3, 1), null),
                new IntakeReceived(school, intake, LocalDate.of(2025, 9, 10), AcquisitionSource.PURCHASE, "HĐ-0042", null),
                accessioned("TN-1", duong, DocType.CHILDREN, null, intake, "45000"),
                accessioned("TN-2", duong, DocType.CHILDREN, null, intake, "45000"),
                accessioned("SGK-1", toan, DocType.TEXTBOOK, null, intake, "18500"),
                new IntakeReceived(school, donation, LocalDate.of(2025, 11, 2), AcquisitionSource.DONATION, "BB-07", "Hội phụ huynh"),
                accessioned("STK-1", tham, DocType.REFERENCE, null, donation, null),
                accessioned("NEW-1", tong, DocType.GENERAL, LocalDate.of(2026, 1, 5), null, "60000"),
                new CopyWithdrawn(school, Barcode.of("TN-2"), duong, "Rách nát", LocalDate.of(2026, 3, 2), "15/QĐ-THCS"),
                new CopyWithdrawn(school, Barcode.of("OLD-1"), tham, "Lạc hậu", LocalDate.of(2026, 3, 3), "15/QĐ-THCS"),
                new CopyReportedLost(school, Barcode.of("SGK-1"), toan, LocalDate.of(2026, 4, 20), Instant.parse("2026-04-20T02:00:00Z"),
                        "Học sinh làm mất", null, null, null, null),
                new CopyWithdrawn(school, Barcode.of("TN-1"), duong, "Rách", LocalDate.of(2026, 6, 15), "20/QĐ-THCS"));

        // columns: STT, day, document, what, then Sách giáo khoa, tham khảo, nghiệp vụ, thiếu nhi, tổng hợp, báo, số; copies, value
        List<List<String>> expected = List.of(
                List.of("", "", "", "Phần I. Tổng số sách nhập vào thư viện trong năm"),
                List.of("1", "10/09/2025", "HĐ-0042", "Mua", "1", "0", "0", "2", "0", "0", "0", "3", "108500"),
                List.of("2", "02/11/2025", "BB-07", "Tặng, biếu", "0", "1", "0", "0", "0", "0", "0", "1", "0"),
                List.of("3", "", "", "Vào sổ không theo đợt nhập", "0", "0", "0", "0", "1", "0", "0", "1", "60000"),
                List.of("", "", "", "Phần II. Tổng số sách xuất khỏi thư viện trong năm"),
                List.of("1", "02/03/2026", "15/QĐ-THCS", "Thanh lý: Lạc hậu; Rách nát", "0", "1", "0", "1", "0", "0", "0", "2", "75000"),
                List.of("2", "20/04/2026", "", "Mất: Học sinh làm mất", "1", "0", "0", "0", "0", "0", "0", "1", "18500"),
                List.of("", "", "", "Phần III. Tổng số sách của thư viện đến cuối năm học 2025-2026"),
                List.of("", "", "", "Tồn đầu năm học", "0", "1", "0", "0", "0", "0", "0", "1", "30000"),
                List.of("", "", "", "Nhập trong năm học", "1", "1", "0", "2", "1", "0", "0", "5", "168500"),
                List.of("", "", "", "Xuất trong năm học", "1", "1", "0", "1", "0", "0", "0", "3", "93500"),
                List.of("", "", "", "Tồn cuối năm học", "0", "1", "0", "1", "1", "0", "0", "3", "105000"));

        List<List<String>> sheet = rows(download("/registers/general?schoolYear=2025-2026&format=XLSX", position).body());
        assertThat(sheet.get(1)).containsExactly("Sổ đăng ký tổng quát");
        assertThat(sheet.get(2)).containsExactly("Thời gian: Năm học 2025-2026 (05/09/2025 – 31/05/2026)");
        assertThat(sheet.get(5)).containsExactly("STT", "Ngày", "Số chứng từ / quyết định", "Nguồn nhập / lý do xuất",
                "Sách giáo khoa", "Sách tham khảo", "Sách nghiệp vụ", "Thiếu nhi", "Tổng hợp", "Báo, tạp chí", "Tài liệu số",
                "Tổng số bản", "Giá trị (đồng)");
        assertThat(sheet.subList(6, sheet.size())).isEqualTo(expected);

        String text = pdfText(download("/registers/general?schoolYear=2025-2026&format=PDF", position).body(),
                "so-dang-ky-tong-quat.png");
        for (List<String> line : expected) {
            // each line's numbers in the order the columns give them
            String numbers = String.join(" ", line.subList(Math.min(4, line.size()), line.size()));
            assertThat(text).contains(numbers);
            for (String cell : line.subList(0, Math.min(4, line.size()))) {
                assertThat(text).contains(cell.split(" "));
            }
        }

        assertThat(api.get(base + "/registers/general?schoolYear=2024-2025").text("code")).isEqualTo("SCHOOL_YEAR_NOT_FOUND");
        assertThat(api.get(base + "/registers/general?schoolYear=2025-2027").json().path("errors").get(0).path("field")
                .asString()).isEqualTo("schoolYear");
    }

    private CopyAccessioned accessioned(String barcode, TitleId title, DocType type, LocalDate acquiredOn, IntakeId in, String price) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, barcode, type, acquiredOn, null,
                price == null ? null : new BigDecimal(price), true, in, null);
    }

    @Test
    void badRangesAndFormatsAreRefusedWithTheFieldNamed() {
        feed.append(new SchoolRegistered(school, "Trường Tiểu học Hoa Sen", List.of(EducationLevel.PRIMARY), null));
        var docx = api.get(base + "/registers/individual?format=DOCX").json().path("errors").get(0);
        assertThat(docx.path("field").asString()).isEqualTo("format");
        assertThat(docx.path("message").asString()).isEqualTo("Định dạng tài liệu phải là một trong: XLSX, PDF.");
        assertThat(api.get(base + "/registers/individual?from=2026-02-01&to=2026-01-01").json().path("errors").get(0)
                .path("field").asString()).isEqualTo("to");
        assertThat(api.get("/api/v1/schools/khong-co/registers/individual").text("code")).isEqualTo("SCHOOL_NOT_FOUND");
    }

    private CopyAccessioned copy(String barcode, TitleId title, LocalDate acquiredOn, IntakeId in, String price) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, title.equals(duong) ? "Đường về nhà" : "Toán 6 – Tập một",
                title.equals(duong) ? DocType.CHILDREN : DocType.TEXTBOOK, acquiredOn, "Mua", new BigDecimal(price), true, in, null);
    }

    /** Every row of the first sheet as the texts a reader sees, empty cells as empty texts up to the row's last written one. */
    static List<List<String>> rows(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                List<String> cells = new ArrayList<>();
                for (int j = 0; row != null && j < row.getLastCellNum(); j++) {
                    cells.add(row.getCell(j) == null ? "" : formatter.formatCellValue(row.getCell(j)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    /** The PDF's text; its first page is kept rendered under {@code name}. */
    static String pdfText(byte[] pdf, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Files.createDirectories(PAGES);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", PAGES.resolve(name).toFile());
            return new PDFTextStripper().getText(document);
        }
    }
}
