package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FoldingTest {

    /** The definition, as the migration's {@code cmd_fold} states it: what the one-pass fold must equal. */
    private static final Pattern MARKS = Pattern.compile("[\\u0300-\\u036f]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}]+");

    private static String byDefinition(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(bare).replaceAll(" ").strip();
    }

    @Test
    void foldsAsALibrarianCompares() {
        assertThat(Folding.fold("Đường  về.")).isEqualTo("duong ve");
        assertThat(Folding.fold("  TIẾNG VIỆT 6 – Tập 1 (Kết nối tri thức)! ")).isEqualTo("tieng viet 6 – tap 1 ket noi tri thuc");
        assertThat(Folding.fold("Nguyễn Du")).isEqualTo(Folding.fold("Nguye\u0302\u0303n du"));
        assertThat(Folding.fold("...")).isEmpty();
    }

    @Test
    void equalsTheDefinitionOnAnyText() {
        String alphabet = "aăâbcdđĐeêghiklmnoôơpqrstuưvxyAĂÂEÊOÔƠUƯáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ"
                + "0123456789 \t\n\u000b\f\r!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
                + "\u00a0\u2003\u3000\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b–—“”…ΣσςİIıßǅ";
        Random random = new Random(20261205);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(Folding.fold(text.toString())).as(text.toString()).isEqualTo(byDefinition(text.toString()));
        }
    }
}
