package vn.motsach.command.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * An applier whose outcomes also carry what the reader guessed at in each record ({@link
 * SourceRecord#warnings()}), ahead of the applier's own issues: the librarian learns of a guess
 * whether the record went in or not.
 */
public final class ReadingWarnings<T> implements ImportProcess.Applier<T> {

    private final ImportProcess.Applier<T> applier;

    private ReadingWarnings(ImportProcess.Applier<T> applier) {
        this.applier = applier;
    }

    public static <T> ImportProcess.Applier<T> reported(ImportProcess.Applier<T> applier) {
        return new ReadingWarnings<>(applier);
    }

    @Override
    public List<ImportProcess.RecordOutcome> apply(List<SourceRecord<T>> records, ImportCommands commands) {
        List<ImportProcess.RecordOutcome> outcomes = applier.apply(records, commands);
        List<ImportProcess.RecordOutcome> reported = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            SourceRecord<T> record = records.get(i);
            ImportProcess.RecordOutcome outcome = outcomes.get(i);
            if (record.warnings().isEmpty()) {
                reported.add(outcome);
                continue;
            }
            List<ImportIssue> issues = new ArrayList<>();
            for (SourceRecord.Warning warning : record.warnings()) {
                issues.add(ImportIssue.warning(record, warning.field(), warning.code(), warning.arguments().toArray()));
            }
            issues.addAll(outcome.issues());
            reported.add(new ImportProcess.RecordOutcome(outcome.result(), issues));
        }
        return reported;
    }

    @Override
    public int nextGenerated() {
        return applier.nextGenerated();
    }
}
