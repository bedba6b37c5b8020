package vn.motsach.command.imports.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassNamesTest {

    /** A message says "Lớp {0}": a name written "Lớp 6A2" must not come out "Lớp Lớp 6A2". */
    @Test
    void aNameWrittenWithItsLabelLosesIt() {
        assertThat(ClassNames.bare("Lớp 6A2", "6a2")).isEqualTo("6A2");
        assertThat(ClassNames.bare("lop 6A2", "6a2")).isEqualTo("6A2");
        assertThat(ClassNames.bare("Class 10B", "10b")).isEqualTo("10B");
        assertThat(ClassNames.bare("6A2", "6a2")).isEqualTo("6A2");
        assertThat(ClassNames.bare("Lớp", "x")).isEqualTo("Lớp");
        assertThat(ClassNames.bare(null, "6a2")).isEqualTo("6a2");
    }
}
