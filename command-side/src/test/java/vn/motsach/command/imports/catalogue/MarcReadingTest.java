package vn.motsach.command.imports.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.UnreadableFile;

/** How ISO 2709 records are decoded (UTF-8, MARC-8, UTF-8 marked MARC-8) and what a damaged file is said to be. */
class MarcReadingTest {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    @Test
    void aUtf8RecordWhoseLeaderSaysMarc8IsReadAsUtf8AndSaysSo() {
        byte[] file = written("UTF-8", ' ', null, book("Truyện Kiều", "Nguyễn Du"), book("Tắt đèn", "Ngô Tất Tố"));

        List<SourceRecord<CatalogueRecord>> records = read(file);

        assertThat(records).extracting(record -> record.content().title()).containsExactly("Truyện Kiều", "Tắt đèn");
        assertThat(records.get(0).content().authors()).containsExactly("Nguyễn Du");
        assertThat(records).allSatisfy(record -> assertThat(record.warnings())
                .extracting(SourceRecord.Warning::code).containsExactly("MARC_ENCODING_GUESSED"));
    }

    @Test
    void marc8AndUtf8RecordsSayingSoAreReadWithoutAWarning() {
        byte[] marc8 = written("ISO-8859-1", ' ', new UnicodeToAnsel(), book("Đất rừng phương Nam", "Đoàn Giỏi"));
        byte[] utf8 = written("UTF-8", 'a', null, book("Đất rừng phương Nam", "Đoàn Giỏi"));
        byte[] ascii = written("ISO-8859-1", ' ', new UnicodeToAnsel(), book("Hamlet", "Shakespeare"));

        for (byte[] file : List.of(marc8, utf8, ascii)) {
            SourceRecord<CatalogueRecord> record = read(file).get(0);
            assertThat(record.content().title()).isIn("Đất rừng phương Nam", "Hamlet");
            assertThat(record.content().authors()).containsAnyOf("Đoàn Giỏi", "Shakespeare");
            assertThat(record.warnings()).isEmpty();
        }
    }

    @Test
    void charactersMarc8LacksComeBackFromTheirNumericReferences() {
        // marc4j's writer puts a character MARC-8 lacks as a numeric character reference
        byte[] file = written("ISO-8859-1", ' ', new UnicodeToAnsel(), book("Toán 6 – Tập một €", "Nguyễn Văn A"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains("&#x2013;");

        assertThat(read(file).get(0).content().title()).isEqualTo("Toán 6 – Tập một €");
    }

    @Test
    void aDamagedFileIsSaidToBeSoWithTheRecordWhereReadingStopped() {
        byte[] whole = written("UTF-8", 'a', null, book("Tắt đèn", "Ngô Tất Tố"), book("Bỉ vỏ", "Nguyên Hồng"));
        int second = Integer.parseInt(new String(whole, 0, 5, StandardCharsets.US_ASCII));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 40);
        byte[] badLength = whole.clone();
        badLength[second + 2] = '!';
        byte[] badDirectory = whole.clone();
        badDirectory[30] = 'x';

        assertUnreadable(truncated, 2, "reason.marc.truncated");
        assertUnreadable(badLength, 2, "reason.marc.leader");
        assertUnreadable(badDirectory, 1, "reason.marc.directory");
    }

    @Test
    void countingReadsTheRecordsReadingGives() {
        byte[] file = written("UTF-8", 'a', null, book("Tắt đèn", "Ngô Tất Tố"), book("Bỉ vỏ", "Nguyên Hồng"), book("Số đỏ", "Vũ Trọng Phụng"));
        int[] told = {0};
        assertThat(MarcCatalogue.count(false, new ByteArrayInputStream(file), () -> told[0]++)).isEqualTo(read(file).size()).isEqualTo(3);
        assertThat(told[0]).isEqualTo(3);
    }

    /** Reading and counting alike: a file the count passed is one the reading can read. */
    private static void assertUnreadable(byte[] file, int record, String reason) {
        for (ThrowingCallable reading : List.<ThrowingCallable>of(
                () -> read(file), () -> MarcCatalogue.count(false, new ByteArrayInputStream(file), () -> { }))) {
            assertThatThrownBy(reading).isInstanceOfSatisfying(UnreadableFile.class, e -> {
                assertThat(e.code()).isEqualTo("MARC_UNREADABLE");
                assertThat(e.record()).isEqualTo(record);
                assertThat(e.arguments()).containsExactly(reason, Integer.toString(record));
            });
        }
    }

    private static List<SourceRecord<CatalogueRecord>> read(byte[] file) {
        List<SourceRecord<CatalogueRecord>> records = new ArrayList<>();
        MarcCatalogue.read(false, new ByteArrayInputStream(file), records::add);
        return records;
    }

    private static Record book(String title, String author) {
        Record record = FACTORY.newRecord("00000nam a2200000 a 4500");
        record.addVariableField(FACTORY.newDataField("100", '1', ' ', "a", author + ","));
        record.addVariableField(FACTORY.newDataField("245", '1', '0', "a", title + " /"));
        return record;
    }

    /** Records written in {@code encoding} with leader/09 {@code scheme}, through {@code converter} when given. */
    private static byte[] written(String encoding, char scheme, UnicodeToAnsel converter, Record... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, encoding);
        if (converter != null) {
            writer.setConverter(converter);
        }
        for (Record record : records) {
            record.getLeader().setCharCodingScheme(scheme);
            writer.write(record);
        }
        writer.close();
        return out.toByteArray();
    }
}
