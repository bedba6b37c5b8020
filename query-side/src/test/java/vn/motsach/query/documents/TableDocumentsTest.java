package vn.motsach.query.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Table documents read back with POI and PDFBox: the heading, the columns and every row, Vietnamese letters exactly. */
class TableDocumentsTest {

    private static final DocumentHeading HEADING = new DocumentHeading("Thư viện trường THCS Lê Quý Đôn",
            "Sổ đăng ký cá biệt", "Năm học 2025-2026", LocalDate.of(2026, 5, 31));
    private static final List<Column> COLUMNS = List.of(new Column("STT", 5), new Column("Số ĐKCB", 12),
            new Column("Nhan đề", 40), new Column("Tác giả", 25), new Column("Ngày vào sổ", 12), new Column("Giá", 10));
    private static final List<Object> ROW = List.of(1, "TK-000001", "Đường về nhà", "Nguyễn Thị Ánh Tuyết",
            LocalDate.of(2025, 9, 5), 45000);

    @Test
    void xlsxKeepsTheHeadingColumnsAndRowsWithTheirDiacritics() throws IOException {
        byte[] file = write(DocumentFormat.XLSX, 1);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Thư viện trường THCS Lê Quý Đôn");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Sổ đăng ký cá biệt");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Thời gian: Năm học 2025-2026");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Ngày lập: 31/05/2026");
            Row headings = sheet.getRow(5);
            assertThat(headings.getCell(1).getStringCellValue()).isEqualTo("Số ĐKCB");
            Row first = sheet.getRow(6);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Đường về nhà");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("Nguyễn Thị Ánh Tuyết");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("05/09/2025");
            assertThat(cells.formatCellValue(first.getCell(5))).isEqualTo("45000");
        }
    }

    @Test
    void pdfShowsEveryVietnameseLetterWithItsEmbeddedFontOnAsManyPagesAsTheRowsNeed() throws IOException {
        byte[] file = write(DocumentFormat.PDF, 120);

        try (PDDocument pdf = Loader.loadPDF(file)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Thư viện trường THCS Lê Quý Đôn", "Sổ đăng ký cá biệt", "Năm học 2025-2026",
                    "31/05/2026", "Số ĐKCB", "Nhan đề", "Đường về nhà", "Nguyễn Thị Ánh Tuyết", "05/09/2025", "45000");
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(text.split("Đường về nhà", -1)).hasSize(121);
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
        }
    }

    @Test
    void aTableOfNoRowsStillHasItsHeading() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(DocumentFormat.PDF, 0))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Sổ đăng ký cá biệt", "Tác giả");
        }
    }

    private static byte[] write(DocumentFormat format, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = TableDocuments.open(format, HEADING, COLUMNS, out)) {
            for (int i = 0; i < rows; i++) {
                List<Object> row = new ArrayList<>(ROW);
                row.set(0, i + 1);
                table.row(row);
            }
        }
        return out.toByteArray();
    }
}
