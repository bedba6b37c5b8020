package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** How a file's format is recognised from its first bytes when the request names none, and how a workbook's text is read. */
class ImportReadingTest {

    /** Every row's cells under a header row that starts with "Nhan đề". */
    private static final WorkbookRows.Template<List<String>> CELLS = new WorkbookRows.Template<>() {
        @Override
        public Optional<Function<List<String>, List<String>>> columns(List<String> headers) {
            return "Nhan đề".equals(headers.get(0)) ? Optional.of(List::copyOf) : Optional.empty();
        }

        @Override
        public List<String> headers() {
            return List.of("Nhan đề", "Tác giả");
        }

        @Override
        public String required() {
            return "Nhan đề";
        }
    };

    @Test
    void aFileIsRecognisedFromItsFirstBytes() {
        assertThat(recognise("00714nam a2200205 a 4500")).isEqualTo("MARC21");
        assertThat(recognise("\uFEFF<?xml version=\"1.0\"?><collection>")).isEqualTo("MARCXML");
        assertThat(recognise("  <collection xmlns=\"http://www.loc.gov/MARC21/slim\">")).isEqualTo("MARCXML");
        assertThat(recognise("PK\u0003\u0004rest of a zip")).isEqualTo("XLSX");
        assertThat(recognise("\uFEFFSố ĐKCB,Nhan đề")).isEqualTo("CSV");
        assertThat(recognise("12345,Nhan đề")).isEqualTo("CSV");
        assertThat(ImportFormat.recognise(new byte[64], 0)).isEmpty();
    }

    @Test
    void aCsvSeparatedBySemicolonsOrTabsIsReadByItsHeaderLine() {
        byte[] semicolons = "Nhan đề;Tác giả;Giá\r\n\"Số đỏ; tái bản\";Vũ Trọng Phụng;85000,50\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] tabs = "\r\nNhan đề\tTác giả, biên soạn\r\nSố đỏ\tVũ Trọng Phụng\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] commas = "Nhan đề,Tác giả\r\nLão Hạc,\"Nam Cao; Tô Hoài\"\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(read(ImportFormat.CSV, semicolons)).containsExactly(List.of("Số đỏ; tái bản", "Vũ Trọng Phụng", "85000,50"));
        assertThat(read(ImportFormat.CSV, tabs)).containsExactly(List.of("Số đỏ", "Vũ Trọng Phụng"));
        assertThat(read(ImportFormat.CSV, commas)).containsExactly(List.of("Lão Hạc", "Nam Cao; Tô Hoài"));
    }

    @Test
    void excelsUnicodeTextIsReadAsUtf16() {
        String text = "Nhan đề\tTác giả\r\nĐất rừng phương Nam\tĐoàn Giỏi\r\n";
        byte[] littleEndian = withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        byte[] bigEndian = withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));

        assertThat(read(ImportFormat.CSV, littleEndian)).containsExactly(List.of("Đất rừng phương Nam", "Đoàn Giỏi"));
        assertThat(read(ImportFormat.CSV, bigEndian)).containsExactly(List.of("Đất rừng phương Nam", "Đoàn Giỏi"));
    }

    /** A negative number cell keeps its sign: the catalogue then says a year "-2020" is out of range, not 2020. */
    @Test
    void aNegativeNumberIsReadWithItsSign() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("Sách");
            sheet.createRow(0).createCell(0).setCellValue("Nhan đề");
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Số đỏ");
            row.createCell(1).setCellValue(-2020);
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        assertThat(read(ImportFormat.XLSX, xlsx)).containsExactly(List.of("Số đỏ", "-2020"));
        assertThat(read(ImportFormat.CSV, "Nhan đề,Năm\r\nSố đỏ,-2020\r\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(List.of("Số đỏ", "-2020"));
    }

    @Test
    void aWorkbookSentAsACsvIsSaidToBeOne() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Sách").createRow(0).createCell(0).setCellValue("Nhan đề");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        // an old .xls is an OLE2 compound file: its signature, then what Excel 97 writes
        byte[] xls = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 512);

        assertThatThrownBy(() -> read(ImportFormat.CSV, xlsx)).isInstanceOfSatisfying(UnreadableFile.class, e -> {
            assertThat(e.code()).isEqualTo("FORMAT_MISMATCH");
            assertThat(e.arguments()).containsExactly("reason.format.xlsx", "CSV");
        });
        assertThatThrownBy(() -> read(ImportFormat.CSV, xls)).isInstanceOfSatisfying(UnreadableFile.class, e -> {
            assertThat(e.code()).isEqualTo("FORMAT_MISMATCH");
            assertThat(e.arguments()).containsExactly("reason.format.xls", "CSV");
        });
    }

    @Test
    void aMarcFileSentAsACsvIsSaidToBeOne() {
        byte[] iso2709 = "00714cam a2200205 a 4500001001300000\u001e".getBytes(StandardCharsets.ISO_8859_1);
        byte[] marcxml = "<?xml version=\"1.0\"?><collection xmlns=\"http://www.loc.gov/MARC21/slim\"></collection>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(ImportFormat.CSV, iso2709)).isInstanceOfSatisfying(UnreadableFile.class, e -> {
            assertThat(e.code()).isEqualTo("FORMAT_MISMATCH");
            assertThat(e.arguments()).containsExactly("reason.format.marc21", "CSV");
        });
        assertThatThrownBy(() -> read(ImportFormat.CSV, marcxml)).isInstanceOfSatisfying(UnreadableFile.class, e -> {
            assertThat(e.code()).isEqualTo("FORMAT_MISMATCH");
            assertThat(e.arguments()).containsExactly("reason.format.marcxml", "CSV");
        });
        // other markup saved as a CSV (an HTML table) is no MARCXML: read as the text it is, its headers then reported
        byte[] html = "<table><tr><td>Nhan đề</td></tr></table>\r\n".getBytes(StandardCharsets.UTF_8);
        try {
            read(ImportFormat.CSV, html);
        } catch (UnreadableFile e) {
            assertThat(e.arguments()).doesNotContain("reason.format.marcxml");
        }
    }

    /** A LibreOffice spreadsheet is no Excel workbook POI reads: whatever it is sent as, the librarian is told to save it as .xlsx. */
    @Test
    void anOpenDocumentSpreadsheetIsSaidToBeOne() throws IOException {
        byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream ods = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(ods)) {
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            out.putNextEntry(first);
            out.write(mimetype);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("content.xml"));
            out.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        for (ImportFormat sentAs : ImportFormat.values()) {
            assertThat(SentFormat.other(sentAs, ods.toByteArray())).as(sentAs.name()).hasValue("reason.format.ods");
        }
    }

    /** A workbook, a CSV, a PDF or a zip sent as MARC is said to be what it is, as a MARC file sent as a CSV is. */
    @Test
    void aFileSentAsMarcThatIsNoneIsSaidToBeWhatItIs() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Sách").createRow(0).createCell(0).setCellValue("Nhan đề");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("sach.mrc"));
            out.write("00714cam a2200205 a 4500".getBytes(StandardCharsets.ISO_8859_1));
            out.closeEntry();
        }
        byte[] csv = "Số ĐKCB,Nhan đề,Tác giả\r\nTV-1,Số đỏ,Vũ Trọng Phụng\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
        byte[] marcxml = "<?xml version=\"1.0\"?><collection xmlns=\"http://www.loc.gov/MARC21/slim\"></collection>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] damagedLeader = "0071xcam a2200205 a 4500001001300000\u001e".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(SentFormat.other(ImportFormat.MARC21, xlsx)).hasValue("reason.format.xlsx");
        assertThat(SentFormat.other(ImportFormat.MARCXML, xlsx)).hasValue("reason.format.xlsx");
        assertThat(SentFormat.other(ImportFormat.MARC21, csv)).hasValue("reason.format.csv");
        assertThat(SentFormat.other(ImportFormat.MARCXML, csv)).hasValue("reason.format.csv");
        assertThat(SentFormat.other(ImportFormat.MARC21, pdf)).hasValue("reason.format.pdf");
        assertThat(SentFormat.other(ImportFormat.CSV, pdf)).hasValue("reason.format.pdf");
        assertThat(SentFormat.other(ImportFormat.XLSX, pdf)).hasValue("reason.format.pdf");
        assertThat(SentFormat.other(ImportFormat.MARC21, zip.toByteArray())).hasValue("reason.format.zip");
        assertThat(SentFormat.other(ImportFormat.CSV, zip.toByteArray())).hasValue("reason.format.zip");
        assertThat(SentFormat.other(ImportFormat.MARC21, marcxml)).hasValue("reason.format.marcxml");
        // what is of its format, or damaged in it, is its reader's to read or to say what is wrong
        assertThat(SentFormat.other(ImportFormat.XLSX, xlsx)).isEmpty();
        assertThat(SentFormat.other(ImportFormat.MARCXML, marcxml)).isEmpty();
        assertThat(SentFormat.other(ImportFormat.CSV, csv)).isEmpty();
        assertThat(SentFormat.other(ImportFormat.MARC21, damagedLeader)).isEmpty();
        assertThatThrownBy(() -> SentFormat.checked(ImportFormat.MARC21, new ByteArrayInputStream(xlsx)))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> {
                    assertThat(e.code()).isEqualTo("FORMAT_MISMATCH");
                    assertThat(e.arguments()).containsExactly("reason.format.xlsx", "MARC21");
                });
        assertThat(SentFormat.checked(ImportFormat.CSV, new ByteArrayInputStream(csv)).readAllBytes()).isEqualTo(csv);
    }

    @Test
    void aDamagedFileIsSaidToBeSoInOurWordsNotTheLibrarys() throws IOException {
        byte[] unclosedQuote = "Nhan đề,Tác giả\r\n\"Số đỏ,Vũ Trọng Phụng\r\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("không phải bảng tính".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        byte[] cut = Arrays.copyOf(zip.toByteArray(), 40);

        assertThatThrownBy(() -> read(ImportFormat.CSV, unclosedQuote)).isInstanceOfSatisfying(UnreadableFile.class, e -> {
            assertThat(e.code()).isEqualTo("CSV_UNREADABLE");
            assertThat(e.arguments()).containsExactly("reason.csv.damaged");
        });
        assertThatThrownBy(() -> read(ImportFormat.XLSX, zip.toByteArray())).isInstanceOfSatisfying(UnreadableFile.class, e -> {
            assertThat(e.code()).isEqualTo("XLSX_UNREADABLE");
            assertThat(e.arguments()).containsExactly("reason.xlsx.notWorkbook");
        });
        assertThatThrownBy(() -> read(ImportFormat.XLSX, cut)).isInstanceOfSatisfying(UnreadableFile.class, e -> {
            assertThat(e.code()).isEqualTo("XLSX_UNREADABLE");
            assertThat(e.arguments()).hasSize(1).first().asString().startsWith("reason.xlsx.");
        });
    }

    private static List<List<String>> read(ImportFormat format, byte[] file) {
        List<List<String>> rows = new ArrayList<>();
        WorkbookRows.read(format, new ByteArrayInputStream(file), CELLS, 100, record -> rows.add(record.content()));
        return rows;
    }

    private static byte[] withBom(byte[] bom, byte[] text) {
        byte[] file = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, file, bom.length, text.length);
        return file;
    }

    private static String recognise(String head) {
        byte[] bytes = Arrays.copyOf(head.getBytes(StandardCharsets.UTF_8), ImportFormat.HEAD_BYTES);
        return ImportFormat.recognise(bytes, Math.min(head.getBytes(StandardCharsets.UTF_8).length, bytes.length))
                .orElseThrow().name();
    }
}
