package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import vn.motsach.events.RefusalCode;

/** Every refusal of the contract speaks Vietnamese and English, with diacritics where Vietnamese needs them. */
class ProblemTextsTest {

    private final MessageSource messages = new WebAutoConfiguration().messageSource();

    @Test
    void everyRefusalHasATitleAndADetailInBothLanguages() {
        for (RefusalCode code : RefusalCode.values()) {
            for (Locale locale : new Locale[] {WebAutoConfiguration.VIETNAMESE, Locale.ENGLISH}) {
                for (String part : new String[] {"title", "detail"}) {
                    String key = "problem." + code.name() + "." + part;
                    assertThat(messages.getMessage(key, new Object[] {"X", 2}, null, locale)).as(key + " " + locale).isNotBlank();
                }
            }
            String vietnamese = messages.getMessage("problem." + code.name() + ".detail", new Object[] {"X", 2}, null,
                    WebAutoConfiguration.VIETNAMESE);
            String english = messages.getMessage("problem." + code.name() + ".detail", new Object[] {"X", 2}, null, Locale.ENGLISH);
            assertThat(vietnamese).as(code.name()).isNotEqualTo(english).matches(".*[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ].*");
        }
    }
}
