package vn.motsach.command.imports.rollover;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.motsach.command.imports.roster.ClassNames;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.command.patrons.PatronLookups.RosterClass;
import vn.motsach.command.school.SchoolCalendar;
import vn.motsach.command.school.SchoolGrades;
import vn.motsach.command.school.SchoolLookups;
import vn.motsach.events.ClassId;
import vn.motsach.events.LocalId;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.RequestCheck;

/**
 * Checks a rollover request and writes its plan: every refusal is a problem detail before
 * anything changes. The students are taken as they stood on the old year's last day, so the
 * same request planned again (the rollover done or not) names the same students. A student who
 * joined a class of the old year after its last day (most often this year's student under last
 * year's class, a roster imported late) is a mistake to mend first: the plan is refused
 * (ROLLOVER_LATE_JOINERS), for moving them a grade up or graduating them mid-year could not be undone.
 */
@Component
public class RolloverPlans {

    private final PatronLookups patrons;
    private final SchoolLookups schools;
    private final Clock clock;

    RolloverPlans(PatronLookups patrons, SchoolLookups schools, Clock clock) {
        this.patrons = patrons;
        this.schools = schools;
        this.clock = clock;
    }

    /** The body of {@code POST .../school-years/{schoolYear}/rollover}. */
    public record RolloverRequest(String fromSchoolYear, @Nullable List<Integer> graduatingGrades,
            @Nullable List<ClassRollover> classes) {
    }

    /** Where the students of {@code fromClassId} go; {@code name} and {@code grade} of a new class to open. */
    public record ClassRollover(String fromClassId, String toClassId, @Nullable String name, @Nullable Integer grade) {
    }

    public RolloverPlan plan(String schoolId, String schoolYear, RolloverRequest request) {
        RequestCheck check = RequestCheck.of();
        String school = check.matching("schoolId", schoolId, SchoolId.FORMAT);
        if (!SchoolYear.isValid(schoolYear)) {
            check.problem("schoolYear", "schoolYear");
        }
        String from = check.required("fromSchoolYear", request == null ? null : request.fromSchoolYear());
        if (from != null && !SchoolYear.isValid(from)) {
            check.problem("fromSchoolYear", "schoolYear");
        } else if (from != null && SchoolYear.isValid(schoolYear) && first(from) + 1 != first(schoolYear)) {
            check.problem("fromSchoolYear", "rolloverPreviousYear", schoolYear);
        }
        List<Integer> graduating = request == null || request.graduatingGrades() == null ? List.of() : request.graduatingGrades();
        for (int i = 0; i < graduating.size(); i++) {
            if (graduating.get(i) == null || graduating.get(i) < 0 || graduating.get(i) > 12) {
                check.problem("graduatingGrades[" + i + "]", "range", 0, 12);
            }
        }
        List<ClassRollover> classes = request == null || request.classes() == null ? List.of() : request.classes();
        if (classes.isEmpty() && graduating.isEmpty()) {
            check.problem("classes", "required");
        }
        Set<String> fromClasses = new HashSet<>();
        for (int i = 0; i < classes.size(); i++) {
            ClassRollover entry = classes.get(i);
            String at = "classes[" + i + "].";
            if (entry == null) {
                check.problem("classes[" + i + "]", "required");
                continue;
            }
            String fromClass = check.matching(at + "fromClassId", entry.fromClassId(), LocalId.FORMAT);
            check.matching(at + "toClassId", entry.toClassId(), LocalId.FORMAT);
            check.optionalText(at + "name", entry.name(), 50);
            if (entry.grade() != null && (entry.grade() < 0 || entry.grade() > 12)) {
                check.problem(at + "grade", "range", 0, 12);
            }
            if (fromClass != null && !fromClasses.add(fromClass)) {
                check.problem(at + "fromClassId", "rolloverClassTwice", fromClass);
            }
        }
        check.orRefuse();
        SchoolId schoolOf = SchoolId.of(school);
        if (!schools.isRegistered(schoolOf)) {
            throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, school);
        }
        refuseGradesNotTaught(schools.grades(schoolOf), graduating, classes);
        SchoolCalendar.Year year = schools.schoolYear(schoolOf, schoolYear)
                .orElseThrow(() -> ApiProblem.conflict("ROLLOVER_YEAR_NOT_SCHEDULED", schoolYear));
        LocalDate startsOn = year.startsOn();
        // the old year's last day, or the day before the new one when the old year was never scheduled
        LocalDate lastDay = schools.schoolYear(schoolOf, from).map(SchoolCalendar.Year::endsOn)
                .filter(day -> day.isBefore(startsOn)).orElse(startsOn.minusDays(1));
        Map<String, RosterClass> oldClasses = patrons.classesOfYear(schoolOf, from);
        List<RolloverPlan.Step> opened = new ArrayList<>();
        List<RolloverPlan.Step> students = new ArrayList<>();
        Set<String> opening = new HashSet<>();
        Map<String, String> fromNames = new HashMap<>();
        List<ApiProblem.FieldProblem> incomplete = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            ClassRollover entry = classes.get(i);
            RosterClass fromClass = fromClass(schoolOf, entry.fromClassId(), from, oldClasses);
            fromNames.put(entry.fromClassId(), fromClass.name());
            if (fromClass.grade() != null && graduating.contains(fromClass.grade())) {
                throw ApiProblem.conflict("ROLLOVER_CLASS_GRADUATES", entry.fromClassId(), fromClass.grade());
            }
            RosterClass toClass = patrons.rosterClasses(schoolOf, List.of(entry.toClassId())).get(entry.toClassId());
            if (toClass == null && opening.add(entry.toClassId())) {
                List<ApiProblem.FieldProblem> missing = missingDetails(i, entry, fromClass);
                if (missing.isEmpty()) {
                    opened.add(RolloverPlan.Step.open(entry.toClassId(), nfc(entry.name()), entry.grade()));
                }
                incomplete.addAll(missing);
            } else if (toClass != null) {
                if (!toClass.schoolYear().equals(schoolYear)) {
                    throw ApiProblem.conflict("ROLLOVER_CLASS_WRONG_YEAR", entry.toClassId(), toClass.schoolYear(), schoolYear);
                }
                if (toClass.closedOn() != null && !startsOn.isBefore(toClass.closedOn())) {
                    throw new Refused(RefusalCode.CLASS_CLOSED, entry.toClassId(), toClass.closedOn());
                }
                refuseWhenDetailsDiffer(entry, toClass, fromClass);
            }
            students(schoolOf, entry.fromClassId(), lastDay)
                    .forEach(patron -> students.add(RolloverPlan.Step.move(patron, entry.fromClassId(), entry.toClassId())));
        }
        incomplete.addAll(mergedDisagreeing(classes, fromNames));
        if (!incomplete.isEmpty()) {
            throw ApiProblem.invalid(incomplete);
        }
        List<RolloverPlan.LeftOut> leftOut = new ArrayList<>();
        // the old year's classes the plan empties, closed once their students are moved or graduated
        Set<String> closing = new TreeSet<>();
        fromClasses.stream().filter(classId -> oldClasses.get(classId).closedOn() == null).forEach(closing::add);
        for (String classId : new TreeSet<>(oldClasses.keySet())) {
            RosterClass oldClass = oldClasses.get(classId);
            if (oldClass.grade() != null && graduating.contains(oldClass.grade())) {
                students(schoolOf, classId, lastDay).forEach(patron -> students.add(RolloverPlan.Step.graduate(patron, classId)));
                if (oldClass.closedOn() == null) {
                    closing.add(classId);
                }
            } else if (!fromClasses.contains(classId) && oldClass.closedOn() == null) {
                leftOut.add(new RolloverPlan.LeftOut(classId, oldClass.name(), oldClass.grade(),
                        students(schoolOf, classId, lastDay).size()));
            }
        }
        refuseLateJoiners(schoolOf, oldClasses, lastDay, from, schoolYear);
        List<RolloverPlan.Step> steps = new ArrayList<>(opened);
        steps.addAll(students);
        closing.forEach(classId -> steps.add(RolloverPlan.Step.close(classId)));
        // A closed class takes no new member and no library period from its closing day on
        // (CloseClass, ClassRegister): closed from the day after the old year's last day, the year
        // is over when it closes and its last day's library periods still stand. The new year's
        // first day when the old year was never scheduled (its last day taken as the day before).
        // Closing is no move: memberships, loans and metrics stay where they are.
        return new RolloverPlan(schoolYear, from, startsOn.toString(), steps, leftOut, lastDay.plusDays(1).toString());
    }

    /**
     * A new class needs a name and a grade to be opened; said of the class as the librarian knows
     * it (its name, the class its students come from), the field kept in the problem's own field.
     */
    private static List<ApiProblem.FieldProblem> missingDetails(int index, ClassRollover entry, RosterClass fromClass) {
        List<ApiProblem.FieldProblem> missing = new ArrayList<>();
        boolean named = entry.name() != null && !entry.name().isBlank();
        String newClass = named ? nfc(entry.name()) : entry.toClassId();
        if (!named) {
            missing.add(new ApiProblem.FieldProblem("classes[" + index + "].name", "rolloverNewClassName", entry.toClassId(),
                    fromClass.name()));
        }
        if (entry.grade() == null) {
            missing.add(new ApiProblem.FieldProblem("classes[" + index + "].grade", "rolloverNewClassGrade", newClass,
                    fromClass.name()));
        }
        return missing;
    }

    /**
     * Classes merged into one new class (schools do merge classes) must name it alike: two names or
     * two grades for one class would leave the plan's class to whichever line came first.
     */
    private static List<ApiProblem.FieldProblem> mergedDisagreeing(List<ClassRollover> classes, Map<String, String> fromNames) {
        Map<String, List<Integer>> byNewClass = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            byNewClass.computeIfAbsent(classes.get(i).toClassId(), id -> new ArrayList<>()).add(i);
        }
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        byNewClass.forEach((toClassId, lines) -> {
            if (lines.size() < 2) {
                return;
            }
            String merged = lines.stream().map(i -> fromNames.get(classes.get(i).fromClassId())).collect(Collectors.joining(", "));
            List<Integer> named = lines.stream().filter(i -> classes.get(i).name() != null && !classes.get(i).name().isBlank()).toList();
            Set<String> names = named.stream().map(i -> folded(classes.get(i).name())).collect(Collectors.toSet());
            if (names.size() > 1) {
                problems.add(new ApiProblem.FieldProblem("classes[" + named.get(1) + "].name", "rolloverMergedNames", merged,
                        toClassId, named.stream().map(i -> nfc(classes.get(i).name())).distinct().collect(Collectors.joining(", "))));
            }
            List<Integer> graded = lines.stream().filter(i -> classes.get(i).grade() != null).toList();
            Set<Integer> grades = graded.stream().map(i -> classes.get(i).grade()).collect(Collectors.toCollection(TreeSet::new));
            if (grades.size() > 1) {
                problems.add(new ApiProblem.FieldProblem("classes[" + graded.get(1) + "].grade", "rolloverMergedGrades", merged,
                        toClassId, grades.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            }
        });
        return problems;
    }

    /** A class the new year has already: the plan may name it as it is, not otherwise. */
    private static void refuseWhenDetailsDiffer(ClassRollover entry, RosterClass toClass, RosterClass fromClass) {
        boolean otherName = entry.name() != null && !entry.name().isBlank() && !folded(entry.name()).equals(folded(toClass.name()));
        boolean otherGrade = entry.grade() != null && !entry.grade().equals(toClass.grade());
        if (otherName || otherGrade) {
            throw ApiProblem.conflict("ROLLOVER_CLASS_DETAILS_DIFFER", entry.toClassId(), toClass.name(),
                    gradeOrNone(toClass.grade()), otherName ? nfc(entry.name()) : toClass.name(),
                    gradeOrNone(otherGrade ? entry.grade() : toClass.grade()), fromClass.name());
        }
    }

    /** A grade as the messages' choice reads it: -1 for a class without one, said so in words. */
    private static int gradeOrNone(@Nullable Integer grade) {
        return grade == null ? -1 : grade;
    }

    private static String nfc(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    }

    /** A class name compared with another: composed, without case (6a is 6A); Đ stays a letter of its own. */
    private static String folded(String name) {
        return nfc(name).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private RosterClass fromClass(SchoolId school, String classId, String fromYear, Map<String, RosterClass> oldClasses) {
        RosterClass found = oldClasses.get(classId);
        if (found != null) {
            return found;
        }
        RosterClass elsewhere = patrons.rosterClasses(school, List.of(classId)).get(classId);
        if (elsewhere == null) {
            throw new Refused(RefusalCode.CLASS_NOT_FOUND, classId);
        }
        throw ApiProblem.conflict("ROLLOVER_CLASS_WRONG_YEAR", classId, elsewhere.schoolYear(), fromYear);
    }

    /** The class's students on the old year's {@code lastDay}, in a fixed order. */
    private List<String> students(SchoolId school, String classId, LocalDate lastDay) {
        return patrons.studentsOfClassOn(school, ClassId.of(classId), lastDay).stream().map(PatronId::value).sorted().toList();
    }

    /**
     * 409 ROLLOVER_LATE_JOINERS when students joined a class of the old year after its last day
     * and are in it still: the classes by name (id) with their count, for the librarian to put
     * those students in this year's classes before rolling over.
     */
    private void refuseLateJoiners(SchoolId school, Map<String, RosterClass> oldClasses, LocalDate lastDay, String from,
            String schoolYear) {
        int count = 0;
        List<String> classes = new ArrayList<>();
        for (String classId : new TreeSet<>(oldClasses.keySet())) {
            int joined = patrons.studentsJoinedAfter(school, ClassId.of(classId), lastDay, LocalDate.now(clock)).size();
            if (joined > 0) {
                count += joined;
                classes.add(ClassNames.bare(oldClasses.get(classId).name(), classId) + " (" + classId + "): " + joined);
            }
        }
        if (count > 0) {
            throw ApiProblem.conflict("ROLLOVER_LATE_JOINERS", count, String.join(", ", classes), from, schoolYear);
        }
    }

    private static int first(String schoolYear) {
        return Integer.parseInt(schoolYear.substring(0, 4));
    }

    /**
     * A rollover is carried out once: a new class of a grade the school does not teach, or a
     * graduating grade it does not teach (so that its last grade graduates nobody), is refused
     * before anything is kept, as the single request setting up such a class is.
     */
    private static void refuseGradesNotTaught(SchoolGrades grades, List<Integer> graduating, List<ClassRollover> classes) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < graduating.size(); i++) {
            if (!grades.teaches(graduating.get(i))) {
                problems.add(new ApiProblem.FieldProblem("graduatingGrades[" + i + "]", "gradeNotTaught", graduating.get(i),
                        grades.inWords()));
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            Integer grade = classes.get(i).grade();
            if (grade != null && !grades.teaches(grade)) {
                problems.add(new ApiProblem.FieldProblem("classes[" + i + "].grade", "gradeNotTaught", grade, grades.inWords()));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }
}
