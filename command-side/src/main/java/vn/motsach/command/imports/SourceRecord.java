package vn.motsach.command.imports;

/**
 * One record of a file as its reader found it: its number in the file (from 1), its sheet and
 * row when it is a workbook's row, its own words (for the report) and what was read from it.
 */
public record SourceRecord<T>(int number, String sheet, Integer row, String words, T content) {
}
