package vn.motsach.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.query.documents.DocumentFormat;

/**
 * The self-assessment report and the authority's report written from evaluations, read back:
 * the XLSX with POI, the PDF's text with PDFBox, numbers and Vietnamese words as the JSON has
 * them. Page 1 of each PDF is kept under target/documents for docs/documents.
 */
class Circular16DocumentsTest {

    private static final LocalDate MADE_ON = LocalDate.of(2026, 12, 5);

    @Test
    void theSelfAssessmentCarriesEveryCriterionWithItsNumbersAndEvidence() throws IOException {
        EvaluationView evaluation = Circular16Evaluation.evaluate(school("th-dtd", "Trường Tiểu học Đoàn Thị Điểm", 29), Instant.EPOCH);
        List<List<Object>> rows = rows(write(out -> Circular16Documents.selfAssessment(evaluation, DocumentFormat.XLSX, MADE_ON, out)));
        List<Object> copies = rows.stream().filter(row -> row.contains("S1-COPIES-PER-STUDENT")).findFirst().orElseThrow();
        assertThat(copies.get(2)).isEqualTo("Số bản sách trên mỗi học sinh (trẻ) theo cấp học");
        assertThat((Double) copies.get(4)).isEqualTo(2.9);
        assertThat((Double) copies.get(5)).isEqualTo(3.0);
        assertThat(copies.get(7)).isEqualTo("Không");
        assertThat(copies.get(8)).isEqualTo("Chưa đạt");
        assertThat(copies.get(9)).isEqualTo("29 bản sách đang lưu hành thuộc các loại được tính (không kể bản đã thanh lý, bị mất); "
                + "Tiểu học: 10 học sinh");
        long criteria = rows.stream().filter(row -> row.size() > 1 && row.get(1) instanceof String id && id.matches("S\\d-.*")).count();
        assertThat(criteria).isEqualTo(evaluation.standards().stream().mapToLong(s -> s.criteria().size()).sum());

        byte[] pdf = write(out -> Circular16Documents.selfAssessment(evaluation, DocumentFormat.PDF, MADE_ON, out));
        String text = squeezed(text(pdf, "circular-16-self-assessment-page-1.png"));
        assertThat(text).contains(squeezed(Circular16Documents.SELF_ASSESSMENT), squeezed("Trường Tiểu học Đoàn Thị Điểm"),
                squeezed("Năm học 2026-2027"), squeezed("Ngày lập: 05/12/2026"), squeezed("Kết quả chung của thư viện"),
                squeezed("Cần làm để đạt mức độ 1 (tiêu chuẩn 1): Bổ sung ít nhất 1 bản sách (hiện có 29 bản sách cho 10 học sinh; "
                        + "mức độ 1 cần 3 bản mỗi học sinh)."));
    }

    @Test
    void theAuthoritysReportCarriesItsSummaryLinesAndOneLinePerSchool() throws IOException {
        List<EvaluationView> schools = List.of(
                Circular16Evaluation.evaluate(school("th-a", "Trường Tiểu học Ánh Dương", 29), Instant.EPOCH),
                Circular16Evaluation.evaluate(school("th-b", "Trường Tiểu học Bình Minh", 40), Instant.EPOCH));
        AuthorityReportView report = AuthorityReport.of("xa-yen-the", "2026-2027", schools, Instant.EPOCH);
        assertThat(report.levels().get(0).summary())
                .isEqualTo("Tiểu học: 0/2 trường (0%) mức độ 1; 0/2 trường (0%) mức độ 2; 2/2 trường (100%) chưa đạt");
        assertThat(report.levels().get(0).notMetShare()).isEqualByComparingTo(new BigDecimal("100"));

        List<List<Object>> rows = rows(write(out -> Circular16Documents.authorityReport(report, DocumentFormat.XLSX, MADE_ON, out)));
        assertThat(rows.stream().flatMap(List::stream).map(String::valueOf))
                .contains(report.levels().get(0).summary(), report.total().summary());
        List<Object> line = rows.stream().filter(row -> row.contains("Trường Tiểu học Bình Minh")).findFirst().orElseThrow();
        // 40 copies for 10 students: standard 1 at level 1, the others short of it with nothing declared
        assertThat(line).containsExactly(2.0, "Trường Tiểu học Bình Minh", "Tiểu học", "Chưa đạt", "Mức độ 1", "Chưa đạt",
                "Chưa đạt", "Chưa đạt", "Chưa đạt");

        String text = squeezed(text(write(out -> Circular16Documents.authorityReport(report, DocumentFormat.PDF, MADE_ON, out)),
                "circular-16-authority-page-1.png"));
        assertThat(text).contains(squeezed(Circular16Documents.AUTHORITY_REPORT), squeezed(report.levels().get(0).summary()),
                squeezed("Trường Tiểu học Ánh Dương"), squeezed("Cơ quan quản lý: xa-yen-the"));
    }

    private static SchoolFacts school(String id, String name, int copies) {
        return new SchoolFacts(id, name, List.of(EducationLevel.PRIMARY), "2026-2027", LocalDate.of(2026, 9, 5),
                LocalDate.of(2027, 5, 31), LocalDate.of(2026, 12, 4), new EnumMap<>(Map.of(EducationLevel.PRIMARY, 10)), 2,
                Map.of(DocType.CHILDREN, new SchoolFacts.Copies(copies, copies)), copies, 1, 1, 3, 2, 1, List.of(),
                null, null, Thresholds.DEFAULTS);
    }

    private interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] write(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toByteArray();
    }

    private static List<List<Object>> rows(byte[] file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The PDF's text; its first page is kept as an image for reviewers. */
    private static String text(byte[] pdf, String image) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path directory = Files.createDirectories(Path.of("target", "documents"));
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", directory.resolve(image).toFile());
            return new PDFTextStripper().getText(document);
        }
    }

    /** Without spaces and line breaks, as a PDF's wrapped cells give the text back. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
