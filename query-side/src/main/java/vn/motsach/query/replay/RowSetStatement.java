package vn.motsach.query.replay;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A handler's statement, written for one row, rewritten to apply to many rows in one execution:
 * the rows' parameters travel as one array per parameter, {@code unnest}ed into a row source
 * {@code v}, and every {@code :name} becomes a column of {@code v}. PostgreSQL then plans and
 * starts the statement once for the rows of a layer rather than once per row, which is most of
 * what a one-row statement costs it.
 * <p>
 * Two shapes are rewritten, and any other statement is not ({@link #of} answers empty):
 * <ul>
 * <li>{@code update T set ... where ...} becomes {@code update T set ... from unnest(...) v where ...};
 * <li>{@code insert into T (...) values (...) [on conflict ...]} becomes
 * {@code insert into T (...) select ... from unnest(...) v [on conflict ...]}.
 * </ul>
 * Both are right only for rows that touch different rows of the table: with two source rows
 * for one target row, an update would apply one of them. The replay provides that: it sends
 * together only statements of different rows ({@link WrittenRow}).
 * <p>
 * The element type of each array is the type PostgreSQL infers for the parameter in the one-row
 * statement; the values travel as text and are cast to it. Rows holding a value of a type
 * without a faithful text form here go as a batch instead.
 */
final class RowSetStatement {

    private static final Object MISSING = new Object();

    private final String sql;
    private final List<String> names;

    private RowSetStatement(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    /** The many-row form of {@code oneRow}, if it has a shape that can be rewritten. */
    static Optional<RowSetStatement> of(String oneRow, Connection connection) throws SQLException {
        NamedSql named = NamedSql.parse(oneRow);
        if (named.names().isEmpty()) {
            return Optional.empty();
        }
        List<String> types = typesOf(named, connection);
        if (types.contains(null)) {
            return Optional.empty();
        }
        StringBuilder source = new StringBuilder("unnest(");
        StringBuilder columns = new StringBuilder();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            // an array parameter travels as its text form, one element of a text array, since
            // unnest would flatten an array of arrays
            boolean array = type.startsWith("_");
            source.append(i == 0 ? "" : ", ").append("cast(? as text[])").append(array ? "" : "::" + type + "[]");
            columns.append(i == 0 ? "" : ", ").append(column(i));
            references.add(array ? "cast(v." + column(i) + " as " + type.substring(1) + "[])" : "v." + column(i));
        }
        String rows = source.append(") as v(").append(columns).append(")").toString();
        return named.rewrite(rows, references).map(sql -> new RowSetStatement(sql, named.names()));
    }

    /**
     * The rows' values as text, one column per parameter, or null when a value has no text form
     * this statement can cast back faithfully (those rows go as a batch instead).
     */
    String[][] columns(List<? extends SqlParameterSource> rows) {
        String[][] columns = new String[names.size()][rows.size()];
        QueuedParameters.Layout layout = null;
        int[] positions = null;
        for (int row = 0; row < rows.size(); row++) {
            SqlParameterSource source = rows.get(row);
            // queued rows of one statement share a layout: each name is found in it once
            QueuedParameters queued = source instanceof QueuedParameters parameters ? parameters : null;
            if (queued != null && queued.layout() != layout) {
                layout = queued.layout();
                positions = names.stream().mapToInt(layout::find).toArray();
            }
            for (int i = 0; i < names.size(); i++) {
                Object value;
                if (queued != null) {
                    value = queued.isSet(positions[i]) ? queued.valueAt(positions[i]) : MISSING;
                } else {
                    value = source.hasValue(names.get(i)) ? source.getValue(names.get(i)) : MISSING;
                }
                if (value == MISSING) {
                    // as the one-row statement would fail
                    throw new IllegalArgumentException("No value for the parameter :" + names.get(i) + " of " + sql);
                }
                if (value != null && !textFaithful(value)) {
                    return null;
                }
                columns[i][row] = text(value);
            }
        }
        return columns;
    }

    /** Applies the statement to the rows of {@link #columns}; answers the rows it changed. */
    int execute(Connection connection, String[][] columns) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.length; i++) {
                statement.setArray(i + 1, connection.createArrayOf("text", columns[i]));
            }
            return statement.executeUpdate();
        }
    }

    private static boolean textFaithful(Object value) {
        return value instanceof String || value instanceof UUID || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Boolean || value instanceof BigDecimal || value instanceof LocalDate
                || value instanceof OffsetDateTime || value instanceof String[];
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String[] array) {
            StringJoiner literal = new StringJoiner(",", "{", "}");
            for (String element : array) {
                literal.add(element == null ? "NULL" : '"' + element.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            return literal.toString();
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static String column(int index) {
        return "p" + index;
    }

    /** The type PostgreSQL infers for each distinct parameter, from its first occurrence. */
    private static List<String> typesOf(NamedSql named, Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(named.positional())) {
            ParameterMetaData metadata = statement.getParameterMetaData();
            Map<String, String> types = new LinkedHashMap<>();
            for (int i = 0; i < named.occurrences().size(); i++) {
                types.putIfAbsent(named.occurrences().get(i), metadata.getParameterTypeName(i + 1));
            }
            List<String> ordered = new ArrayList<>();
            named.names().forEach(name -> ordered.add(types.get(name)));
            return ordered;
        }
    }

    /**
     * A statement with {@code :name} parameters, split where the rewrite needs it. Parameters
     * are found outside quotes, and not in {@code ::type} casts.
     */
    private record NamedSql(String text, List<String> occurrences, List<String> names, List<int[]> spans) {

        static NamedSql parse(String sql) {
            List<String> occurrences = new ArrayList<>();
            List<int[]> spans = new ArrayList<>();
            boolean quoted = false;
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && c == ':' && i + 1 < sql.length() && (i == 0 || sql.charAt(i - 1) != ':')
                        && Character.isJavaIdentifierStart(sql.charAt(i + 1)) && sql.charAt(i + 1) != ':') {
                    int end = i + 1;
                    while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                        end++;
                    }
                    occurrences.add(sql.substring(i + 1, end));
                    spans.add(new int[] {i, end});
                    i = end - 1;
                }
            }
            return new NamedSql(sql, occurrences, occurrences.stream().distinct().toList(), spans);
        }

        /** The statement with {@code ?} for every occurrence, as JDBC takes it. */
        String positional() {
            return replaced(index -> "?");
        }

        /** The statement over the row source {@code rows}, or empty when its shape is not one rewritten. */
        Optional<String> rewrite(String rows, List<String> references) {
            String body = replaced(index -> references.get(names.indexOf(occurrences.get(index)))).strip();
            String lower = body.toLowerCase(Locale.ROOT);
            if (SqlText.keyword(lower, "returning") >= 0) {
                return Optional.empty();
            }
            if (lower.startsWith("update ")) {
                int where = SqlText.keyword(lower, "where");
                if (where < 0 || SqlText.keyword(lower, "from") >= 0) {
                    return Optional.empty();
                }
                return Optional.of(body.substring(0, where) + "from " + rows + " " + body.substring(where));
            }
            if (lower.startsWith("insert into ")) {
                int values = SqlText.keyword(lower, "values");
                int open = values < 0 ? -1 : lower.indexOf('(', values);
                int close = SqlText.closing(lower, open);
                if (close < 0) {
                    return Optional.empty();
                }
                String rest = body.substring(close + 1).strip();
                // one row of values, then nothing or the conflict clause
                if (!rest.isEmpty() && !rest.toLowerCase(Locale.ROOT).startsWith("on conflict")) {
                    return Optional.empty();
                }
                return Optional.of(body.substring(0, values) + "select " + body.substring(open + 1, close) + " from " + rows
                        + " " + rest);
            }
            return Optional.empty();
        }

        private String replaced(IntFunction<String> replacement) {
            StringBuilder out = new StringBuilder();
            int from = 0;
            for (int i = 0; i < spans.size(); i++) {
                out.append(text, from, spans.get(i)[0]).append(replacement.apply(i));
                from = spans.get(i)[1];
            }
            return out.append(text.substring(from)).toString();
        }
    }
}
