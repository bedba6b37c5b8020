package vn.motsach.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16;
import vn.motsach.events.evaluation.Circular16.Level;
import vn.motsach.query.evaluation.EvaluationView.CriterionView;

/** The rules of the Circular 16 evaluation, each on facts made for it. */
class Circular16EvaluationTest {

    private static final LocalDate STARTS = LocalDate.of(2026, 9, 5);
    private static final LocalDate ENDS = LocalDate.of(2027, 5, 31);

    @Test
    void aPrimarySchoolWith29CopiesFor10StudentsIsShortOfLevel1ByOneCopy() {
        Judgement judged = Circular16Evaluation.copiesPerStudent(facts(Map.of(EducationLevel.PRIMARY, 10),
                copies(DocType.CHILDREN, 29, 29), Thresholds.DEFAULTS));
        assertThat(judged.value()).isEqualByComparingTo("2.9");
        assertThat(judged.threshold()).isEqualByComparingTo("3");
        assertThat(judged.thresholdLevel2()).isNull();
        assertThat(judged.level(Level.LEVEL_1)).isEqualTo(Level.NOT_MET);
        assertThat(judged.missingLevel1()).isEqualTo(
                "Bổ sung ít nhất 1 bản sách (hiện có 29 bản sách cho 10 học sinh; mức độ 1 cần 3 bản mỗi học sinh).");

        Judgement thirty = Circular16Evaluation.copiesPerStudent(facts(Map.of(EducationLevel.PRIMARY, 10),
                copies(DocType.CHILDREN, 30, 30), Thresholds.DEFAULTS));
        assertThat(thirty.level(Level.LEVEL_1)).isEqualTo(Level.LEVEL_1);
        assertThat(thirty.missingLevel2()).isEqualTo("Cơ quan quản lý chưa quy định số bản sách trên mỗi học sinh cho mức độ 2.");
    }

    @Test
    void periodicalsAndDigitalItemsCountOnlyWhenTheAuthoritySaysSo() {
        Map<DocType, SchoolFacts.Copies> copies = Map.of(DocType.CHILDREN, new SchoolFacts.Copies(20, 20),
                DocType.PERIODICAL, new SchoolFacts.Copies(10, 0), DocType.DIGITAL, new SchoolFacts.Copies(10, 0));
        assertThat(Circular16Evaluation.copiesPerStudent(facts(Map.of(EducationLevel.PRIMARY, 10), copies, Thresholds.DEFAULTS))
                .value()).isEqualByComparingTo("2");
        Thresholds periodicals = new Thresholds("xa-a", Map.of(EducationLevel.PRIMARY, new BigDecimal("3.5")), Map.of(), 1,
                Set.of(DocType.CHILDREN, DocType.PERIODICAL));
        Judgement judged = Circular16Evaluation.copiesPerStudent(facts(Map.of(EducationLevel.PRIMARY, 10), copies, periodicals));
        assertThat(judged.value()).isEqualByComparingTo("3");
        assertThat(judged.thresholdLevel2()).isEqualByComparingTo("3.5");
        assertThat(judged.level(Level.LEVEL_1)).isEqualTo(Level.LEVEL_1);
    }

    @Test
    void aMultiLevelSchoolNeedsEachLevelsNumberForItsStudents() {
        Map<EducationLevel, Integer> students = Map.of(EducationLevel.PRIMARY, 10, EducationLevel.LOWER_SECONDARY, 10);
        // 10 × 3 + 10 × 4 = 70 copies for 20 students: 3.5 each on average
        Judgement short1 = Circular16Evaluation.copiesPerStudent(facts(students, copies(DocType.GENERAL, 69, 69), Thresholds.DEFAULTS));
        assertThat(short1.threshold()).isEqualByComparingTo("3.5");
        assertThat(short1.metLevel1()).isFalse();
        assertThat(Circular16Evaluation.copiesPerStudent(facts(students, copies(DocType.GENERAL, 70, 70), Thresholds.DEFAULTS))
                .metLevel1()).isTrue();
    }

    @Test
    void preschoolsHaveBothLevelsNumbersPerChildAndPerTeacher() {
        SchoolFacts preschool = facts(Map.of(EducationLevel.PRESCHOOL, 10), copies(DocType.CHILDREN, 30, 30), Thresholds.DEFAULTS);
        Judgement perChild = Circular16Evaluation.copiesPerStudent(preschool);
        assertThat(perChild.threshold()).isEqualByComparingTo("2");
        assertThat(perChild.thresholdLevel2()).isEqualByComparingTo("3");
        assertThat(perChild.level(Level.LEVEL_1)).isEqualTo(Level.LEVEL_2);
        Judgement perTeacher = Circular16Evaluation.copiesPerTeacher(preschool);
        assertThat(perTeacher.value()).isEqualByComparingTo("15");
        assertThat(perTeacher.threshold()).isEqualByComparingTo("3");
        assertThat(perTeacher.thresholdLevel2()).isEqualByComparingTo("4");
    }

    @Test
    void activitiesAreCountedPerMonthOfTheYearSoFar() {
        // 5 September to 4 December: three months
        SchoolFacts facts = with(facts(Map.of(EducationLevel.PRIMARY, 10), Map.of(), Thresholds.DEFAULTS), 2, 0);
        Judgement judged = Circular16Evaluation.activities(facts);
        assertThat(judged.value()).isEqualByComparingTo("0.66");
        assertThat(judged.metLevel1()).isFalse();
        assertThat(judged.missingLevel1()).startsWith("Tổ chức thêm 1 hoạt động thư viện");
        assertThat(Circular16Evaluation.activities(with(facts, 2, 1)).metLevel1()).isTrue();
    }

    @Test
    void lienThongActivityCountsAmongTheActivitiesWithItsEvidence() {
        // two library periods in three months fall one short; a rotation received makes up for it
        SchoolFacts facts = with(facts(Map.of(EducationLevel.PRIMARY, 10), Map.of(), Thresholds.DEFAULTS), 2, 0);
        Judgement judged = Circular16Evaluation.activities(interop(facts, new SchoolFacts.Interop(0, 0, 1)));
        assertThat(judged.metLevel1()).isTrue();
        assertThat(judged.evidence()).contains("1 hoạt động liên thông thư viện: 0 lượt mượn liên thư viện đã nhận sách, "
                + "0 đợt luân chuyển sách gửi đi, 1 đợt luân chuyển sách nhận về");
        assertThat(Circular16Evaluation.activities(facts).evidence()).noneMatch(line -> line.contains("liên thông"));
    }

    @Test
    void weedingCountsWithinThreeYearsOfTheYearsEnd() {
        SchoolFacts facts = facts(Map.of(EducationLevel.PRIMARY, 10), Map.of(), Thresholds.DEFAULTS);
        assertThat(Circular16Evaluation.weeding(weeded(facts, LocalDate.of(2024, 6, 1))).metLevel1()).isTrue();
        assertThat(Circular16Evaluation.weeding(weeded(facts, LocalDate.of(2024, 5, 31))).metLevel1()).isFalse();
        assertThat(Circular16Evaluation.weeding(facts).metLevel1()).isFalse();
    }

    @Test
    void theSchoolIsAtTheLowestLevelOfItsStandardsAndSaysWhatIsMissing() {
        SchoolFacts facts = facts(Map.of(EducationLevel.PRIMARY, 10), copies(DocType.CHILDREN, 29, 29), Thresholds.DEFAULTS);
        EvaluationView view = Circular16Evaluation.evaluate(facts, Instant.EPOCH);
        assertThat(view.level()).isEqualTo(Level.NOT_MET);
        assertThat(view.standards()).extracting(EvaluationView.StandardView::standard).containsExactly(1, 2, 3, 4, 5);
        assertThat(view.standards().stream().mapToInt(s -> s.criteria().size()).sum()).isEqualTo(Circular16.CRITERIA.size());
        CriterionView furniture = view.standards().get(2).criteria().stream()
                .filter(c -> c.criterionId().equals(Circular16.FURNITURE)).findFirst().orElseThrow();
        assertThat(furniture.met()).isFalse();
        assertThat(furniture.missing()).isEqualTo("Khai báo tiêu chí \"Có đủ giá, tủ, bàn ghế chuyên dùng cho thư viện\" kèm minh chứng.");
        assertThat(view.missingForNextLevel().nextLevel()).isEqualTo(Level.LEVEL_1);
        assertThat(view.missingForNextLevel().items()).extracting(EvaluationView.MissingItem::criterionId)
                .contains(Circular16.COPIES_PER_STUDENT, Circular16.FURNITURE)
                .doesNotContain(Circular16.EXTENDED_RESOURCES);
    }

    @Test
    void aLevel2CriterionHoldsBackOnlyLevel2() {
        SchoolFacts.Profile profile = new SchoolFacts.Profile(new BigDecimal("60"), 40,
                Map.of(Circular16.EXTENDED_RESOURCES, new SchoolFacts.Declared(false, List.of())));
        Circular16.Criterion extended = Circular16.criterion(Circular16.EXTENDED_RESOURCES).orElseThrow();
        Judgement judged = Circular16Evaluation.declared(extended, profiled(facts(Map.of(), Map.of(), Thresholds.DEFAULTS), profile));
        assertThat(judged.level(extended.requiredFor())).isEqualTo(Level.LEVEL_1);
        assertThat(Circular16Evaluation.readingRoom(profiled(facts(Map.of(), Map.of(), Thresholds.DEFAULTS), profile))
                .level(Level.LEVEL_1)).isEqualTo(Level.LEVEL_2);
    }

    private static Map<DocType, SchoolFacts.Copies> copies(DocType type, int inCirculation, int classified) {
        return Map.of(type, new SchoolFacts.Copies(inCirculation, classified));
    }

    private static SchoolFacts facts(Map<EducationLevel, Integer> students, Map<DocType, SchoolFacts.Copies> copies,
            Thresholds thresholds) {
        List<EducationLevel> levels = students.isEmpty() ? List.of(EducationLevel.PRIMARY)
                : students.keySet().stream().sorted().toList();
        return new SchoolFacts("th-a", "Trường Tiểu học A", levels, "2026-2027", STARTS, ENDS, LocalDate.of(2026, 12, 4),
                new EnumMap<>(students.isEmpty() ? Map.of(EducationLevel.PRIMARY, 0) : students), 2, copies, 0, 0, 0, 0, 0, 0,
                List.of(), null, null, thresholds);
    }

    private static SchoolFacts with(SchoolFacts f, int periods, int events) {
        return new SchoolFacts(f.schoolId(), f.name(), f.educationLevels(), f.schoolYear(), f.startsOn(), f.endsOn(), f.asOf(),
                f.studentsByLevel(), f.teachers(), f.copiesByType(), f.copiesRegistered(), f.intakes(), f.titles(), f.loansInYear(),
                periods, events, f.stocktakes(), f.lastWeeding(), f.profile(), f.thresholds());
    }

    private static SchoolFacts interop(SchoolFacts f, SchoolFacts.Interop interop) {
        return new SchoolFacts(f.schoolId(), f.name(), f.educationLevels(), f.schoolYear(), f.startsOn(), f.endsOn(), f.asOf(),
                f.studentsByLevel(), f.teachers(), f.copiesByType(), f.copiesRegistered(), f.intakes(), f.titles(), f.loansInYear(),
                f.libraryPeriods(), f.readingEvents(), f.stocktakes(), f.lastWeeding(), f.profile(), f.thresholds(), interop);
    }

    private static SchoolFacts weeded(SchoolFacts f, LocalDate on) {
        return new SchoolFacts(f.schoolId(), f.name(), f.educationLevels(), f.schoolYear(), f.startsOn(), f.endsOn(), f.asOf(),
                f.studentsByLevel(), f.teachers(), f.copiesByType(), f.copiesRegistered(), f.intakes(), f.titles(), f.loansInYear(),
                f.libraryPeriods(), f.readingEvents(), f.stocktakes(), on, f.profile(), f.thresholds());
    }

    private static SchoolFacts profiled(SchoolFacts f, SchoolFacts.Profile profile) {
        return new SchoolFacts(f.schoolId(), f.name(), f.educationLevels(), f.schoolYear(), f.startsOn(), f.endsOn(), f.asOf(),
                f.studentsByLevel(), f.teachers(), f.copiesByType(), f.copiesRegistered(), f.intakes(), f.titles(), f.loansInYear(),
                f.libraryPeriods(), f.readingEvents(), f.stocktakes(), f.lastWeeding(), profile, f.thresholds());
    }
}
