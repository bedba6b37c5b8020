package vn.motsach.query.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one row a handler's statement writes, read from the statement and its table's primary key:
 * an {@code insert into T (...) values (...)} writes the row whose key columns take the values
 * it names, an {@code update T ... where ...} the row its conditions {@code column = :name} fix
 * every key column of. The replay sends together only statements of different rows
 * ({@link QueuedWrites}), so it learns what a projection's rows are from its SQL alone.
 * <p>
 * A statement of any other shape, whose key is not wholly given by named parameters, or that
 * reads other rows through a subquery (sent together with the statement that writes those rows,
 * it could read them before or after), writes rows the replay cannot tell: {@link #of} answers
 * empty, and the handler call is applied apart.
 */
final class WrittenRow {

    private static final Pattern INSERT = Pattern.compile(
            "insert\\s+into\\s+([\\w.\"]+)(?:\\s+as\\s+\\w+)?\\s*\\(([^()]*)\\)\\s*values\\s*\\(", Pattern.DOTALL);
    private static final Pattern UPDATE = Pattern.compile(
            "update\\s+([\\w.\"]+)(?:\\s+(?:as\\s+)?(?!set\\b)\\w+)?\\s+set\\s", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern SUBQUERY = Pattern.compile("\\bselect\\b");
    private static final Pattern EQUALS_PARAMETER = Pattern.compile("(?:\\w+\\.)?(\\w+)\\s*=\\s*:(\\w+)");

    private final String table;
    /** The named parameters that give the key columns' values. */
    private final List<String> keyParameters;

    private WrittenRow(String table, List<String> keyParameters) {
        this.table = table;
        this.keyParameters = keyParameters;
    }

    /** The row {@code sql} writes, when it writes one row of a table with a primary key, found as above. */
    static Optional<WrittenRow> of(String sql, Connection connection) throws SQLException {
        String lower = sql.strip().toLowerCase(Locale.ROOT);
        if (SUBQUERY.matcher(QUOTED.matcher(lower).replaceAll("''")).find()) {
            return Optional.empty();
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        String table;
        List<String> conflictTarget = null;
        Matcher insert = INSERT.matcher(lower);
        Matcher update = UPDATE.matcher(lower);
        if (insert.lookingAt()) {
            table = insert.group(1);
            List<String> columns = SqlText.split(insert.group(2), ",");
            int open = insert.end() - 1;
            int close = SqlText.closing(lower, open);
            if (close < 0) {
                return Optional.empty();
            }
            List<String> values = SqlText.split(lower.substring(open + 1, close), ",");
            if (values.size() != columns.size()) {
                return Optional.empty();
            }
            // a conflict on another unique key than the primary one would join rows the key keeps apart
            int conflict = SqlText.keyword(lower, "conflict", close);
            int target = conflict < 0 ? -1 : lower.indexOf('(', conflict);
            int targetEnd = SqlText.closing(lower, target);
            if (targetEnd >= 0) {
                conflictTarget = SqlText.split(lower.substring(target + 1, targetEnd), ",");
            }
            for (int i = 0; i < columns.size(); i++) {
                Matcher parameter = PARAMETER.matcher(values.get(i));
                if (parameter.matches()) {
                    byColumn.put(columns.get(i), parameter.group(1));
                }
            }
        } else if (update.lookingAt()) {
            table = update.group(1);
            int where = SqlText.keyword(lower, "where");
            if (where < 0 || SqlText.keyword(lower, "from") >= 0) {
                return Optional.empty();
            }
            String conditions = lower.substring(where + "where".length());
            if (SqlText.keyword(conditions, "or") >= 0) {
                return Optional.empty();
            }
            for (String condition : SqlText.splitAtKeyword(conditions, "and")) {
                Matcher equals = EQUALS_PARAMETER.matcher(condition);
                if (equals.matches()) {
                    byColumn.putIfAbsent(equals.group(1), equals.group(2));
                }
            }
        } else {
            return Optional.empty();
        }
        List<String> key = primaryKey(table, connection);
        if (key.isEmpty() || !byColumn.keySet().containsAll(key)
                || conflictTarget != null && !(conflictTarget.containsAll(key) && key.containsAll(conflictTarget))) {
            return Optional.empty();
        }
        List<String> parameters = new ArrayList<>();
        for (String column : key) {
            // the names as the handler spells them, which the lower-cased text may not
            parameters.add(spelledAsIn(sql, byColumn.get(column)));
        }
        return Optional.of(new WrittenRow(table, List.copyOf(parameters)));
    }

    /**
     * The row of {@code parameters}, equal for every statement of that row: the table and the key's
     * values as text (a key value may be set as a UUID in one handler and as its text in another),
     * or null when a key value is null, which writes no row.
     */
    Object of(QueuedParameters parameters) {
        Object[] row = new Object[keyParameters.size() + 1];
        row[0] = table;
        for (int i = 0; i < keyParameters.size(); i++) {
            Object value = parameters.getValue(keyParameters.get(i));
            if (value == null) {
                return null;
            }
            row[i + 1] = value.toString();
        }
        return Arrays.asList(row);
    }

    /** The primary key's columns of the table the search path leads to, or none. */
    private static List<String> primaryKey(String table, Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.attname
                from pg_index x join pg_attribute a on a.attrelid = x.indrelid and a.attnum = any(x.indkey)
                where x.indrelid = to_regclass(?) and x.indisprimary""")) {
            statement.setString(1, table);
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            return columns;
        }
    }

    private static String spelledAsIn(String sql, String lowerName) {
        Matcher parameter = PARAMETER.matcher(sql);
        while (parameter.find()) {
            if (parameter.group(1).equalsIgnoreCase(lowerName)) {
                return parameter.group(1);
            }
        }
        return lowerName;
    }
}
