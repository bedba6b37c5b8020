package vn.motsach.command.imports.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motsach.command.imports.ImportCommands;
import vn.motsach.command.imports.ImportJob;
import vn.motsach.command.imports.ImportProcess;
import vn.motsach.command.imports.ImportProcess.RecordOutcome;
import vn.motsach.command.imports.ImportProcess.RecordOutcome.Result;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.roster.RosterColumns.ClassRow;
import vn.motsach.command.patrons.PatronCommandsForImports;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.command.patrons.PatronLookups.RosterClass;
import vn.motsach.command.patrons.PatronLookups.RosterPatron;
import vn.motsach.command.school.SchoolGrades;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolYear;

/**
 * Decides what each class row comes to and sends {@code PUT classes}' command for it. A class is
 * matched by its id (Mã lớp); a row that says what the school already knows sends nothing and
 * counts unchanged. A class of a school year that is over goes in with a warning. A class of a
 * grade the school does not teach is rejected. A homeroom teacher (GVCN) who is not one of the
 * school's patrons yet is kept with a warning; one who is a student or another patron who is no
 * teacher (staff), or whose id differs from a patron's only by case, is dropped with a warning (the class keeps the teacher it had).
 */
final class ClassApplier implements ImportProcess.Applier<ClassRow> {

    /** "5", "Khối 5", "Grade 10": the number is the grade. */
    private static final Pattern GRADE = Pattern.compile("\\D*?(\\d{1,2})(\\.0+)?");
    private static final Pattern YEAR_SEPARATOR = Pattern.compile("\\s*[-–—/]\\s*");

    private final ImportJob job;
    private final PatronLookups lookups;
    private final SchoolGrades grades;
    private final EndedYears endedYears;
    private final LocalDate today;
    /** The classes as the rows applied by this applier left them (in this batch, or the whole file for a dry run). */
    private final Map<String, Details> made = new HashMap<>();

    ClassApplier(ImportJob job, PatronLookups lookups, SchoolGrades grades, EndedYears endedYears, LocalDate today) {
        this.job = job;
        this.lookups = lookups;
        this.grades = grades;
        this.endedYears = endedYears;
        this.today = today;
    }

    @Override
    public int nextGenerated() {
        return job.nextGenerated();
    }

    @Override
    public List<RecordOutcome> apply(List<SourceRecord<ClassRow>> records, ImportCommands commands) {
        List<Checked> checked = records.stream().map(Checked::new).toList();
        Set<String> ids = new HashSet<>();
        Set<String> teacherIds = new HashSet<>();
        checked.forEach(row -> {
            ids.add(row.classId);
            teacherIds.add(row.homeroomTeacherId);
        });
        ids.remove(null);
        ids.removeAll(made.keySet());
        teacherIds.remove(null);
        Map<String, RosterClass> known = lookups.rosterClasses(job.schoolId(), ids);
        Map<String, RosterPatron> teachers = lookups.rosterPatrons(job.schoolId(), teacherIds, today);
        teacherIds.removeAll(teachers.keySet());
        Map<String, String> otherCase = lookups.patronIdsDifferingInCase(job.schoolId(), teacherIds);
        warnOfNewIdsDifferingInCase(checked, ids, known);
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (Checked row : checked) {
            outcomes.add(decide(row, known, teachers, otherCase, commands));
        }
        return outcomes;
    }

    /**
     * A row naming a class the school does not have opens it, as its id says; when the school has
     * one whose id differs only by case ("6A1" for "6a1"), the librarian is told which.
     */
    private void warnOfNewIdsDifferingInCase(List<Checked> checked, Set<String> ids, Map<String, RosterClass> known) {
        Set<String> unknown = new HashSet<>(ids);
        unknown.removeAll(known.keySet());
        Map<String, String> similar = lookups.classIdsDifferingInCase(job.schoolId(), unknown);
        if (similar.isEmpty()) {
            return;
        }
        Map<String, RosterClass> existing = lookups.rosterClasses(job.schoolId(), similar.values());
        for (Checked row : checked) {
            String other = row.classId == null || made.containsKey(row.classId) ? null : similar.get(row.classId);
            if (other != null && existing.containsKey(other)) {
                row.checks.warning("classId", "CLASS_NEW_CASE_DIFFERS", row.classId,
                        ClassNames.bare(existing.get(other).name(), other), other, existing.get(other).schoolYear());
            }
        }
    }

    private RecordOutcome decide(Checked row, Map<String, RosterClass> known, Map<String, RosterPatron> teachers,
            Map<String, String> otherCase, ImportCommands commands) {
        if (row.grade != null && !grades.teaches(row.grade)) {
            row.checks.error("grade", "GRADE_NOT_TAUGHT", row.grade, grades.inWords());
        }
        if (row.checks.rejected()) {
            return new RecordOutcome(Result.REJECTED, row.checks.issues());
        }
        if (endedYears.ended(row.schoolYear)) {
            row.checks.warning("schoolYear", "CLASS_YEAR_ENDED", ClassNames.bare(row.name, row.classId), row.classId,
                    row.schoolYear);
        }
        Details before = made.containsKey(row.classId) ? made.get(row.classId) : Details.of(known.get(row.classId));
        String teacher = row.homeroomTeacherId;
        if (row.teacherDropped) {
            teacher = before == null ? null : before.homeroomTeacherId();
        } else if (teacher != null && !teachers.containsKey(teacher)) {
            if (otherCase.containsKey(teacher)) {
                // most likely a slip of the shift key: the teacher who exists is not guessed, the id not kept
                row.checks.warning("homeroomTeacherId", "HOMEROOM_TEACHER_CASE_DIFFERS", teacher, otherCase.get(teacher));
                teacher = before == null ? null : before.homeroomTeacherId();
            } else {
                // kept, as PUT classes keeps it: classes go in before the patrons (who name their class), so on a
                // first move-in no teacher is a patron yet
                row.checks.warning("homeroomTeacherId", "HOMEROOM_TEACHER_NOT_FOUND", teacher);
            }
        } else if (teacher != null && teachers.get(teacher).category() == PatronCategory.STUDENT) {
            row.checks.warning("homeroomTeacherId", "HOMEROOM_TEACHER_IS_STUDENT", teachers.get(teacher).fullName(), teacher);
            teacher = before == null ? null : before.homeroomTeacherId();
        } else if (teacher != null && (teachers.get(teacher).category() != PatronCategory.TEACHER || !teachers.get(teacher).active())) {
            // only a teacher of the school, not one who has left it, is a GVCN (PUT classes refuses anyone else):
            // dropped as a student is, the row still goes in
            row.checks.warning("homeroomTeacherId", "HOMEROOM_TEACHER_NOT_TEACHER", teachers.get(teacher).fullName(), teacher);
            teacher = before == null ? null : before.homeroomTeacherId();
        }
        Details after = new Details(row.name, row.grade, row.schoolYear, teacher);
        if (Objects.equals(before, after)) {
            return new RecordOutcome(Result.UNCHANGED, row.checks.issues());
        }
        made.put(row.classId, after);
        if (!job.dryRun()) {
            ClassId classId = ClassId.of(row.classId);
            commands.send(PatronCommandsForImports.setUpClass(job.schoolId(), classId, row.name, row.grade,
                    SchoolYear.of(row.schoolYear), teacher == null ? null : PatronId.of(teacher)),
                    PatronCommandsForImports.classStream(job.schoolId(), classId));
        }
        return new RecordOutcome(before == null ? Result.CREATED : Result.UPDATED, row.checks.issues());
    }

    /** What a row says of a class, as compared with what the school knows of it. */
    private record Details(String name, Integer grade, String schoolYear, String homeroomTeacherId) {

        static Details of(RosterClass known) {
            return known == null ? null
                    : new Details(known.name(), known.grade(), known.schoolYear(), known.homeroomTeacherId());
        }
    }

    /** A row's fields once checked. */
    private static final class Checked {
        final RowChecks checks;
        final String classId;
        final String name;
        final Integer grade;
        final String schoolYear;
        final String homeroomTeacherId;
        /** The GVCN written is no id: it is dropped, the class keeps the teacher it had. */
        final boolean teacherDropped;

        Checked(SourceRecord<ClassRow> source) {
            ClassRow row = source.content();
            checks = new RowChecks(source);
            classId = checks.id("classId", row.classId(), "CLASS_ID_INVALID");
            name = checks.text("name", row.name(), 50, "NAME_MISSING");
            grade = grade(row.grade());
            if (grade == null) {
                checks.error("grade", "GRADE_INVALID", row.grade() == null ? "" : row.grade());
            }
            String year = row.schoolYear() == null ? null : YEAR_SEPARATOR.matcher(row.schoolYear()).replaceAll("-");
            schoolYear = year != null && SchoolYear.isValid(year) ? year : null;
            if (schoolYear == null) {
                checks.error("schoolYear", "SCHOOL_YEAR_INVALID", row.schoolYear() == null ? "" : row.schoolYear());
            }
            homeroomTeacherId = checks.optionalId("homeroomTeacherId", row.homeroomTeacherId(), "HOMEROOM_TEACHER_INVALID");
            teacherDropped = row.homeroomTeacherId() != null && homeroomTeacherId == null;
        }

        private static Integer grade(String written) {
            if (written == null) {
                return null;
            }
            Matcher matcher = GRADE.matcher(written);
            // "-1" is a number, but no grade: the words before a grade ("Khối 5") are never a minus sign
            if (!matcher.matches() || written.strip().startsWith("-")) {
                return null;
            }
            int grade = Integer.parseInt(matcher.group(1));
            return grade <= 12 ? grade : null;
        }
    }
}
