package vn.motsach.command.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A record rejected whole ({@link Severity#ERROR}) or a field dropped from it ({@link Severity#WARNING}):
 * where it is in the file (record number; sheet and row for a workbook), the field, a stable code
 * with the arguments of its message, and the record's own words for the report (and a
 * workbook row's cells, to give it back as it was).
 */
public record ImportIssue(Severity severity, int record, String sheet, Integer row, String field, String code,
        List<String> arguments, String words, SourceRecord.Cells cells) {

    public enum Severity {
        ERROR,
        WARNING
    }

    /**
     * How a day among an issue's arguments is kept as text (with the job, in PostgreSQL): marked,
     * so that its message writes it the reader's way ({@link #argument}) rather than as ISO.
     */
    static final String DAY = "day:";

    public ImportIssue {
        arguments = List.copyOf(arguments);
    }

    /** An issue of a record that is no workbook's row, or of the file as a whole. */
    public ImportIssue(Severity severity, int record, String sheet, Integer row, String field, String code,
            List<String> arguments, String words) {
        this(severity, record, sheet, row, field, code, arguments, words, null);
    }

    public static ImportIssue error(SourceRecord<?> at, String field, String code, Object... arguments) {
        return of(Severity.ERROR, at, field, code, arguments);
    }

    public static ImportIssue warning(SourceRecord<?> at, String field, String code, Object... arguments) {
        return of(Severity.WARNING, at, field, code, arguments);
    }

    private static ImportIssue of(Severity severity, SourceRecord<?> at, String field, String code, Object... arguments) {
        return new ImportIssue(severity, at.number(), at.sheet(), at.row(), field, code,
                java.util.Arrays.stream(arguments).map(ImportIssue::kept).toList(), at.words(), at.cells());
    }

    private static String kept(Object argument) {
        return argument instanceof LocalDate day ? DAY + day : String.valueOf(argument);
    }

    /** An argument as its message takes it: a day kept as one is a day again, anything else its text. */
    static Object argument(String kept) {
        if (kept != null && kept.startsWith(DAY)) {
            try {
                return LocalDate.parse(kept.substring(DAY.length()));
            } catch (DateTimeParseException notADay) {
                return kept;
            }
        }
        return kept;
    }
}
