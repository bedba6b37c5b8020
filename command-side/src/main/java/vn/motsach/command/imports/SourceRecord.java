package vn.motsach.command.imports;

import java.util.List;

/**
 * One record of a file as its reader found it: its number in the file (from 1), its sheet and
 * row when it is a workbook's row, its own words (for the report) and what was read from it.
 * A workbook's row also keeps its cells under the file's headers, so that the report can give
 * the row back as it was, to be mended and imported again. {@code warnings} are what the reader
 * itself had to guess at (a MARC record's encoding...): they are reported with the record's
 * other warnings, see {@link ReadingWarnings}.
 */
public record SourceRecord<T>(int number, String sheet, Integer row, String words, Cells cells, T content,
        List<Warning> warnings) {

    public SourceRecord {
        warnings = List.copyOf(warnings);
    }

    public SourceRecord(int number, String sheet, Integer row, String words, Cells cells, T content) {
        this(number, sheet, row, words, cells, content, List.of());
    }

    /** A record that is not a workbook's row (a MARC record, a rollover's step). */
    public SourceRecord(int number, String sheet, Integer row, String words, T content) {
        this(number, sheet, row, words, null, content);
    }

    /** A workbook's header row and one row's cells under it. */
    public record Cells(List<String> headers, List<String> values) {

        public Cells {
            headers = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(headers));
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** Something the reader guessed at in the record: a stable code and its message's arguments. */
    public record Warning(String field, String code, List<String> arguments) {

        public Warning {
            arguments = List.copyOf(arguments);
        }
    }
}
