package vn.motsach.command.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.motsach.command.patrons.PatronLookups.RosterPatron;
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
    /** The school's patrons: a teacher, one who has left, a staff member, a student. */
    private static final Map<String, RosterPatron> PATRONS = Map.of(
            "gv-lan", new RosterPatron("Trần Thị Lan", PatronCategory.TEACHER, true, null),
            "gv-dung", new RosterPatron("Lê Văn Dũng", PatronCategory.TEACHER, false, null),
            "nv-minh", new RosterPatron("Phạm Minh", PatronCategory.STAFF, true, null),
            "hs-an", new RosterPatron("Nguyễn Văn An", PatronCategory.STUDENT, true, ClassId.of("4a1")));
    private static final Function<PatronId, Optional<RosterPatron>> PATRON_OF =
            patron -> Optional.ofNullable(PATRONS.get(patron.value()));
    /** The school's id that differs from one asked only by case. */
    private static final Function<PatronId, Optional<String>> SAME_BUT_CASE = patron -> PATRONS.keySet().stream()
            .filter(id -> !id.equals(patron.value()) && id.equalsIgnoreCase(patron.value())).findFirst();

    @Test
    void aTeacherOfTheSchoolIsAccepted() {
        assertThatCode(() -> judge(setUp("gv-lan"), null)).doesNotThrowAnyException();
    }

    @Test
    void aStaffMemberAStudentOrATeacherWhoHasLeftIsRefusedNamingThemAndTheClass() {
        for (String patron : new String[] {"nv-minh", "hs-an", "gv-dung"}) {
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

    /** Ids match as written: "GV-LAN" is no patron, and most likely a slip for gv-lan, which the refusal names. */
    @Test
    void anIdDifferingOnlyByCaseFromAPatronsIsRefusedNamingThePatrons() {
        assertThatThrownBy(() -> judge(setUp("GV-LAN"), null)).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(RefusalCode.HOMEROOM_TEACHER_CASE_DIFFERS);
            assertThat(refused.arguments()).containsExactly("GV-LAN", "gv-lan");
        });
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
        SchoolClass.refuseWhenHomeroomTeacherNotTeacher(command, current, PATRON_OF, SAME_BUT_CASE);
    }
}
