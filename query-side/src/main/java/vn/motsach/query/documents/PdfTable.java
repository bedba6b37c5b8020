package vn.motsach.query.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A table on landscape A4 pages: the heading on the first page, the columns' headings on every
 * page, each cell's text wrapped within its column. Columns share the page's width by their
 * {@link Column#width()}.
 */
final class PdfTable implements TableWriter {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float SIZE = 8;
    private static final float LEADING = SIZE * 1.3f;
    private static final float PADDING = 2;

    /** Pages' content goes to a temporary file as it is written: a register of thousands of pages is not held in memory. */
    private final PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final PDType0Font regular = EmbeddedFonts.regular(document);
    private final PDType0Font bold = EmbeddedFonts.bold(document);
    private final OutputStream out;
    private final List<Column> columns;
    private final float[] widths;
    private PDPageContentStream page;
    private float y;

    PdfTable(DocumentHeading heading, List<Column> columns, OutputStream out) throws IOException {
        this.out = out;
        this.columns = List.copyOf(columns);
        float total = columns.stream().mapToInt(Column::width).sum();
        float usable = PAGE.getWidth() - 2 * MARGIN;
        this.widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = usable * columns.get(i).width() / total;
        }
        newPage();
        String[] lines = heading.lines();
        for (int i = 0; i < lines.length; i++) {
            PDType0Font font = i == 1 ? bold : regular;
            float size = i == 1 ? 14 : 10;
            text(font, size, MARGIN, y - size, EmbeddedFonts.showable(lines[i]));
            y -= size * 1.5f;
        }
        y -= LEADING;
        headings();
    }

    @Override
    public void row(List<?> cells) throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = i < cells.size() ? cells.get(i) : null;
            values.add(value == null ? "" : value instanceof LocalDate date ? DocumentHeading.VIETNAMESE_DATE.format(date)
                    : EmbeddedFonts.showable(value));
        }
        line(regular, values);
    }

    @Override
    public void close() throws IOException {
        try {
            page.close();
            document.save(out);
        } finally {
            document.close();
        }
    }

    private void headings() throws IOException {
        line(bold, columns.stream().map(Column::heading).toList());
    }

    /** One table line, as tall as its longest wrapped cell, on a new page when it does not fit. */
    private void line(PDType0Font font, List<String> values) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < values.size(); i++) {
            List<String> cell = wrap(font, values.get(i), widths[i] - 2 * PADDING);
            wrapped.add(cell);
            height = Math.max(height, cell.size());
        }
        float tall = height * LEADING + 2 * PADDING;
        if (y - tall < MARGIN && font != bold) {
            page.close();
            newPage();
            headings();
        }
        float x = MARGIN;
        for (int i = 0; i < wrapped.size(); i++) {
            page.addRect(x, y - tall, widths[i], tall);
            float lineY = y - PADDING - SIZE;
            for (String part : wrapped.get(i)) {
                text(font, SIZE, x + PADDING, lineY, part);
                lineY -= LEADING;
            }
            x += widths[i];
        }
        page.setLineWidth(0.3f);
        page.stroke();
        y -= tall;
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PAGE);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PAGE.getHeight() - MARGIN;
    }

    private void text(PDType0Font font, float size, float x, float atY, String value) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(value);
        page.endText();
    }

    /** The text in lines that fit {@code width}, broken between words, or within a word longer than a line. */
    private static List<String> wrap(PDType0Font font, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (widthOf(font, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            for (int offset = 0; offset < word.length(); ) {
                int end = offset + 1;
                while (end < word.length() && widthOf(font, word.substring(offset, end + 1)) <= width) {
                    end++;
                }
                if (end == word.length()) {
                    current.append(word, offset, end);
                } else {
                    lines.add(word.substring(offset, end));
                }
                offset = end;
            }
        }
        if (!current.isEmpty() || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float widthOf(PDType0Font font, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * SIZE;
    }
}
