package vn.motsach.command.imports.catalogue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.marc4j.MarcException;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motsach.command.circulation.CatalogueCommandsForImports.OutOfCollection;
import vn.motsach.command.imports.ImportFormat;
import vn.motsach.command.imports.SentFormat;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.UnreadableFile;
import vn.motsach.command.imports.catalogue.CatalogueRecord.CopyEntry;

/**
 * MARC 21 bibliographic records, in ISO 2709 (MARC-8 or UTF-8, see {@link MarcText}) or MARCXML,
 * read as catalogue records with the mapping of the contract: 020 ISBN, 100/110/700/710 authors,
 * 245 $a : $b title, 250 edition, 260/264 $b and $c, 082 classification, 041/008 language,
 * 650/653 subjects, 942 $c document type, and the copies of Koha's 952 (with its lost and
 * withdrawn statuses) or of 852.
 * {@link MarcExport} writes the same fields.
 */
final class MarcCatalogue {

    private static final Logger log = LoggerFactory.getLogger(MarcCatalogue.class);

    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("(\\s*[/:;,=])+$");
    /** A full stop that ends the field, unless it ends an abbreviation's dots ("..."). */
    private static final Pattern FINAL_FULL_STOP = Pattern.compile("(?<!\\.)\\.$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** How much of a record's own words the report keeps. */
    private static final int WORDS = 2000;

    private MarcCatalogue() {
    }

    static void read(boolean xml, InputStream in, Consumer<SourceRecord<CatalogueRecord>> each) {
        records(xml, in, (number, record, guessed) -> {
            String words = record.toString();
            each.accept(new SourceRecord<>(number, null, null, words.length() > WORDS ? words.substring(0, WORDS) : words,
                    null, catalogueRecord(record),
                    guessed ? List.of(new SourceRecord.Warning(null, "MARC_ENCODING_GUESSED", List.of())) : List.of()));
        });
    }

    /** The number of records, each read and decoded as {@link #read} reads it, without the catalogue's mapping. */
    static int count(boolean xml, InputStream in, Runnable eachRecord) {
        int[] count = {0};
        records(xml, in, (number, record, guessed) -> {
            eachRecord.run();
            count[0] = number;
        });
        return count[0];
    }

    /** Every record of the file, its number and whether its encoding was guessed ({@link MarcText}). */
    private static void records(boolean xml, InputStream file, EachRecord each) {
        // a workbook, a CSV or a PDF sent as MARC is said to be what it is, not a record with a damaged leader
        InputStream in = SentFormat.checked(xml ? ImportFormat.MARCXML : ImportFormat.MARC21, file);
        MarcReader reader = xml ? new MarcXmlReader(new NoDoctype(in))
                // strict, not permissive: a corrupt record fails the file rather than being guessed at;
                // every record's bytes kept as they are, for MarcText to decode as the record is
                : new MarcStreamReader(in, "ISO-8859-1");
        int number = 0;
        while (true) {
            Record record;
            try {
                if (!reader.hasNext()) {
                    return;
                }
                record = reader.next();
            } catch (MarcException | IllegalArgumentException | IndexOutOfBoundsException e) {
                log.debug("Record {} of a MARC file cannot be read", number + 1, e);
                throw new UnreadableFile(xml ? "MARCXML_UNREADABLE" : "MARC_UNREADABLE", number + 1,
                        xml ? "reason.marcxml.damaged" : reason(e), number + 1);
            }
            number++;
            each.accept(number, record, !xml && MarcText.decode(record));
        }
    }

    @FunctionalInterface
    private interface EachRecord {
        void accept(int number, Record record, boolean encodingGuessed);
    }

    /**
     * What is wrong with an ISO 2709 record, in a librarian's words (the {@code reason.marc.*}
     * messages): marc4j says it in its own, which go to the log only.
     */
    private static String reason(Throwable e) {
        String said = "";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.EOFException) {
                return "reason.marc.truncated";
            }
            said += " " + String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
        }
        if (said.contains("premature end")) {
            return "reason.marc.truncated";
        }
        if (said.contains("leader") || said.contains("record length")) {
            return "reason.marc.leader";
        }
        if (said.contains("directory") || e instanceof NumberFormatException || e instanceof IndexOutOfBoundsException) {
            return "reason.marc.directory";
        }
        return "reason.marc.fields";
    }

    static CatalogueRecord catalogueRecord(Record record) {
        Fields fields = new Fields(record);
        String title = joined(trimmed(fields.sub("245", 'a')), trimmed(fields.sub("245", 'b')));
        List<String> authors = new ArrayList<>();
        for (String tag : new String[] {"100", "110", "700", "710"}) {
            for (DataField field : fields.data(tag)) {
                String name = trimmed(field.getSubfieldsAsString("a"));
                if (name != null) {
                    authors.add(name);
                }
            }
        }
        List<String> subjects = new ArrayList<>();
        for (DataField field : record.getDataFields()) {
            String subject = field.getTag().equals("650") || field.getTag().equals("653") ? trimmed(field.getSubfieldsAsString("a")) : null;
            if (subject != null) {
                subjects.add(subject);
            }
        }
        String isbn = fields.sub("020", 'a');
        if (isbn != null) {
            isbn = WHITESPACE.split(isbn.strip())[0];
        }
        String publisher = trimmed(first(fields.sub("260", 'b'), fields.sub("264", 'b')));
        String year = first(fields.sub("260", 'c'), fields.sub("264", 'c'));
        String language = fields.sub("041", 'a');
        if (language == null) {
            ControlField fixed = fields.control("008");
            if (fixed != null && fixed.getData().length() >= 38 && !fixed.getData().substring(35, 38).isBlank()) {
                language = fixed.getData().substring(35, 38);
            }
        }
        return new CatalogueRecord(title, authors, isbn, publisher, year, trimmed(fields.sub("082", 'a')), subjects,
                fields.sub("942", 'c'), language, trimmed(fields.sub("250", 'a')), controlNumber(fields), copies(fields));
    }

    /** 001, with the 003 that says whose number it is: "(003)001", as MARC's 035 writes it. */
    private static String controlNumber(Fields fields) {
        ControlField number = fields.control("001");
        if (number == null || number.getData().isBlank()) {
            return null;
        }
        ControlField agency = fields.control("003");
        return (agency == null || agency.getData().isBlank() ? "" : "(" + agency.getData().strip() + ")") + number.getData().strip();
    }

    private static List<CopyEntry> copies(Fields fields) {
        List<CopyEntry> copies = new ArrayList<>();
        for (DataField item : fields.data("952")) {
            String notForLoan = value(item, '7');
            copies.add(new CopyEntry(value(item, 'p'), value(item, 'o'), value(item, 'd'), value(item, 'g'), value(item, 'e'),
                    notForLoan == null ? null : notForLoan.strip().equals("0"), outOfCollection(item)));
        }
        if (copies.isEmpty()) {
            for (DataField holding : fields.data("852")) {
                String callNumber = joinedWith(" ", value(holding, 'h'), value(holding, 'i'));
                copies.add(new CopyEntry(value(holding, 'p'), callNumber, null, null, null, null));
            }
        }
        return copies;
    }

    /**
     * Koha's copy statuses: $0 withdrawn and $1 lost (1 lost, 2 long overdue, 3 lost and paid for,
     * 4 missing...), each non-zero when set. A copy both lost and withdrawn was written off after
     * its loss: withdrawal is the later, final step, so it is withdrawn. $4 (damaged) leaves the
     * copy in the collection, as Mọt Sách has no status for it.
     */
    private static OutOfCollection outOfCollection(DataField item) {
        if (set(value(item, '0'))) {
            return OutOfCollection.WITHDRAWN;
        }
        return set(value(item, '1')) ? OutOfCollection.LOST : null;
    }

    private static boolean set(String status) {
        return status != null && !status.strip().equals("0");
    }

    /**
     * A record's fields by tag, gathered in one pass: marc4j looks a tag up by going through every
     * field of the record (and writing out its leader) each time, and a record is asked for some twenty.
     */
    private static final class Fields {

        private final Map<String, List<DataField>> data = new HashMap<>();
        private final Map<String, ControlField> control = new HashMap<>();

        Fields(Record record) {
            for (ControlField field : record.getControlFields()) {
                control.putIfAbsent(field.getTag(), field);
            }
            for (DataField field : record.getDataFields()) {
                data.computeIfAbsent(field.getTag(), tag -> new ArrayList<>(2)).add(field);
            }
        }

        List<DataField> data(String tag) {
            return data.getOrDefault(tag, List.of());
        }

        ControlField control(String tag) {
            return control.get(tag);
        }

        /** The first field of {@code tag} with subfield {@code code}: that subfield's text. */
        String sub(String tag, char code) {
            for (DataField field : data(tag)) {
                String value = value(field, code);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
    }

    private static String value(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        return subfield == null || subfield.getData().isBlank() ? null : subfield.getData();
    }

    /** Without the ISBD punctuation that ends a MARC field before the next one (" /", " :", " ;", ",", "."). */
    static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = FINAL_FULL_STOP.matcher(FINAL_PUNCTUATION.matcher(text.strip()).replaceAll("")).replaceAll("").strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String joined(String title, String remainder) {
        return title == null ? remainder : remainder == null ? title : title + " : " + remainder;
    }

    private static String joinedWith(String separator, String first, String second) {
        return first == null ? second : second == null ? first : first + separator + second;
    }

    private static String first(String one, String other) {
        return one != null ? one : other;
    }

    /** MARCXML never needs a document type declaration; refusing one keeps external entities out of the parser. */
    private static final class NoDoctype extends FilterInputStream {

        private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
        private int matched;

        NoDoctype(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                look((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            for (int i = 0; i < n; i++) {
                look(bytes[offset + i]);
            }
            return n;
        }

        private void look(byte b) throws IOException {
            matched = b == DOCTYPE[matched] ? matched + 1 : b == DOCTYPE[0] ? 1 : 0;
            if (matched == DOCTYPE.length) {
                throw new IOException("A document type declaration is not accepted in MARCXML");
            }
        }
    }
}
