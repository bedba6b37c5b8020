package vn.motsach.command.imports.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.motsach.command.imports.WorkbookRows;

/** The columns of the roster workbooks: the Vietnamese header of the template, English ones accepted too. */
final class RosterColumns {

    private RosterColumns() {
    }

    enum PatronColumn {
        PATRON_ID("patronId", "Mã bạn đọc", "patron id", "patron", "id", "mã học sinh", "student id"),
        FULL_NAME("fullName", "Họ và tên", "full name", "name", "họ tên"),
        CATEGORY("category", "Đối tượng", "category"),
        CLASS_ID("classId", "Lớp", "class", "class id", "mã lớp");

        /** The field an import's issue names (the API's name), then the template's header and the English ones. */
        private final String field;
        private final List<String> names;

        PatronColumn(String field, String header, String... english) {
            this.field = field;
            this.names = names(header, english);
        }
    }

    enum ClassColumn {
        CLASS_ID("classId", "Mã lớp", "class id", "class", "id"),
        NAME("name", "Tên lớp", "name", "class name"),
        GRADE("grade", "Khối", "grade"),
        SCHOOL_YEAR("schoolYear", "Năm học", "school year"),
        HOMEROOM_TEACHER("homeroomTeacherId", "GVCN", "homeroom teacher", "homeroom teacher id", "giáo viên chủ nhiệm");

        private final String field;
        private final List<String> names;

        ClassColumn(String field, String header, String... english) {
            this.field = field;
            this.names = names(header, english);
        }
    }

    /** The patrons' column an issue's {@code field} is about: the template's header, or its first English name capitalised. */
    static Optional<String> patronLabel(String field, boolean english) {
        return Arrays.stream(PatronColumn.values()).filter(column -> column.field.equals(field)).findFirst()
                .map(column -> label(column.names, english));
    }

    /** The classes' column an issue's {@code field} is about, as {@link #patronLabel} says. */
    static Optional<String> classLabel(String field, boolean english) {
        return Arrays.stream(ClassColumn.values()).filter(column -> column.field.equals(field)).findFirst()
                .map(column -> label(column.names, english));
    }

    private static String label(List<String> names, boolean english) {
        String name = names.get(english ? 1 : 0);
        return english ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
    }

    /** The patrons' workbook: a row's cells as a {@link PatronRow}; its headers need the patron's id at least. */
    static final WorkbookRows.Template<PatronRow> PATRONS = new Template<>(PatronColumn.class, column -> column.names,
            PatronColumn.PATRON_ID, (at, cells) -> new PatronRow(WorkbookRows.cell(at, cells, PatronColumn.PATRON_ID),
                    WorkbookRows.cell(at, cells, PatronColumn.FULL_NAME), WorkbookRows.cell(at, cells, PatronColumn.CATEGORY),
                    WorkbookRows.cell(at, cells, PatronColumn.CLASS_ID)));

    /** The classes' workbook: a row's cells as a {@link ClassRow}; its headers need the class's id at least. */
    static final WorkbookRows.Template<ClassRow> CLASSES = new Template<>(ClassColumn.class, column -> column.names,
            ClassColumn.CLASS_ID, (at, cells) -> new ClassRow(WorkbookRows.cell(at, cells, ClassColumn.CLASS_ID),
                    WorkbookRows.cell(at, cells, ClassColumn.NAME), WorkbookRows.cell(at, cells, ClassColumn.GRADE),
                    WorkbookRows.cell(at, cells, ClassColumn.SCHOOL_YEAR),
                    WorkbookRows.cell(at, cells, ClassColumn.HOMEROOM_TEACHER)));

    private static List<String> names(String header, String... english) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(Arrays.asList(english));
        return List.copyOf(all);
    }

    /** A row of a roster workbook as written (each cell stripped, null when blank). */
    record PatronRow(String patronId, String fullName, String category, String classId) {
    }

    record ClassRow(String classId, String name, String grade, String schoolYear, String homeroomTeacherId) {
    }

    private record Template<E extends Enum<E>, T>(Class<E> type, Function<E, List<String>> names, E requiredColumn,
            java.util.function.BiFunction<Map<E, Integer>, List<String>, T> row) implements WorkbookRows.Template<T> {

        @Override
        public Optional<Function<List<String>, T>> columns(List<String> headers) {
            Map<E, Integer> positions = WorkbookRows.positions(headers, type, names);
            return positions.containsKey(requiredColumn) ? Optional.of(cells -> row.apply(positions, cells)) : Optional.empty();
        }

        @Override
        public List<String> headers() {
            return Arrays.stream(type.getEnumConstants()).map(column -> names.apply(column).get(0)).toList();
        }

        @Override
        public String required() {
            return names.apply(requiredColumn).get(0);
        }
    }
}
