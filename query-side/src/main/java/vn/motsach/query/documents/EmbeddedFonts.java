package vn.motsach.query.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts a PDF embeds: DejaVu Sans (Bitstream Vera licence, see fonts/DejaVu-LICENSE.txt),
 * shipped with the project rather than taken from the machine, so that every Vietnamese letter
 * renders the same everywhere. Only the glyphs a document uses are embedded.
 */
final class EmbeddedFonts {

    private EmbeddedFonts() {
    }

    static PDType0Font regular(PDDocument document) {
        return load(document, "/fonts/DejaVuSans.ttf");
    }

    static PDType0Font bold(PDDocument document) {
        return load(document, "/fonts/DejaVuSans-Bold.ttf");
    }

    private static PDType0Font load(PDDocument document, String resource) {
        try (InputStream font = EmbeddedFonts.class.getResourceAsStream(resource)) {
            if (font == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            return PDType0Font.load(document, font, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text as the font can show it: NFC (Vietnamese letters as their single precomposed glyphs),
     * without the control characters a content stream cannot carry.
     */
    static String showable(Object value) {
        return DocumentHeading.nfc(value.toString()).replaceAll("\\p{Cntrl}", " ");
    }
}
