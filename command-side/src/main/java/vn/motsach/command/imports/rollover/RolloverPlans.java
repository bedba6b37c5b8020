package vn.motsach.command.imports.rollover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.command.patrons.PatronLookups.RosterClass;
import vn.motsach.command.school.SchoolCalendar;
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
 * same request planned again (the rollover done or not) names the same students.
 */
@Component
public class RolloverPlans {

    private final PatronLookups patrons;
    private final SchoolLookups schools;

    RolloverPlans(PatronLookups patrons, SchoolLookups schools) {
        this.patrons = patrons;
        this.schools = schools;
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
        for (ClassRollover entry : classes) {
            RosterClass fromClass = fromClass(schoolOf, entry.fromClassId(), from, oldClasses);
            if (fromClass.grade() != null && graduating.contains(fromClass.grade())) {
                throw ApiProblem.conflict("ROLLOVER_CLASS_GRADUATES", entry.fromClassId(), fromClass.grade());
            }
            RosterClass toClass = patrons.rosterClasses(schoolOf, List.of(entry.toClassId())).get(entry.toClassId());
            if (toClass == null && opening.add(entry.toClassId())) {
                if (entry.name() == null || entry.name().isBlank() || entry.grade() == null) {
                    throw ApiProblem.invalid(List.of(new ApiProblem.FieldProblem("classes[" + classes.indexOf(entry) + "]",
                            "rolloverNewClass", entry.toClassId())));
                }
                opened.add(RolloverPlan.Step.open(entry.toClassId(),
                        java.text.Normalizer.normalize(entry.name().strip(), java.text.Normalizer.Form.NFC), entry.grade()));
            } else if (toClass != null) {
                if (!toClass.schoolYear().equals(schoolYear)) {
                    throw ApiProblem.conflict("ROLLOVER_CLASS_WRONG_YEAR", entry.toClassId(), toClass.schoolYear(), schoolYear);
                }
                if (toClass.closedOn() != null && !startsOn.isBefore(toClass.closedOn())) {
                    throw new Refused(RefusalCode.CLASS_CLOSED, entry.toClassId(), toClass.closedOn());
                }
            }
            students(schoolOf, entry.fromClassId(), lastDay)
                    .forEach(patron -> students.add(RolloverPlan.Step.move(patron, entry.fromClassId(), entry.toClassId())));
        }
        oldClasses.entrySet().stream()
                .filter(entry -> entry.getValue().grade() != null && graduating.contains(entry.getValue().grade()))
                .map(Map.Entry::getKey).sorted()
                .forEach(classId -> students(schoolOf, classId, lastDay)
                        .forEach(patron -> students.add(RolloverPlan.Step.graduate(patron, classId))));
        List<RolloverPlan.Step> steps = new ArrayList<>(opened);
        steps.addAll(students);
        return new RolloverPlan(schoolYear, from, startsOn.toString(), steps);
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

    /** The class's students on {@code day}, in a fixed order. */
    private List<String> students(SchoolId school, String classId, LocalDate day) {
        return patrons.studentsOfClassOn(school, ClassId.of(classId), day).stream().map(PatronId::value)
                .sorted(Comparator.naturalOrder()).toList();
    }

    private static int first(String schoolYear) {
        return Integer.parseInt(schoolYear.substring(0, 4));
    }
}
