package vn.motsach.command.imports.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** How titles are folded for matching, and MARC's punctuation taken off. */
class CatalogueReadingTest {

    @Test
    void titlesAreComparedWithoutCaseDiacriticsOrPunctuation() {
        assertThat(TitleMatches.fold("Đường  về, quê.")).isEqualTo("duong ve que");
        assertThat(TitleMatches.fold(Normalizer.normalize("DẾ MÈN phiêu lưu ký", Normalizer.Form.NFD)))
                .isEqualTo(TitleMatches.fold("Dế Mèn Phiêu Lưu Ký"));
        assertThat(TitleMatches.key("Tắt đèn", "Ngô Tất Tố", 1939)).isEqualTo("tat den|ngo tat to|1939");
        assertThat(TitleMatches.key("Tắt đèn", null, null)).isEqualTo("tat den||");
    }

    @Test
    void isbdPunctuationEndingAFieldIsTakenOff() {
        assertThat(MarcCatalogue.trimmed("Dế Mèn phiêu lưu ký /")).isEqualTo("Dế Mèn phiêu lưu ký");
        assertThat(MarcCatalogue.trimmed("Truyện :")).isEqualTo("Truyện");
        assertThat(MarcCatalogue.trimmed("Tô Hoài,")).isEqualTo("Tô Hoài");
        assertThat(MarcCatalogue.trimmed("Lão Hạc.")).isEqualTo("Lão Hạc");
        assertThat(MarcCatalogue.trimmed("Vân vân...")).isEqualTo("Vân vân...");
        assertThat(MarcCatalogue.trimmed(" / ")).isNull();
    }

    @Test
    void documentTypesAreReadAsFilesWriteThem() {
        assertThat(DocTypes.of("Sách giáo khoa")).hasValue(vn.motsach.events.DocType.TEXTBOOK);
        assertThat(DocTypes.of("TEACHER_PROFESSIONAL")).hasValue(vn.motsach.events.DocType.TEACHER_PROFESSIONAL);
        assertThat(DocTypes.of("báo, tạp chí")).hasValue(vn.motsach.events.DocType.PERIODICAL);
        assertThat(DocTypes.of("STN")).hasValue(vn.motsach.events.DocType.CHILDREN);
        assertThat(DocTypes.of("VM")).isEmpty();
    }
}
