package vn.motsach.command.imports.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.motsach.command.imports.ImportCommands;
import vn.motsach.command.imports.ImportJob;
import vn.motsach.command.imports.ImportProcess;
import vn.motsach.command.imports.ImportProcess.RecordOutcome;
import vn.motsach.command.imports.ImportProcess.RecordOutcome.Result;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.Folding;
import vn.motsach.command.imports.roster.RosterColumns.PatronRow;
import vn.motsach.command.patrons.PatronCommandsForImports;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.command.patrons.PatronLookups.RosterClass;
import vn.motsach.command.patrons.PatronLookups.RosterPatron;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;

/**
 * Decides what each patron row comes to and sends {@code PUT patrons}' command for it. A patron
 * is matched by their id (Mã bạn đọc); a row that says what the school already knows sends
 * nothing and counts unchanged. A row's class must be one of the school's classes, open on the
 * import's day unless the patron is in it already; otherwise the row is rejected. A class of a
 * school year that is over takes the row with a warning.
 */
final class PatronApplier implements ImportProcess.Applier<PatronRow> {

    private static final Map<String, PatronCategory> CATEGORIES = Map.of(
            "hoc sinh", PatronCategory.STUDENT, "hs", PatronCategory.STUDENT, "student", PatronCategory.STUDENT,
            "giao vien", PatronCategory.TEACHER, "gv", PatronCategory.TEACHER, "teacher", PatronCategory.TEACHER,
            "nhan vien", PatronCategory.STAFF, "nv", PatronCategory.STAFF, "can bo", PatronCategory.STAFF,
            "staff", PatronCategory.STAFF);

    private final ImportJob job;
    private final PatronLookups lookups;
    private final LocalDate today;
    private final EndedYears endedYears;
    /** The patrons as the rows applied by this applier left them (in this batch, or the whole file for a dry run). */
    private final Map<String, RosterPatron> made = new HashMap<>();

    PatronApplier(ImportJob job, PatronLookups lookups, EndedYears endedYears, LocalDate today) {
        this.job = job;
        this.lookups = lookups;
        this.endedYears = endedYears;
        this.today = today;
    }

    @Override
    public int nextGenerated() {
        return job.nextGenerated();
    }

    @Override
    public List<RecordOutcome> apply(List<SourceRecord<PatronRow>> records, ImportCommands commands) {
        List<Checked> checked = records.stream().map(Checked::new).toList();
        Set<String> patronIds = new HashSet<>();
        Set<String> classIds = new HashSet<>();
        checked.forEach(row -> {
            patronIds.add(row.patronId);
            classIds.add(row.classId);
        });
        patronIds.remove(null);
        classIds.remove(null);
        patronIds.removeAll(made.keySet());
        SchoolId school = job.schoolId();
        Map<String, RosterPatron> known = lookups.rosterPatrons(school, patronIds, today);
        Map<String, RosterClass> classes = lookups.rosterClasses(school, classIds);
        classIds.removeAll(classes.keySet());
        Map<String, String> otherCase = lookups.classIdsDifferingInCase(school, classIds);
        warnOfNewIdsDifferingInCase(checked, patronIds, known);
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (Checked row : checked) {
            outcomes.add(decide(row, known, classes, otherCase, commands));
        }
        return outcomes;
    }

    /**
     * A row naming a patron the school does not have goes in as a new patron, as its id says; when
     * the school has one whose id differs only by case ("P1" for "p1"), the librarian is told who.
     */
    private void warnOfNewIdsDifferingInCase(List<Checked> checked, Set<String> patronIds, Map<String, RosterPatron> known) {
        Set<String> unknown = new HashSet<>(patronIds);
        unknown.removeAll(known.keySet());
        Map<String, String> similar = lookups.patronIdsDifferingInCase(job.schoolId(), unknown);
        Map<String, RosterPatron> existing = similar.isEmpty() ? Map.of() : lookups.rosterPatrons(job.schoolId(), similar.values(), today);
        // the file's own earlier rows too: two new ids differing only by case in one file are two patrons as well
        Map<String, String> inFile = new HashMap<>();
        made.forEach((id, patron) -> inFile.putIfAbsent(id.toLowerCase(Locale.ROOT), id));
        Map<String, String> names = new HashMap<>();
        made.forEach((id, patron) -> names.put(id, patron.fullName()));
        for (Checked row : checked) {
            if (row.patronId == null) {
                continue;
            }
            String other = made.containsKey(row.patronId) ? null : similar.get(row.patronId);
            if (other != null && existing.containsKey(other)) {
                row.checks.warning("patronId", "PATRON_NEW_CASE_DIFFERS", row.patronId, existing.get(other).fullName(), other);
            } else if (unknown.contains(row.patronId)) {
                String earlier = inFile.get(row.patronId.toLowerCase(Locale.ROOT));
                if (earlier != null && !earlier.equals(row.patronId)) {
                    row.checks.warning("patronId", "PATRON_NEW_CASE_DIFFERS", row.patronId,
                            names.get(earlier) == null ? earlier : names.get(earlier), earlier);
                }
            }
            inFile.putIfAbsent(row.patronId.toLowerCase(Locale.ROOT), row.patronId);
            names.putIfAbsent(row.patronId, row.fullName);
        }
    }

    private RecordOutcome decide(Checked row, Map<String, RosterPatron> known, Map<String, RosterClass> classes,
            Map<String, String> otherCase, ImportCommands commands) {
        if (row.checks.rejected()) {
            return new RecordOutcome(Result.REJECTED, row.checks.issues());
        }
        RosterPatron before = made.containsKey(row.patronId) ? made.get(row.patronId) : known.get(row.patronId);
        ClassId classId = row.classId == null ? null : ClassId.of(row.classId);
        if (classId != null) {
            RosterClass rosterClass = classes.get(row.classId);
            if (rosterClass == null) {
                if (otherCase.containsKey(row.classId)) {
                    row.checks.error("classId", "CLASS_ID_CASE_DIFFERS", row.classId, otherCase.get(row.classId));
                } else {
                    row.checks.error("classId", "CLASS_NOT_FOUND", row.classId);
                }
                return new RecordOutcome(Result.REJECTED, row.checks.issues());
            }
            boolean joins = before == null || !classId.equals(before.classId());
            if (joins && rosterClass.closedOn() != null && !today.isBefore(rosterClass.closedOn())) {
                row.checks.error("classId", "CLASS_CLOSED", ClassNames.bare(rosterClass.name(), row.classId), row.classId,
                        rosterClass.closedOn());
                return new RecordOutcome(Result.REJECTED, row.checks.issues());
            }
            if (endedYears.ended(rosterClass.schoolYear())) {
                row.checks.warning("classId", "CLASS_YEAR_ENDED", ClassNames.bare(rosterClass.name(), row.classId), row.classId,
                        rosterClass.schoolYear());
            }
        }
        if (before != null && before.category() != PatronCategory.STUDENT && row.category == PatronCategory.STUDENT) {
            // most often a teacher's row in a students' file: a homeroom teacher made a student teaches no class
            row.checks.warning("category", "PATRON_BECOMES_STUDENT", row.fullName, row.patronId);
        }
        // as the command decides: no class named keeps the patron's class; a patron who had left comes back
        RosterPatron after = new RosterPatron(row.fullName, row.category, true,
                classId != null ? classId : before == null ? null : before.classId());
        if (Objects.equals(before, after)) {
            return new RecordOutcome(Result.UNCHANGED, row.checks.issues());
        }
        made.put(row.patronId, after);
        if (!job.dryRun()) {
            PatronId patron = PatronId.of(row.patronId);
            commands.send(PatronCommandsForImports.registerPatron(job.schoolId(), patron, row.fullName, row.category, classId,
                    today), PatronCommandsForImports.patronStream(job.schoolId(), patron));
        }
        return new RecordOutcome(before == null ? Result.CREATED : Result.UPDATED, row.checks.issues());
    }

    /** A row's fields once checked. */
    private static final class Checked {
        final RowChecks checks;
        final String patronId;
        final String fullName;
        final PatronCategory category;
        final String classId;

        Checked(SourceRecord<PatronRow> source) {
            PatronRow row = source.content();
            checks = new RowChecks(source);
            patronId = checks.id("patronId", row.patronId(), "PATRON_ID_INVALID");
            fullName = checks.text("fullName", row.fullName(), 200, "NAME_MISSING");
            category = row.category() == null ? null : CATEGORIES.get(Folding.fold(row.category()));
            if (category == null) {
                checks.error("category", "CATEGORY_INVALID", row.category() == null ? "" : row.category());
            }
            classId = row.classId() == null ? null : checks.id("classId", row.classId(), "CLASS_ID_INVALID");
        }
    }
}
