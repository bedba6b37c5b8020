package vn.motsach.command.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a file is what it was sent as: its first bytes show a workbook, a MARC export, a PDF
 * or a zip sent as another format. Such a file fails its job with {@code FORMAT_MISMATCH} saying
 * what it is (a {@code reason.format.*} message), rather than a reader's own complaint about bytes
 * it was never meant to read (a MARC leader "damaged", a CSV "not UTF-8").
 */
public final class SentFormat {

    /** Enough of a file's beginning to tell what it is, and as much as a reader is asked to give back. */
    static final int HEAD_BYTES = 4096;

    private SentFormat() {
    }

    /**
     * The stream the reader of {@code sentAs} reads, refused first ({@link UnreadableFile}
     * {@code FORMAT_MISMATCH}) when its beginning shows another kind of file.
     */
    public static InputStream checked(ImportFormat sentAs, InputStream in) {
        BufferedInputStream buffered = in instanceof BufferedInputStream already ? already : new BufferedInputStream(in, HEAD_BYTES);
        try {
            buffered.mark(HEAD_BYTES);
            byte[] head = buffered.readNBytes(HEAD_BYTES);
            buffered.reset();
            refuseOther(sentAs, head);
            return buffered;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Refuses a file sent as {@code sentAs} whose beginning {@code head} is another kind of file. */
    static void refuseOther(ImportFormat sentAs, byte[] head) {
        other(sentAs, head).ifPresent(reason -> {
            throw new UnreadableFile("FORMAT_MISMATCH", 0, reason, sentAs);
        });
    }

    /** The {@code reason.format.*} message naming what the file is, when it is not {@code sentAs}. */
    static Optional<String> other(ImportFormat sentAs, byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            if (openDocumentSpreadsheet(head)) {
                return Optional.of("reason.format.ods");
            }
            return sentAs == ImportFormat.XLSX ? Optional.empty()
                    : Optional.of(officeZip(head) ? "reason.format.xlsx" : "reason.format.zip");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Optional.of("reason.format.xls");
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("reason.format.pdf");
        }
        ImportFormat recognised = ImportFormat.recognise(head, head.length).orElse(sentAs);
        if (recognised == sentAs) {
            return Optional.empty();
        }
        if (recognised == ImportFormat.MARC21 || recognised == ImportFormat.MARCXML && looksLikeMarcXml(head)) {
            return Optional.of("reason.format." + recognised.name().toLowerCase(java.util.Locale.ROOT));
        }
        if ((sentAs == ImportFormat.MARC21 || sentAs == ImportFormat.MARCXML) && looksLikeCsv(head)) {
            return Optional.of("reason.format.csv");
        }
        // else a damaged file of its format, or text not recognised: its reader says what is wrong with it
        return Optional.empty();
    }

    /**
     * A zip whose first entry is an Office document's ([Content_Types].xml, _rels/, docProps/, xl/):
     * an XLSX. Any other zip (an export's archive) is said to be a zip to unpack.
     */
    private static boolean officeZip(byte[] head) {
        String name = firstEntryName(head);
        return name.equals("[Content_Types].xml") || name.startsWith("_rels/") || name.startsWith("docProps/")
                || name.startsWith("xl/");
    }

    /**
     * A LibreOffice or OpenOffice spreadsheet (.ods): a zip whose first entry, "mimetype", says so
     * (stored uncompressed, as the format requires). POI reads no such file: the librarian is told
     * to save it as .xlsx, not that the workbook is damaged.
     */
    private static boolean openDocumentSpreadsheet(byte[] head) {
        return firstEntryName(head).equals("mimetype")
                && new String(head, StandardCharsets.ISO_8859_1).contains("application/vnd.oasis.opendocument.spreadsheet");
    }

    /** The name of a zip's first entry, from its local header (empty when the head is too short to hold one). */
    private static String firstEntryName(byte[] head) {
        if (head.length < 30) {
            return "";
        }
        int nameLength = (head[26] & 0xFF) | (head[27] & 0xFF) << 8;
        return new String(head, 30, Math.min(nameLength, head.length - 30), StandardCharsets.ISO_8859_1);
    }

    /** XML that is MARCXML: other markup saved as a CSV (an HTML table) is read as the text it is. */
    static boolean looksLikeMarcXml(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("<record") || text.contains("<collection") || text.contains(":record")
                || text.contains(":collection") || text.contains("www.loc.gov/MARC21/slim");
    }

    /**
     * Text whose first line holds a separator (a comma, semicolon or tab) and ends before any MARC
     * field or record terminator: a header row. A MARC file with a damaged leader has terminators first.
     */
    private static boolean looksLikeCsv(byte[] head) {
        for (byte b : head) {
            if (b == 0x1D || b == 0x1E) {
                return false;
            }
            if (b == '\n' || b == '\r') {
                break;
            }
        }
        String firstLine = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        return firstLine.indexOf(',') >= 0 || firstLine.indexOf(';') >= 0 || firstLine.indexOf('\t') >= 0;
    }

    /** Whether a file's first bytes are {@code bytes} (each 0 to 255): a kind of file's signature. */
    static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
