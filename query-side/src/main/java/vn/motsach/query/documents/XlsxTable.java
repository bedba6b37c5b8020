package vn.motsach.query.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as one XLSX sheet, written by POI's streaming workbook: only the last rows stay in
 * memory, the others go to a temporary file until the workbook is written out.
 */
final class XlsxTable implements TableWriter {

    /** Rows kept in memory; a register's rows are never revisited once written. */
    private static final int ROWS_IN_MEMORY = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SXSSFSheet sheet;
    private final OutputStream out;
    private final int width;
    private int next;

    XlsxTable(DocumentHeading heading, List<Column> columns, OutputStream out) {
        this.out = out;
        this.width = columns.size();
        this.sheet = workbook.createSheet(sheetName(heading.title()));
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle strong = workbook.createCellStyle();
        strong.setFont(bold);
        for (String line : heading.lines()) {
            text(sheet.createRow(next++), 0, line, next == 2 ? strong : null);
        }
        next++;
        Row headings = sheet.createRow(next++);
        for (int i = 0; i < columns.size(); i++) {
            text(headings, i, columns.get(i).heading(), strong);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, next);
    }

    @Override
    public void row(List<?> cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < Math.min(width, cells.size()); i++) {
            Object value = cells.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate date) {
                text(row, i, DocumentHeading.VIETNAMESE_DATE.format(date), null);
            } else if (value != null) {
                text(row, i, DocumentHeading.nfc(value.toString()), null);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A sheet's name is at most 31 characters, without the few a spreadsheet forbids there. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return name.isEmpty() ? "Sheet1" : name.substring(0, Math.min(31, name.length()));
    }
}
