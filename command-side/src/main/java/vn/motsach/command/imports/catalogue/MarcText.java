package vn.motsach.command.imports.catalogue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.marc4j.converter.impl.AnselToUnicode;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * The text of an ISO 2709 record, read byte for byte (marc4j's reader told to take every record
 * as ISO-8859-1), decoded here one record at a time: UTF-8 when leader/09 says "a"; else MARC-8,
 * converted to Unicode by marc4j with the numeric character references ({@code &#x2013;}) that
 * MARC-8 writers put for the characters it lacks turned back into those characters, composed
 * (NFC). A record marked MARC-8 whose bytes are valid UTF-8 with multi-byte characters is a
 * UTF-8 record whose leader/09 was left blank (a common export mistake): real MARC-8 puts a
 * combining mark (E0-FE) before an ASCII letter, which UTF-8 never allows, so such a record is
 * read as UTF-8 and says so. marc4j's own guess (its permissive reader's "BESTGUESS") comes only
 * with a reader that also guesses at damaged records, which an import must refuse instead.
 */
final class MarcText {

    private MarcText() {
    }

    /** Decodes every field of {@code record} in place; true when it was marked MARC-8 but read as UTF-8. */
    static boolean decode(Record record) {
        List<String> texts = texts(record);
        boolean utf8 = record.getLeader().getCharCodingScheme() == 'a';
        boolean guessed = !utf8 && texts.stream().allMatch(MarcText::isUtf8) && texts.stream().anyMatch(MarcText::hasMultiByte);
        UnaryOperator<String> decoding;
        if (utf8 || guessed) {
            decoding = text -> new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        } else {
            AnselToUnicode marc8 = new AnselToUnicode();
            marc8.setTranslateNCR(true);
            decoding = text -> Normalizer.normalize(marc8.convert(text), Normalizer.Form.NFC);
        }
        for (VariableField field : record.getVariableFields()) {
            if (field instanceof ControlField control) {
                control.setData(decoding.apply(control.getData()));
            } else if (field instanceof DataField data) {
                for (Subfield subfield : data.getSubfields()) {
                    subfield.setData(decoding.apply(subfield.getData()));
                }
            }
        }
        record.getLeader().setCharCodingScheme('a');
        return guessed;
    }

    private static List<String> texts(Record record) {
        List<String> texts = new ArrayList<>();
        for (VariableField field : record.getVariableFields()) {
            if (field instanceof ControlField control) {
                texts.add(control.getData());
            } else if (field instanceof DataField data) {
                data.getSubfields().forEach(subfield -> texts.add(subfield.getData()));
            }
        }
        return texts;
    }

    private static boolean isUtf8(String latin1) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasMultiByte(String latin1) {
        return latin1.chars().anyMatch(c -> c >= 0x80);
    }
}
