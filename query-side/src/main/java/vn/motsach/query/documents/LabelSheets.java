package vn.motsach.query.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Labels on A4 sheets as a PDF. Barcodes and QR codes are drawn as vector bars and modules
 * (not pictures), so that they stay sharp at any printer's resolution: on the left of each
 * label the text lines and the Code 128 with its number under it, on the right the QR code.
 */
public final class LabelSheets {

    private static final float PAD = 2 * LabelLayout.POINTS_PER_MM;
    private static final float TEXT = 6.5f;
    private static final float NUMBER = 8;

    private LabelSheets() {
    }

    public static void write(List<Label> labels, LabelLayout layout, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = EmbeddedFonts.regular(document);
            PDType0Font bold = EmbeddedFonts.bold(document);
            PDPageContentStream page = null;
            for (int i = 0; i < labels.size(); i++) {
                if (i % layout.perSheet() == 0) {
                    if (page != null) {
                        page.close();
                    }
                    PDPage sheet = new PDPage(PDRectangle.A4);
                    document.addPage(sheet);
                    page = new PDPageContentStream(document, sheet);
                }
                label(page, regular, bold, labels.get(i), layout.cell(i % layout.perSheet()));
            }
            if (page == null) {
                document.addPage(new PDPage(PDRectangle.A4));
            } else {
                page.close();
            }
            document.save(out);
        }
    }

    private static void label(PDPageContentStream page, PDType0Font regular, PDType0Font bold, Label label, PDRectangle cell)
            throws IOException {
        float qrSide = Math.min(cell.getHeight() - 2 * PAD, cell.getWidth() * 0.4f);
        float qrX = cell.getUpperRightX() - PAD - qrSide;
        modules(page, qr(label.qrText()), qrX, cell.getLowerLeftY() + (cell.getHeight() - qrSide) / 2, qrSide, qrSide);

        float left = cell.getLowerLeftX() + PAD;
        float width = qrX - PAD - left;
        float y = cell.getUpperRightY() - PAD - TEXT;
        for (int i = 0; i < label.lines().size(); i++) {
            PDType0Font font = i == 1 ? bold : regular;
            for (String part : wrapped(font, label.lines().get(i), width)) {
                text(page, font, TEXT, left, y, part);
                y -= TEXT * 1.2f;
            }
        }
        float numberY = cell.getLowerLeftY() + PAD;
        float barsBottom = numberY + NUMBER * 1.2f;
        float barsHeight = Math.max(4 * LabelLayout.POINTS_PER_MM, y + TEXT - barsBottom - PAD);
        modules(page, code128(label.barcode()), left, barsBottom, width, barsHeight);
        String number = EmbeddedFonts.showable(label.barcode());
        float numberWidth = regular.getStringWidth(number) / 1000 * NUMBER;
        text(page, regular, NUMBER, left + Math.max(0, (width - numberWidth) / 2), numberY, number);
    }

    /** Draws each dark module of the matrix as a filled box, the whole matrix stretched over the given box. */
    private static void modules(PDPageContentStream page, BitMatrix matrix, float x, float y, float width, float height)
            throws IOException {
        float moduleWidth = width / matrix.getWidth();
        float moduleHeight = height / matrix.getHeight();
        for (int row = 0; row < matrix.getHeight(); row++) {
            int column = 0;
            while (column < matrix.getWidth()) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row)) {
                    column++;
                }
                page.addRect(x + start * moduleWidth, y + height - (row + 1) * moduleHeight,
                        (column - start) * moduleWidth, moduleHeight);
            }
        }
        page.fill();
    }

    /** A Code 128 as one row of modules, its quiet zones included. */
    private static BitMatrix code128(String value) {
        return new Code128Writer().encode(value, BarcodeFormat.CODE_128, 0, 1);
    }

    private static BitMatrix qr(String value) {
        try {
            return new QRCodeWriter().encode(value, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + value, e);
        }
    }

    private static void text(PDPageContentStream page, PDType0Font font, float size, float x, float y, String value)
            throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(value);
        page.endText();
    }

    /** The text on at most two lines of {@code width}, the second cut with an ellipsis where it would run past. */
    private static List<String> wrapped(PDType0Font font, String text, float width) throws IOException {
        String shown = EmbeddedFonts.showable(text);
        if (widthOf(font, shown) <= width) {
            return List.of(shown);
        }
        int space = shown.length();
        while ((space = shown.lastIndexOf(' ', space - 1)) > 0) {
            if (widthOf(font, shown.substring(0, space)) <= width) {
                return List.of(shown.substring(0, space), cut(font, shown.substring(space + 1), width));
            }
        }
        return List.of(cut(font, shown, width));
    }

    private static String cut(PDType0Font font, String text, float width) throws IOException {
        if (widthOf(font, text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && widthOf(font, text.substring(0, end) + "…") > width) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static float widthOf(PDType0Font font, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * TEXT;
    }
}
