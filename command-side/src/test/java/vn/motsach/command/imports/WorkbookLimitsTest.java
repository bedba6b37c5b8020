package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The limits on what an uploaded workbook may be: inflate ratio and entry size (POI's), and rows (ours). */
class WorkbookLimitsTest {

    /** Reads the first column of every row under a header "A". */
    private static final WorkbookRows.Template<String> FIRST_COLUMN = new WorkbookRows.Template<>() {
        @Override
        public Optional<Function<List<String>, String>> columns(List<String> headers) {
            return "A".equals(headers.get(0)) ? Optional.of(cells -> cells.get(0)) : Optional.empty();
        }

        @Override
        public List<String> headers() {
            return List.of("A");
        }

        @Override
        public String required() {
            return "A";
        }
    };

    @AfterEach
    void defaults() {
        new WorkbookLimits(0.01, DataSize.ofGigabytes(1), 500_000);
    }

    @Test
    void aWorkbookOverTheRowCapIsRefusedBeforeAnyRowIsGiven() throws IOException {
        byte[] xlsx = workbook(5, 0);
        byte[] csv = "A\r\n1\r\n2\r\n3\r\n4\r\n5\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(read(ImportFormat.XLSX, xlsx, 5)).containsExactly("1", "2", "3", "4", "5");
        assertThat(read(ImportFormat.CSV, csv, 5)).hasSize(5);
        assertThatThrownBy(() -> read(ImportFormat.XLSX, xlsx, 4))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_ROWS"));
        assertThatThrownBy(() -> read(ImportFormat.CSV, csv, 4))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_ROWS"));
    }

    @Test
    void theMinimumInflateRatioIsTheOneConfigured() throws IOException {
        byte[] padded = workbook(1, 2_000_000);
        new WorkbookLimits(0.0001, DataSize.ofGigabytes(1), 10);
        assertThat(read(ImportFormat.XLSX, padded, 10)).containsExactly("1");

        new WorkbookLimits(0.01, DataSize.ofGigabytes(1), 10);
        assertThatThrownBy(() -> read(ImportFormat.XLSX, padded, 10))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> {
                    assertThat(e.code()).isEqualTo("XLSX_UNREADABLE");
                    assertThat(e.arguments()).containsExactly("reason.xlsx.compressed");
                });
    }

    @Test
    void theMaximumEntrySizeIsTheOneConfigured() throws IOException {
        byte[] padded = workbook(1, 2_000_000);
        new WorkbookLimits(0.0001, DataSize.ofMegabytes(4), 10);
        assertThat(read(ImportFormat.XLSX, padded, 10)).containsExactly("1");

        new WorkbookLimits(0.0001, DataSize.ofMegabytes(1), 10);
        assertThatThrownBy(() -> read(ImportFormat.XLSX, padded, 10))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> {
                    assertThat(e.code()).isEqualTo("XLSX_UNREADABLE");
                    assertThat(e.arguments()).containsExactly("reason.xlsx.compressed");
                });
    }

    private static List<String> read(ImportFormat format, byte[] file, int maxRows) {
        List<String> rows = new ArrayList<>();
        WorkbookRows.read(format, new ByteArrayInputStream(file), FIRST_COLUMN, maxRows, record -> rows.add(record.content()));
        return rows;
    }

    /** A workbook of {@code rows} numbered rows under "A", its sheet padded with {@code padding} blanks. */
    private static byte[] workbook(int rows, int padding) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Dữ liệu");
            sheet.createRow(0).createCell(0).setCellValue("A");
            for (int i = 1; i <= rows; i++) {
                sheet.createRow(i).createCell(0).setCellValue(Integer.toString(i));
            }
            workbook.write(plain);
        }
        if (padding == 0) {
            return plain.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
