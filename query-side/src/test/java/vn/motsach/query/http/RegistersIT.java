package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.IntakeReceived;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.testing.TestTokens;

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
                new CopyWithdrawn(school, Barcode.of("TN-2"), duong, "Rách nát, không thể phục hồi", LocalDate.of(2026, 3, 2)),
                new CopyReportedLost(school, Barcode.of("SGK-1"), toan, LocalDate.of(2026, 4, 20), Instant.parse("2026-04-20T02:00:00Z"),
                        "Học sinh làm mất", null, null, null, null));

        List<List<String>> expected = List.of(
                List.of("1", "05/09/2025", "TN-10", "Đường về nhà", "Nguyễn Thị Ánh Tuyết; Lê Văn Ấn", "Kim Đồng", "2020", "45000",
                        "895.922 NG-T", "HĐ-0042"),
                List.of("2", "03/09/2025", "TN-2", "Đường về nhà", "Nguyễn Thị Ánh Tuyết; Lê Văn Ấn", "Kim Đồng", "2020", "45000",
                        "895.922 NG-T", "HĐ-0042", "02/03/2026", "Thanh lý: Rách nát, không thể phục hồi"),
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
    void badRangesAndFormatsAreRefusedWithTheFieldNamed() {
        feed.append(new SchoolRegistered(school, "Trường Tiểu học Hoa Sen", List.of(EducationLevel.PRIMARY), null));
        assertThat(api.get(base + "/registers/individual?format=DOCX").json().path("errors").get(0).path("field").asString())
                .isEqualTo("format");
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

    Download download(String path, long position) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + base + path))
                        .header("Authorization", "Bearer " + TestTokens.ofSchool("thu-thu", "LIBRARIAN", school.value()))
                        .header("X-Min-Event-Position", Long.toString(position)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    record Download(int status, String contentType, byte[] body) {
    }
}
