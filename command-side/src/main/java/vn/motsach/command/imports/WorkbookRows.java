package vn.motsach.command.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Workbooks of every kind: the first sheet of an XLSX, read as a stream of rows by POI's SAX
 * reader (never the whole workbook in memory), or a CSV (UTF-8 with or without BOM, UTF-16 with
 * one, Windows-1258; separated by commas, semicolons or tabs). The first
 * row that is not empty holds the headers, which the kind's {@link Template} makes sense of;
 * every row after it that is not empty is a record. A formula gives the value Excel last
 * computed; a date cell gives its date.
 */
public final class WorkbookRows {

    private static final Logger log = LoggerFactory.getLogger(WorkbookRows.class);

    /**
     * The separators a CSV's header line may use; a comma when it has none. A header may hold a
     * comma ("Tác giả, biên soạn") but hardly a tab or a semicolon: those win a tie.
     */
    private static final String SEPARATORS = "\t;,";

    /** How much of a CSV is looked at to tell UTF-8 from a legacy Vietnamese encoding. */
    private static final int SNIFF_BYTES = 64 * 1024;

    private WorkbookRows() {
    }

    /** A kind's workbook: its columns, and how a header row and the rows after it read. */
    public interface Template<T> {

        /** A reader of the data rows under these headers; empty when they match no template. */
        Optional<Function<List<String>, T>> columns(List<String> headers);

        /** The template's headers, for the message of a header row that matches none. */
        List<String> headers();

        /** The column a header row needs at least, for the same message. */
        String required();
    }

    /** Reads every data row; a workbook of more than {@code maxRows} of them is refused ({@code TOO_MANY_ROWS}). */
    public static <T> void read(ImportFormat format, InputStream in, Template<T> template, int maxRows,
            Consumer<SourceRecord<T>> each) {
        Rows<T> rows = new Rows<>(template, maxRows, each);
        if (format == ImportFormat.XLSX) {
            readXlsx(in, rows);
        } else {
            readCsv(in, rows);
        }
        if (rows.columns == null) {
            throw unknownHeaders(template);
        }
    }

    /**
     * Where each column of {@code columns} is in a header row, its written header compared with
     * the names {@code names} gives it (folded, see {@link Folding}); the first of a repeated one.
     */
    public static <E extends Enum<E>> Map<E, Integer> positions(List<String> headers, Class<E> columns,
            Function<E, List<String>> names) {
        Map<E, Integer> positions = new EnumMap<>(columns);
        for (int i = 0; i < headers.size(); i++) {
            String written = headers.get(i);
            if (written == null || written.isBlank()) {
                continue;
            }
            String folded = Folding.fold(written);
            for (E column : columns.getEnumConstants()) {
                if (names.apply(column).stream().map(Folding::fold).anyMatch(folded::equals)) {
                    positions.putIfAbsent(column, i);
                    break;
                }
            }
        }
        return positions;
    }

    /** A row's cell under {@code column}, stripped; null when blank or absent. */
    public static <E extends Enum<E>> String cell(Map<E, Integer> positions, List<String> cells, E column) {
        Integer at = positions.get(column);
        String cell = at == null || at >= cells.size() ? null : cells.get(at);
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    private static UnreadableFile unknownHeaders(Template<?> template) {
        return new UnreadableFile("HEADERS_UNKNOWN", 0, String.join(", ", template.headers()), template.required());
    }

    private static void readCsv(InputStream in, Rows<?> rows) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
            Charset charset = charset(buffered);
            BufferedReader reader = new BufferedReader(new InputStreamReader(buffered, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), SNIFF_BYTES);
            CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(separator(reader)).setIgnoreSurroundingSpaces(true).get();
            for (CSVRecord record : csv.parse(reader)) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (rows.columns == null && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                rows.row(null, (int) record.getRecordNumber(), cells);
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableFile("CSV_ENCODING", 0);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new UnreadableFile("CSV_ENCODING", 0);
            }
            throw unreadableCsv(e);
        } catch (IOException | IllegalStateException e) {
            throw unreadableCsv(e);
        }
    }

    private static UnreadableFile unreadableCsv(Exception e) {
        log.debug("A CSV file cannot be read", e);
        return new UnreadableFile("CSV_UNREADABLE", 0, "reason.csv.damaged");
    }

    /**
     * The separator of the header line, the first that is not blank: a comma, or a semicolon
     * (Excel's CSV where the comma is the decimal mark, as in Vietnamese) or a tab (Excel's
     * "Unicode Text"), whichever it has most of outside quotes.
     */
    private static char separator(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_BYTES);
        String line;
        do {
            line = reader.readLine();
        } while (line != null && line.isBlank());
        reader.reset();
        if (line == null) {
            return ',';
        }
        Map<Character, Integer> counts = new java.util.HashMap<>();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && SEPARATORS.indexOf(c) >= 0) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        char separator = ',';
        int most = 0;
        for (char c : SEPARATORS.toCharArray()) {
            if (counts.getOrDefault(c, 0) > most) {
                separator = c;
                most = counts.get(c);
            }
        }
        return separator;
    }

    /**
     * UTF-16 when the file begins with its byte order mark (Excel's "Unicode Text"); UTF-8 when
     * the file's beginning is; else Windows-1258 when it reads as one (its diacritics are
     * combining marks after a vowel); else a legacy encoding such as TCVN3 that we cannot tell
     * apart from others, and say so. Another kind of file sent as a CSV is said to be what it is.
     */
    private static Charset charset(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        // a workbook, a MARC export or a PDF sent as a CSV is said to be what it is
        SentFormat.refuseOther(ImportFormat.CSV, head);
        if (SentFormat.startsWith(head, 0xFF, 0xFE) || SentFormat.startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16;
        }
        int length = head.length;
        // a multi-byte character cut at the end of the sample is not an error
        while (length > 0 && length > head.length - 4 && (head[length - 1] & 0xC0) == 0x80) {
            length--;
        }
        if (length > 0 && (head[length - 1] & 0xC0) == 0xC0) {
            length--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, length));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            if (looksLikeWindows1258(head)) {
                return Charset.forName("windows-1258");
            }
            throw new UnreadableFile("CSV_ENCODING", 0);
        }
    }

    private static boolean looksLikeWindows1258(byte[] head) {
        String vowels = "aeiouyAEIOUYâêôăơưÂÊÔĂƠƯ";
        String text = new String(head, Charset.forName("windows-1258"));
        int marks = 0;
        int afterVowels = 0;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323') {
                marks++;
                if (vowels.indexOf(text.charAt(i - 1)) >= 0) {
                    afterVowels++;
                }
            }
        }
        return marks > 0 && afterVowels * 10 >= marks * 9;
    }

    private static void readXlsx(InputStream file, Rows<?> rows) {
        // a LibreOffice spreadsheet, a PDF or a MARC file sent as a workbook is said to be what it is
        InputStream in = SentFormat.checked(ImportFormat.XLSX, file);
        Path copy = null;
        try {
            // POI reads a zip from a file without holding it in memory; from a stream it would
            copy = Files.createTempFile("motsach-import", ".xlsx");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(workbook);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return;
                }
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                            new SheetRows(name, rows), new IsoDates(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (IOException | OpenXML4JException | OpenXML4JRuntimeException | SAXException | ParserConfigurationException
                | org.apache.poi.ooxml.POIXMLException | org.apache.poi.util.RecordFormatException | IllegalArgumentException e) {
            log.debug("An XLSX file cannot be read", e);
            throw new UnreadableFile("XLSX_UNREADABLE", 0, reason(e));
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // a temporary file left behind is the system's to clear
                }
            }
        }
    }

    /**
     * What is wrong with a workbook, in a librarian's words (the {@code reason.xlsx.*} messages):
     * POI says it in its own (a zip bomb is an IOException that says so), which go to the log only.
     */
    private static String reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String said = String.valueOf(cause.getMessage());
            if (said.contains("Zip bomb") || said.contains("potentially malicious")) {
                return "reason.xlsx.compressed";
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotOfficeXmlFileException || cause instanceof InvalidFormatException) {
                return "reason.xlsx.notWorkbook";
            }
        }
        return "reason.xlsx.damaged";
    }

    /** A sheet's rows as lists of cells, blanks filled in where a row skips a cell. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final String sheet;
        private final Rows<?> rows;
        private final List<String> cells = new ArrayList<>();

        SheetRows(String sheet, Rows<?> rows) {
            this.sheet = sheet;
            this.rows = rows;
        }

        @Override
        public void startRow(int row) {
            cells.clear();
        }

        @Override
        public void endRow(int row) {
            rows.row(sheet, row + 1, cells);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value);
        }
    }

    /**
     * Cell values as a librarian typed them: a date cell as {@code yyyy-MM-dd} (not in the
     * workbook's display format), a number without grouping or exponent.
     */
    private static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Rows to records: the first row that is not empty is the header. */
    private static final class Rows<T> {

        private final Template<T> template;
        private final int maxRows;
        private final Consumer<SourceRecord<T>> each;
        private Function<List<String>, T> columns;
        private List<String> headers;
        private int number;

        Rows(Template<T> template, int maxRows, Consumer<SourceRecord<T>> each) {
            this.template = template;
            this.maxRows = maxRows;
            this.each = each;
        }

        void row(String sheet, int row, List<String> cells) {
            if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                return;
            }
            if (columns == null) {
                columns = template.columns(cells).orElseThrow(() -> unknownHeaders(template));
                headers = List.copyOf(cells.stream().map(cell -> cell == null ? "" : cell).toList());
                return;
            }
            if (++number > maxRows) {
                throw new UnreadableFile("TOO_MANY_ROWS", 0, maxRows);
            }
            String words = String.join(" | ", cells.stream().map(cell -> cell == null ? "" : cell).toList());
            each.accept(new SourceRecord<>(number, sheet, row, words.length() > 2000 ? words.substring(0, 2000) : words,
                    new SourceRecord.Cells(headers, cells.stream().map(cell -> cell == null ? "" : cell).toList()),
                    columns.apply(cells)));
        }
    }
}
