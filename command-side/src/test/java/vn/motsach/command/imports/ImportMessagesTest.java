package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The import's messages: each in Vietnamese and in English, and none showing the librarian a pattern or a code. */
class ImportMessagesTest {

    @Test
    void everyImportMessageHasItsEnglishVariantAndTheOtherWayRound() throws IOException {
        Properties vietnamese = bundle("problems/command.properties");
        Properties english = bundle("problems/command_en.properties");

        assertThat(importKeys(english)).isEqualTo(importKeys(vietnamese));
    }

    /** A workbook's row is a "dòng", a MARC record a "bản ghi": no message says both at once. */
    @Test
    void noMessageSaysRowOrMarcRecordAtOnce() throws IOException {
        Properties vietnamese = bundle("problems/command.properties");
        Properties english = bundle("problems/command_en.properties");

        for (String key : importKeys(vietnamese)) {
            assertThat(vietnamese.getProperty(key)).as(key).doesNotContain("(hoặc bản ghi");
            assertThat(english.getProperty(key)).as(key).doesNotContain("(or MARC record)");
        }
    }

    @Test
    void everyImportMessageFormatsWithItsArguments() throws IOException {
        for (String file : new String[] {"problems/command.properties", "problems/command_en.properties"}) {
            Properties messages = bundle(file);
            for (String key : importKeys(messages)) {
                String said = new MessageFormat(messages.getProperty(key), Locale.ROOT)
                        .format(new Object[] {"a", "b", "c", "d", "e", "f"});
                assertThat(said).as(file + " " + key).doesNotContain("{").doesNotContain("}");
            }
        }
    }

    private static Set<String> importKeys(Properties messages) {
        Set<String> keys = new TreeSet<>();
        messages.stringPropertyNames().stream().filter(key -> key.startsWith("import.")).forEach(keys::add);
        return keys;
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(ImportMessagesTest.class.getClassLoader().getResourceAsStream(path),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
