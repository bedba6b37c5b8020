package vn.motsach.command.imports;

import java.util.List;

/**
 * A record rejected whole ({@link Severity#ERROR}) or a field dropped from it ({@link Severity#WARNING}):
 * where it is in the file (record number; sheet and row for a workbook), the field, a stable code
 * with the arguments of its message, and the record's own words for the report.
 */
public record ImportIssue(Severity severity, int record, String sheet, Integer row, String field, String code,
        List<String> arguments, String words) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public ImportIssue {
        arguments = List.copyOf(arguments);
    }

    public static ImportIssue error(SourceRecord<?> at, String field, String code, Object... arguments) {
        return of(Severity.ERROR, at, field, code, arguments);
    }

    public static ImportIssue warning(SourceRecord<?> at, String field, String code, Object... arguments) {
        return of(Severity.WARNING, at, field, code, arguments);
    }

    private static ImportIssue of(Severity severity, SourceRecord<?> at, String field, String code, Object... arguments) {
        return new ImportIssue(severity, at.number(), at.sheet(), at.row(), field, code,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList(), at.words());
    }
}
