package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16;
import vn.motsach.events.evaluation.Circular16.Criterion;
import vn.motsach.events.evaluation.Circular16.Level;
import vn.motsach.events.evaluation.Circular16.Standard;
import vn.motsach.query.evaluation.EvaluationView.CriterionView;
import vn.motsach.query.evaluation.EvaluationView.MissingItem;
import vn.motsach.query.evaluation.EvaluationView.MissingView;
import vn.motsach.query.evaluation.EvaluationView.StandardView;

/**
 * The Circular 16 evaluation of one school from its facts: one rule per criterion of
 * {@link Circular16}, a standard at the lowest level of its criteria, the school at the lowest
 * level of its standards (Art 25: there is no partial rating).
 */
final class Circular16Evaluation {

    private static final Map<String, Function<SchoolFacts, Judgement>> RULES = Map.ofEntries(
            Map.entry(Circular16.COPIES_PER_STUDENT, Circular16Evaluation::copiesPerStudent),
            Map.entry(Circular16.COPIES_PER_TEACHER, Circular16Evaluation::copiesPerTeacher),
            Map.entry(Circular16.RESOURCES_PROCESSED, Circular16Evaluation::resourcesProcessed),
            Map.entry(Circular16.READING_ROOM, Circular16Evaluation::readingRoom),
            Map.entry(Circular16.LOOKUP, Circular16Evaluation::lookup),
            Map.entry(Circular16.ELECTRONIC_CIRCULATION, Circular16Evaluation::electronicCirculation),
            Map.entry(Circular16.ACTIVITIES, Circular16Evaluation::activities),
            Map.entry(Circular16.READING_EVENT, Circular16Evaluation::readingEvent),
            Map.entry(Circular16.REGISTERS, Circular16Evaluation::registers),
            Map.entry(Circular16.STOCKTAKE, Circular16Evaluation::stocktake),
            Map.entry(Circular16.WEEDING, Circular16Evaluation::weeding));

    private Circular16Evaluation() {
    }

    static EvaluationView evaluate(SchoolFacts facts, Instant computedAt) {
        List<StandardView> standards = new ArrayList<>();
        Level school = Level.LEVEL_2;
        Map<String, Judgement> judged = new HashMap<>();
        for (Standard standard : Circular16.STANDARDS) {
            List<CriterionView> criteria = new ArrayList<>();
            Level level = Level.LEVEL_2;
            for (Criterion criterion : Circular16.CRITERIA) {
                if (criterion.standard() != standard.number()) {
                    continue;
                }
                Judgement judgement = judge(criterion, facts);
                judged.put(criterion.id(), judgement);
                Level reached = judgement.level(criterion.requiredFor());
                level = level.lower(reached);
                criteria.add(new CriterionView(criterion.id(), criterion.text(), criterion.textEn(), criterion.source(),
                        criterion.requiredFor(), judgement.value(), judgement.threshold(), judgement.thresholdLevel2(),
                        judgement.met(criterion.requiredFor()), reached, judgement.evidence(),
                        reached == Level.LEVEL_2 ? null : judgement.missingFor(reached == Level.NOT_MET ? Level.LEVEL_1 : Level.LEVEL_2)));
            }
            standards.add(new StandardView(standard.number(), standard.name(), standard.nameEn(), level, criteria));
            school = school.lower(level);
        }
        return new EvaluationView(facts.schoolId(), facts.name(), facts.schoolYear(), facts.educationLevels(), school, standards,
                missing(school, judged), facts.thresholds().setBy(), computedAt);
    }

    private static MissingView missing(Level school, Map<String, Judgement> judged) {
        if (school == Level.LEVEL_2) {
            return new MissingView(null, List.of());
        }
        Level next = school == Level.NOT_MET ? Level.LEVEL_1 : Level.LEVEL_2;
        List<MissingItem> items = new ArrayList<>();
        for (Criterion criterion : Circular16.CRITERIA) {
            Judgement judgement = judged.get(criterion.id());
            if (judgement.level(criterion.requiredFor()).compareTo(next) < 0) {
                items.add(new MissingItem(criterion.id(), criterion.standard(), judgement.missingFor(next)));
            }
        }
        return new MissingView(next, items);
    }

    private static Judgement judge(Criterion criterion, SchoolFacts facts) {
        Function<SchoolFacts, Judgement> rule = RULES.get(criterion.id());
        return rule != null ? rule.apply(facts) : declared(criterion, facts);
    }

    // --- standard 1: information resources ---

    /**
     * Copies in circulation of the counted types per student enrolled. A school of several levels
     * needs each level's number for each of its students: the threshold is their average,
     * weighted by the students of each level.
     */
    static Judgement copiesPerStudent(SchoolFacts facts) {
        int copies = facts.countedCopies().inCirculation();
        int students = facts.students();
        Map<EducationLevel, Integer> byLevel = facts.studentsByLevel();
        Optional<BigDecimal> needed1 = needed(byLevel, level -> facts.thresholds().copiesPerStudent(level, Level.LEVEL_1));
        Optional<BigDecimal> needed2 = needed(byLevel, level -> facts.thresholds().copiesPerStudent(level, Level.LEVEL_2));
        List<String> evidence = new ArrayList<>();
        evidence.add(Words.copies(copies) + " đang lưu hành thuộc các loại được tính (không kể bản đã thanh lý, bị mất)");
        byLevel.forEach((level, count) -> evidence.add(Words.level(level) + ": " + count + " học sinh"));
        if (students == 0) {
            String missing = "Ghi danh học sinh của trường vào phần mềm để tính số bản sách trên mỗi học sinh.";
            return new Judgement(null, perPerson(facts, Level.LEVEL_1, true), perPerson(facts, Level.LEVEL_2, true), false, false,
                    evidence, missing, missing);
        }
        return ratio(copies, students, "học sinh", needed1, needed2, evidence);
    }

    /** Copies per teacher, at the highest number among the school's levels (a teacher may teach any of them). */
    static Judgement copiesPerTeacher(SchoolFacts facts) {
        int copies = facts.countedCopies().inCirculation();
        int teachers = facts.teachers();
        Optional<BigDecimal> per1 = Optional.ofNullable(perPerson(facts, Level.LEVEL_1, false));
        Optional<BigDecimal> per2 = Optional.ofNullable(perPerson(facts, Level.LEVEL_2, false));
        List<String> evidence = List.of(Words.copies(copies) + " đang lưu hành cho " + teachers + " giáo viên");
        if (teachers == 0) {
            String missing = "Ghi danh giáo viên của trường vào phần mềm để tính số bản sách trên mỗi giáo viên.";
            return new Judgement(null, per1.orElse(null), per2.orElse(null), false, false, evidence, missing, missing);
        }
        BigDecimal count = BigDecimal.valueOf(teachers);
        return ratio(copies, teachers, "giáo viên", per1.map(count::multiply), per2.map(count::multiply), evidence);
    }

    static Judgement resourcesProcessed(SchoolFacts facts) {
        SchoolFacts.Copies counted = facts.countedCopies();
        int unclassified = counted.inCirculation() - counted.classified();
        BigDecimal share = counted.inCirculation() == 0 ? BigDecimal.ZERO
                : percent(counted.classified(), counted.inCirculation());
        boolean met = counted.inCirculation() > 0 && unclassified == 0;
        String missing = counted.inCirculation() == 0 ? "Vào sổ và biên mục sách của thư viện trong phần mềm."
                : "Phân loại (ghi môn loại) cho " + Words.copies(unclassified) + " còn chưa phân loại.";
        List<String> evidence = List.of(Words.copies(counted.classified()) + " đã đăng ký và phân loại trên "
                + Words.copies(counted.inCirculation()) + " được tính");
        BigDecimal all = BigDecimal.valueOf(100);
        return new Judgement(share, all, all, met, met, evidence, met ? null : missing, met ? null : missing);
    }

    // --- standard 2: facilities, the declared reading room ---

    /** The reading room declared: at least the area the law asks, seats for readers, and not declared unmet. */
    static Judgement readingRoom(SchoolFacts facts) {
        SchoolFacts.Profile profile = facts.profile();
        BigDecimal least = Circular16.READING_ROOM_M2;
        if (profile == null) {
            String missing = "Khai báo hồ sơ thư viện năm học (diện tích phòng đọc, số chỗ ngồi).";
            return new Judgement(null, least, least, false, false, List.of(), missing, missing);
        }
        SchoolFacts.Declared declared = profile.criteria().get(Circular16.READING_ROOM);
        boolean met = profile.readingRoomM2().compareTo(least) >= 0 && profile.seats() > 0
                && (declared == null || declared.met());
        List<String> evidence = new ArrayList<>();
        evidence.add("Phòng đọc " + Words.number(profile.readingRoomM2()) + " m², " + profile.seats() + " chỗ ngồi");
        if (declared != null) {
            evidence.addAll(declared.evidence());
        }
        String missing = "Bố trí phòng đọc rộng ít nhất " + Words.number(least) + " m² có chỗ ngồi cho người đọc (đã khai báo "
                + Words.number(profile.readingRoomM2()) + " m², " + profile.seats() + " chỗ ngồi).";
        return new Judgement(profile.readingRoomM2(), least, least, met, met, evidence, met ? null : missing, met ? null : missing);
    }

    // --- standard 4: library activities ---

    static Judgement lookup(SchoolFacts facts) {
        return Judgement.of(facts.titles() > 0,
                List.of(facts.titles() + " đầu sách tra cứu được trên mục lục trực tuyến (OPAC) của trường"),
                "Biên mục sách của thư viện vào phần mềm để học sinh, giáo viên tra cứu được.");
    }

    static Judgement electronicCirculation(SchoolFacts facts) {
        return Judgement.of(facts.loansInYear() > 0,
                List.of(facts.loansInYear() + " lượt mượn được ghi bằng phần mềm trong năm học " + facts.schoolYear()),
                "Ghi mượn, trả sách bằng phần mềm trong năm học.");
    }

    /**
     * Library periods, reading events and liên thông activity (loans between libraries fulfilled,
     * rotations sent or received: the standard's fifth group of activities) held, per month of the
     * year so far, against the authority's number.
     */
    static Judgement activities(SchoolFacts facts) {
        SchoolFacts.Interop interop = facts.interop();
        int held = facts.libraryPeriods() + facts.readingEvents() + interop.activities();
        long months = Math.max(1, ChronoUnit.MONTHS.between(facts.startsOn(), facts.asOf().plusDays(1)));
        BigDecimal perMonth = Words.tidy(BigDecimal.valueOf(held).divide(BigDecimal.valueOf(months), 2, RoundingMode.DOWN));
        BigDecimal threshold = BigDecimal.valueOf(facts.thresholds().activitiesPerMonth());
        boolean met = held >= facts.thresholds().activitiesPerMonth() * months;
        List<String> evidence = new ArrayList<>(List.of(facts.libraryPeriods() + " tiết thư viện và " + facts.readingEvents()
                + " sự kiện đọc trong " + months + " tháng của năm học"));
        if (interop.activities() > 0) {
            evidence.add(interop.activities() + " hoạt động liên thông thư viện: " + interop.interlibraryLoansFulfilled()
                    + " lượt mượn liên thư viện đã nhận sách, " + interop.rotationsSent() + " đợt luân chuyển sách gửi đi, "
                    + interop.rotationsReceived() + " đợt luân chuyển sách nhận về");
        }
        String missing = "Tổ chức thêm " + (facts.thresholds().activitiesPerMonth() * months - held)
                + " hoạt động thư viện (tiết đọc, giới thiệu sách, sự kiện đọc) để đạt " + threshold + " hoạt động mỗi tháng.";
        return new Judgement(perMonth, threshold, threshold, met, met, evidence, met ? null : missing, met ? null : missing);
    }

    static Judgement readingEvent(SchoolFacts facts) {
        return Judgement.of(facts.readingEvents() > 0,
                List.of(facts.readingEvents() + " sự kiện đọc đã tổ chức trong năm học"),
                "Tổ chức ít nhất một ngày hội đọc hoặc sự kiện khuyến đọc trong năm học.");
    }

    // --- standard 5: library management ---

    static Judgement registers(SchoolFacts facts) {
        return Judgement.of(facts.copiesRegistered() > 0,
                List.of("Sổ đăng ký cá biệt: " + Words.copies(facts.copiesRegistered()),
                        "Sổ đăng ký tổng quát: " + facts.intakes() + " lần nhập sách"),
                "Vào sổ đăng ký cá biệt các bản sách của thư viện.");
    }

    static Judgement stocktake(SchoolFacts facts) {
        List<String> evidence = facts.stocktakes().stream()
                .map(s -> "Kiểm kê \"" + s.name() + "\" ngày " + Words.date(s.startedOn()) + (s.closed() ? " (đã kết thúc)" : " (đang kiểm kê)"))
                .toList();
        return Judgement.of(!facts.stocktakes().isEmpty(), evidence, "Tiến hành kiểm kê kho sách trong năm học.");
    }

    /** Weeding within the three years up to the year's end. */
    static Judgement weeding(SchoolFacts facts) {
        LocalDate since = facts.endsOn().minusYears(Circular16.WEEDING_YEARS);
        LocalDate last = facts.lastWeeding();
        boolean met = last != null && last.isAfter(since) && !last.isAfter(facts.endsOn());
        List<String> evidence = last == null ? List.of() : List.of("Lần thanh lọc gần nhất ngày " + Words.date(last));
        return Judgement.of(met, evidence, "Thanh lọc sách cũ, hỏng, lạc hậu (chưa có đợt thanh lọc nào từ ngày "
                + Words.date(since.plusDays(1)) + ").");
    }

    /** A criterion the school answers in its library profile: met only when declared met. */
    static Judgement declared(Criterion criterion, SchoolFacts facts) {
        SchoolFacts.Declared declared = facts.profile() == null ? null : facts.profile().criteria().get(criterion.id());
        if (declared == null) {
            return Judgement.of(false, List.of(), "Khai báo tiêu chí \"" + criterion.text() + "\" kèm minh chứng.");
        }
        return Judgement.of(declared.met(), declared.evidence(), "Đáp ứng tiêu chí \"" + criterion.text() + "\".");
    }

    // --- numbers ---

    /** Copies needed for every person counted at each level's number; empty when a level's number is not set. */
    private static Optional<BigDecimal> needed(Map<EducationLevel, Integer> people, Function<EducationLevel, Optional<BigDecimal>> per) {
        BigDecimal needed = BigDecimal.ZERO;
        for (Map.Entry<EducationLevel, Integer> entry : people.entrySet()) {
            Optional<BigDecimal> number = per.apply(entry.getKey());
            if (number.isEmpty()) {
                return Optional.empty();
            }
            needed = needed.add(number.get().multiply(BigDecimal.valueOf(entry.getValue())));
        }
        return Optional.of(needed);
    }

    /** The number per student (with none enrolled: the school's own levels' highest) or per teacher, at {@code level}. */
    private static BigDecimal perPerson(SchoolFacts facts, Level level, boolean students) {
        BigDecimal highest = null;
        for (EducationLevel education : facts.educationLevels()) {
            Optional<BigDecimal> number = students ? facts.thresholds().copiesPerStudent(education, level)
                    : facts.thresholds().copiesPerTeacher(education, level);
            if (number.isEmpty()) {
                return null;
            }
            highest = highest == null || number.get().compareTo(highest) > 0 ? number.get() : highest;
        }
        return highest;
    }

    private static Judgement ratio(int copies, int people, String whom, Optional<BigDecimal> needed1, Optional<BigDecimal> needed2,
            List<String> evidence) {
        BigDecimal count = BigDecimal.valueOf(people);
        BigDecimal value = Words.tidy(BigDecimal.valueOf(copies).divide(count, 2, RoundingMode.DOWN));
        BigDecimal have = BigDecimal.valueOf(copies);
        boolean met1 = needed1.isPresent() && have.compareTo(needed1.get()) >= 0;
        boolean met2 = needed2.isPresent() && have.compareTo(needed2.get()) >= 0;
        BigDecimal threshold1 = needed1.map(n -> Words.tidy(n.divide(count, 2, RoundingMode.UP))).orElse(null);
        BigDecimal threshold2 = needed2.map(n -> Words.tidy(n.divide(count, 2, RoundingMode.UP))).orElse(null);
        return new Judgement(value, threshold1, threshold2, met1, met2, evidence,
                met1 ? null : shortOf(copies, people, whom, needed1, threshold1, "mức độ 1"),
                met2 ? null : shortOf(copies, people, whom, needed2, threshold2, "mức độ 2"));
    }

    private static String shortOf(int copies, int people, String whom, Optional<BigDecimal> needed, BigDecimal threshold, String level) {
        if (needed.isEmpty()) {
            return "Cơ quan quản lý chưa quy định số bản sách trên mỗi " + whom + " cho " + level + ".";
        }
        long more = needed.get().subtract(BigDecimal.valueOf(copies)).setScale(0, RoundingMode.CEILING).longValueExact();
        return "Bổ sung ít nhất " + Words.copies(more) + " (hiện có " + Words.copies(copies) + " cho " + people + " " + whom
                + "; " + level + " cần " + Words.number(threshold) + " bản mỗi " + whom + ").";
    }

    private static BigDecimal percent(int part, int whole) {
        return Words.tidy(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.DOWN));
    }
}
