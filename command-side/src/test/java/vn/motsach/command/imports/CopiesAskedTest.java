package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CopiesAskedTest {

    @Test
    void aNumberIsReadAndOneOutOfAnIntIsOutOfRangeNotNoNumber() {
        assertThat(ImportController.copiesAsked("3")).isEqualTo(3);
        assertThat(ImportController.copiesAsked("+007")).isEqualTo(7);
        assertThat(ImportController.copiesAsked("-0")).isZero();
        assertThat(ImportController.copiesAsked("-2")).isEqualTo(-1);
        assertThat(ImportController.copiesAsked("99999999999")).isEqualTo(-1);
        assertThat(ImportController.copiesAsked("999999999")).isEqualTo(999_999_999);
        assertThatThrownBy(() -> ImportController.copiesAsked("3 bản")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ImportController.copiesAsked("")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aMillionDigitsAreReadInAMomentNotParsedAsABigNumber() {
        String digits = "7".repeat(2_000_000);
        long started = System.nanoTime();
        assertThat(ImportController.copiesAsked(digits)).isEqualTo(-1);
        // a BigInteger of two million digits takes seconds; reading the digits takes milliseconds
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
}
