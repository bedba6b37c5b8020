package vn.motsach.command.imports;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/** MARC 21 files made for the tests with marc4j: ISO 2709 in UTF-8 or MARC-8, and MARCXML. */
final class MarcFiles {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    private MarcFiles() {
    }

    /** A book record: 245 $a (and $b after " : "), 100 author, 260 $b $c, 020 when given, and Koha 952 copies. */
    static Record book(String title, String author, String isbn, String year, String... barcodes) {
        Record record = FACTORY.newRecord("00000nam a2200000 a 4500");
        if (isbn != null) {
            record.addVariableField(FACTORY.newDataField("020", ' ', ' ', "a", isbn));
        }
        if (author != null) {
            record.addVariableField(FACTORY.newDataField("100", '1', ' ', "a", author + ","));
        }
        if (title != null) {
            record.addVariableField(FACTORY.newDataField("245", '1', '0', "a", title + " /"));
        }
        record.addVariableField(year == null ? FACTORY.newDataField("260", ' ', ' ', "b", "Kim Đồng")
                : FACTORY.newDataField("260", ' ', ' ', "b", "Kim Đồng,", "c", year + "."));
        for (String barcode : barcodes) {
            record.addVariableField(FACTORY.newDataField("952", ' ', ' ', "p", barcode, "o", "895.92 T", "d", "2024-05-01",
                    "g", "85000", "7", "0"));
        }
        return record;
    }

    static DataField field(String tag, String... subfields) {
        return FACTORY.newDataField(tag, ' ', ' ', subfields);
    }

    static byte[] utf8(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter writer = new MarcStreamWriter(out, "UTF-8");
        records.forEach(record -> {
            record.getLeader().setCharCodingScheme('a');
            writer.write(record);
        });
        writer.close();
        return out.toByteArray();
    }

    /** UTF-8 with leader/09 left blank, as some Koha exports are: the leader says MARC-8, the bytes are UTF-8. */
    static byte[] utf8MarkedMarc8(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter writer = new MarcStreamWriter(out, "UTF-8");
        records.forEach(record -> {
            record.getLeader().setCharCodingScheme(' ');
            writer.write(record);
        });
        writer.close();
        return out.toByteArray();
    }

    /** MARC-8 (leader/09 blank), the diacritics written as MARC-8's combining marks by marc4j's converter. */
    static byte[] marc8(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "ISO-8859-1");
        writer.setConverter(new UnicodeToAnsel());
        records.forEach(record -> {
            record.getLeader().setCharCodingScheme(' ');
            writer.write(record);
        });
        writer.close();
        return out.toByteArray();
    }

    static byte[] xml(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter writer = new MarcXmlWriter(out, "UTF-8");
        records.forEach(writer::write);
        writer.close();
        return out.toByteArray();
    }
}
