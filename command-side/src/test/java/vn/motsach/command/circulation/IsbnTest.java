package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsbnTest {

    @Test
    void acceptsIsbn13WithHyphens() {
        assertThat(Isbn.normalise("978-604-1-08525-1")).contains("9786041085251");
    }

    @Test
    void acceptsIsbn10WithAnXCheckDigit() {
        assertThat(Isbn.normalise("0-8044-2957-X")).contains("080442957X");
    }

    @Test
    void refusesAWrongCheckDigitOrLength() {
        assertThat(Isbn.normalise("978-604-1-08525-2")).isEmpty();
        assertThat(Isbn.normalise("12345")).isEmpty();
        assertThat(Isbn.normalise("978604108525X")).isEmpty();
    }
}
