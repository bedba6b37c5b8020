package vn.motsach.command.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motsach.events.EducationLevel;

class SchoolGradesTest {

    @Test
    void aLowerSecondarySchoolTeachesGradesSixToNine() {
        SchoolGrades thcs = new SchoolGrades(Set.of(EducationLevel.LOWER_SECONDARY));

        assertThat(thcs.teaches(3)).isFalse();
        assertThat(thcs.teaches(6)).isTrue();
        assertThat(thcs.teaches(9)).isTrue();
        assertThat(thcs.teaches(10)).isFalse();
        assertThat(thcs.inWords()).isEqualTo("6–9");
    }

    @Test
    void levelsTogetherAreSaidAsRunsOfGrades() {
        assertThat(new SchoolGrades(Set.of(EducationLevel.PRIMARY, EducationLevel.LOWER_SECONDARY)).inWords()).isEqualTo("1–9");
        assertThat(new SchoolGrades(Set.of(EducationLevel.PRESCHOOL, EducationLevel.UPPER_SECONDARY)).inWords()).isEqualTo("0, 10–12");
    }

    /** A school whose levels were never recorded refuses no grade. */
    @Test
    void aSchoolOfNoKnownLevelTeachesEveryGrade() {
        assertThat(new SchoolGrades(Set.of()).teaches(3)).isTrue();
    }
}
