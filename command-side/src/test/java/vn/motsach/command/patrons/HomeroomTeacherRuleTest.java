package vn.motsach.command.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.schoolclass.ClassDetailsChanged;

/** SchoolClass.refuseWhenHomeroomTeacherNotTeacher: a GVCN named is one of the school's teachers. */
class HomeroomTeacherRuleTest {

    private static final SchoolId SCHOOL = SchoolId.of("th-hoa-binh");
    private static final ClassId CLASS = ClassId.of("4a1");
    private static final SchoolYear YEAR = SchoolYear.of("2026-2027");
    private static final Map<String, PatronCategory> PATRONS = Map.of("gv-lan", PatronCategory.TEACHER,
            "nv-minh", PatronCategory.STAFF, "hs-an", PatronCategory.STUDENT);
    private static final Function<PatronId, Optional<PatronCategory>> CATEGORY_OF =
            patron -> Optional.ofNullable(PATRONS.get(patron.value()));

    @Test
    void aTeacherOfTheSchoolIsAccepted() {
        assertThatCode(() -> judge(setUp("gv-lan"), null)).doesNotThrowAnyException();
    }

    @Test
    void aStaffMemberOrAStudentIsRefusedNamingThemAndTheClass() {
        for (String patron : new String[] {"nv-minh", "hs-an"}) {
            assertThatThrownBy(() -> judge(setUp(patron), null)).isInstanceOfSatisfying(Refused.class, refused -> {
                assertThat(refused.code()).isEqualTo(RefusalCode.HOMEROOM_TEACHER_NOT_TEACHER);
                assertThat(refused.arguments()).containsExactly(patron, "4a1");
            });
        }
    }

    /** A roster's classes go in before its patrons: an id not yet a patron is for the import to warn of. */
    @Test
    void anIdNotYetAPatronIsKept() {
        assertThatCode(() -> judge(setUp("gv-moi"), null)).doesNotThrowAnyException();
        assertThatCode(() -> judge(setUp(null), null)).doesNotThrowAnyException();
    }

    /** A class renamed keeps the GVCN it had, though they were set before the rule or are staff now. */
    @Test
    void theGvcnAClassAlreadyHasDoesNotStopItsCorrection() {
        ClassDetailsChanged current = new ClassDetailsChanged(SCHOOL, CLASS, "4A1", 4, YEAR, PatronId.of("nv-minh"));

        assertThatCode(() -> judge(setUp("nv-minh"), current)).doesNotThrowAnyException();
        assertThatThrownBy(() -> judge(setUp("hs-an"), current)).isInstanceOf(Refused.class);
    }

    private static SetUpClass setUp(String teacher) {
        return new SetUpClass(SCHOOL, CLASS, "Lớp 4A1", 4, YEAR, teacher == null ? null : PatronId.of(teacher));
    }

    private static void judge(SetUpClass command, ClassDetailsChanged current) {
        SchoolClass.refuseWhenHomeroomTeacherNotTeacher(command, current, CATEGORY_OF);
    }
}
