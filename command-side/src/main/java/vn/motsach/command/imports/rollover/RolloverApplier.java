package vn.motsach.command.imports.rollover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.motsach.command.imports.ImportCommands;
import vn.motsach.command.imports.ImportIssue;
import vn.motsach.command.imports.ImportJob;
import vn.motsach.command.imports.ImportProcess;
import vn.motsach.command.imports.ImportProcess.RecordOutcome;
import vn.motsach.command.imports.ImportProcess.RecordOutcome.Result;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.patrons.Departed;
import vn.motsach.command.patrons.PatronCommandsForImports;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.command.patrons.PatronLookups.RosterClass;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/**
 * Applies a rollover's steps with the commands of the single requests: a new class is set up
 * (one already there is left as it is), a student moves from the new year's first day (a class
 * move), a graduate leaves on it (a departure); a step of a plan stored with its own day, on that
 * day; last, the old year's classes it emptied are closed (the plan's {@code closesOn}). A step
 * already done (the same rollover again) changes nothing and counts unchanged; a step
 * the rules refuse is rejected with their code.
 */
final class RolloverApplier implements ImportProcess.Applier<RolloverStep> {

    private final ImportJob job;
    private final PatronLookups lookups;

    RolloverApplier(ImportJob job, PatronLookups lookups) {
        this.job = job;
        this.lookups = lookups;
    }

    @Override
    public int nextGenerated() {
        return job.nextGenerated();
    }

    @Override
    public List<RecordOutcome> apply(List<SourceRecord<RolloverStep>> records, ImportCommands commands) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (SourceRecord<RolloverStep> record : records) {
            outcomes.add(apply(record, commands));
        }
        return outcomes;
    }

    private RecordOutcome apply(SourceRecord<RolloverStep> record, ImportCommands commands) {
        RolloverPlan plan = record.content().plan();
        RolloverPlan.Step step = record.content().step();
        SchoolId school = job.schoolId();
        LocalDate startsOn = RolloverProcess.startsOn(plan);
        return switch (step.action()) {
            case OPEN_CLASS -> {
                // looked up step by step: a class a step before opened is there for the next
                RosterClass known = lookups.rosterClasses(school, List.of(step.classId())).get(step.classId());
                if (known != null) {
                    yield known.schoolYear().equals(plan.schoolYear()) ? outcome(Result.UNCHANGED)
                            : new RecordOutcome(Result.REJECTED, List.of(ImportIssue.error(record, "toClassId",
                                    "ROLLOVER_CLASS_WRONG_YEAR", step.classId(), known.schoolYear(), plan.schoolYear())));
                }
                ClassId classId = ClassId.of(step.classId());
                commands.send(PatronCommandsForImports.setUpClass(school, classId, step.name(), step.grade(),
                        SchoolYear.of(plan.schoolYear()), null), PatronCommandsForImports.classStream(school, classId));
                yield outcome(Result.CREATED);
            }
            case MOVE -> {
                PatronId patron = PatronId.of(step.patronId());
                Object moved = commands.send(PatronCommandsForImports.moveToClass(school, patron, ClassId.of(step.classId()),
                        startsOn), PatronCommandsForImports.patronStream(school, patron));
                yield outcome(Boolean.TRUE.equals(moved) ? Result.UPDATED : Result.UNCHANGED);
            }
            case CLOSE_CLASS -> {
                // a class already closed (the step applied before a restart, or closed by hand) keeps its day
                ClassId classId = ClassId.of(step.classId());
                if (lookups.closedOn(school, classId).isPresent()) {
                    yield outcome(Result.UNCHANGED);
                }
                commands.send(PatronCommandsForImports.closeClass(school, classId, LocalDate.parse(plan.closesOn())),
                        PatronCommandsForImports.classStream(school, classId));
                yield outcome(Result.UPDATED);
            }
            case GRADUATE -> {
                PatronId patron = PatronId.of(step.patronId());
                Object left = commands.send(PatronCommandsForImports.recordDeparture(school, patron, DepartureReason.GRADUATED,
                        startsOn), PatronCommandsForImports.patronStream(school, patron));
                yield outcome(left instanceof Departed departed && departed.recorded() ? Result.UPDATED
                        : Result.UNCHANGED);
            }
        };
    }

    private static RecordOutcome outcome(Result result) {
        return new RecordOutcome(result, List.of());
    }
}
