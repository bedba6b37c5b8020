package vn.motsach.query.replay;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The {@link JdbcClient} the replayed handlers write through: it holds their writes back and
 * sends each statement once for all the rows a layer gives it ({@link RowSetStatement}), or,
 * for a statement it cannot rewrite so, in a JDBC batch, which pgjdbc pipelines in one round
 * trip, instead of one round trip and one execution per row. The projections' own handlers run
 * unchanged; only the timing of their writes differs.
 * <p>
 * Layers: the statements of one handler call go together into the first layer after every
 * earlier call that wrote one of the same rows ({@link WrittenRow}), so that the calls of a layer
 * share no row; a call with a statement whose row cannot be told goes alone, after all before it.
 * Within a layer, statements go by their rank within the handler call that queued them (the
 * first statement of every call, then the second, ...), and within a rank grouped by SQL text.
 * Each call thus keeps its own order, while calls of different rows are reordered among
 * themselves. The replay calls {@link #beginCall()} before each handler, {@link #endCall()} after
 * it, and {@link #flush()} once it has handed over its events. A read (any {@code query}) sends
 * what is queued first, so that a handler reads its own writes; so does a write with positional
 * parameters or a key holder.
 * <p>
 * {@link StatementSpec#update()} answers {@link Statement#SUCCESS_NO_INFO}, as JDBC does for a
 * batched statement: the count is not known until the batch is sent, so a handler must not
 * branch on it.
 */
final class QueuedWrites implements JdbcClient {

    /** Rows from which a statement goes as one over all of them: below, the batch costs no more. */
    private static final int ROW_SET_FROM = 4;

    private final NamedParameterJdbcTemplate named;
    private final JdbcClient direct;
    /** The statements of the handler call under way, until it ends. */
    private final List<Queued> call = new ArrayList<>();
    private final List<List<Queued>> layers = new ArrayList<>();
    /** The layer of the last call that wrote each row. */
    private final Map<Object, Integer> lastLayerOf = new HashMap<>();
    /** The first layer a call may go into: the one after the last call applied apart. */
    private int floor;
    /** The row each statement writes, or empty for one whose row cannot be told. */
    private final Map<String, Optional<WrittenRow>> writtenRows = new HashMap<>();
    /** The many-row form of each statement seen, or empty for one that has none. */
    private final Map<String, Optional<RowSetStatement>> rowSets = new HashMap<>();
    /** How the named parameters of each SQL text are laid out in its rows. */
    private final Map<String, QueuedParameters.Layout> layouts = new HashMap<>();
    private int rank;

    QueuedWrites(DataSource dataSource) {
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.direct = JdbcClient.create(named);
    }

    /** A handler is about to be called: its statements are ranked from the first again. */
    void beginCall() {
        rank = 0;
    }

    /** The handler call has returned: its statements go into the first layer they may go into. */
    void endCall() {
        if (call.isEmpty()) {
            return;
        }
        List<Object> rows = new ArrayList<>(call.size());
        for (Queued statement : call) {
            Object row = statement.row().map(written -> written.of(statement.params())).orElse(null);
            if (row == null) {
                rows = null;
                break;
            }
            rows.add(row);
        }
        int layer = floor;
        if (rows == null) {
            layer = Math.max(floor, layers.size());
            floor = layer + 1;
        } else {
            for (Object row : rows) {
                Integer last = lastLayerOf.get(row);
                if (last != null) {
                    layer = Math.max(layer, last + 1);
                }
            }
            for (Object row : rows) {
                lastLayerOf.put(row, layer);
            }
        }
        while (layers.size() <= layer) {
            layers.add(new ArrayList<>());
        }
        layers.get(layer).addAll(call);
        call.clear();
    }

    /** Sends every queued statement, layer by layer; in a layer by rank, then by SQL text in order of first appearance. */
    void flush() {
        endCall();
        List<List<Queued>> sent = List.copyOf(layers);
        forgetLayers();
        for (List<Queued> layer : sent) {
            Map<Integer, Map<String, List<SqlParameterSource>>> byRank = new TreeMap<>();
            for (Queued statement : layer) {
                byRank.computeIfAbsent(statement.rank(), r -> new LinkedHashMap<>())
                        .computeIfAbsent(statement.sql(), s -> new ArrayList<>())
                        .add(statement.params());
            }
            byRank.values().forEach(bySql -> bySql.forEach(this::send));
        }
    }

    private void forgetLayers() {
        layers.clear();
        lastLayerOf.clear();
        floor = 0;
    }

    /** Sends one statement for many rows: as one statement over all of them when it can be rewritten so, else as a batch. */
    private void send(String sql, List<SqlParameterSource> rows) {
        boolean set = rows.size() >= ROW_SET_FROM && named.getJdbcTemplate().execute((ConnectionCallback<Boolean>) connection -> {
            Optional<RowSetStatement> rowSet = rowSets.get(sql);
            if (rowSet == null) {
                rowSet = RowSetStatement.of(sql, connection);
                rowSets.put(sql, rowSet);
            }
            String[][] columns = rowSet.isEmpty() ? null : rowSet.get().columns(rows);
            if (columns == null) {
                return false;
            }
            rowSet.get().execute(connection, columns);
            return true;
        });
        if (!set) {
            named.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** Forgets what is queued: the transaction it belonged to was rolled back. */
    void discard() {
        call.clear();
        forgetLayers();
    }

    @Override
    public StatementSpec sql(String sql) {
        return new QueuedStatement(sql);
    }

    private Optional<WrittenRow> writtenRow(String sql) {
        Optional<WrittenRow> row = writtenRows.get(sql);
        if (row == null) {
            row = named.getJdbcTemplate().execute((ConnectionCallback<Optional<WrittenRow>>) connection -> WrittenRow.of(sql, connection));
            writtenRows.put(sql, row);
        }
        return row;
    }

    private record Queued(int rank, String sql, QueuedParameters params, Optional<WrittenRow> row) {
    }

    /**
     * Records what the handler sets, to replay it on a real statement when it has to run now, or
     * to queue it when it is a plain update with named parameters: those are kept as the row of
     * a row set ({@link QueuedParameters}), everything else as settings to replay.
     */
    private final class QueuedStatement implements StatementSpec {

        private final String sql;
        private final QueuedParameters params;
        private final List<UnaryOperator<StatementSpec>> settings = new ArrayList<>();
        private boolean queueable = true;

        QueuedStatement(String sql) {
            this.sql = sql;
            this.params = new QueuedParameters(layouts.computeIfAbsent(sql, s -> new QueuedParameters.Layout()));
        }

        private StatementSpec set(UnaryOperator<StatementSpec> setting, boolean keepsQueueable) {
            settings.add(setting);
            queueable &= keepsQueueable;
            return this;
        }

        /** The statement as the handler set it, on the connection, after everything queued before it. */
        private StatementSpec now() {
            flush();
            StatementSpec spec = direct.sql(sql);
            for (String name : params.getParameterNames()) {
                int sqlType = params.getSqlType(name);
                spec = sqlType == SqlParameterSource.TYPE_UNKNOWN ? spec.param(name, params.getValue(name))
                        : spec.param(name, params.getValue(name), sqlType);
            }
            for (UnaryOperator<StatementSpec> setting : settings) {
                spec = setting.apply(spec);
            }
            return spec;
        }

        @Override
        public StatementSpec withFetchSize(int fetchSize) {
            return set(spec -> spec.withFetchSize(fetchSize), true);
        }

        @Override
        public StatementSpec withMaxRows(int maxRows) {
            return set(spec -> spec.withMaxRows(maxRows), true);
        }

        @Override
        public StatementSpec withQueryTimeout(int queryTimeout) {
            return set(spec -> spec.withQueryTimeout(queryTimeout), true);
        }

        @Override
        public StatementSpec param(Object value) {
            return set(spec -> spec.param(value), false);
        }

        @Override
        public StatementSpec param(int jdbcIndex, Object value) {
            return set(spec -> spec.param(jdbcIndex, value), false);
        }

        @Override
        public StatementSpec param(int jdbcIndex, Object value, int sqlType) {
            return set(spec -> spec.param(jdbcIndex, value, sqlType), false);
        }

        @Override
        public StatementSpec param(String name, Object value) {
            params.set(name, value);
            return this;
        }

        @Override
        public StatementSpec param(String name, Object value, int sqlType) {
            params.set(name, value);
            params.registerSqlType(name, sqlType);
            return this;
        }

        @Override
        public StatementSpec params(Object... values) {
            return set(spec -> spec.params(values), false);
        }

        @Override
        public StatementSpec params(List<?> values) {
            return set(spec -> spec.params(values), false);
        }

        @Override
        public StatementSpec params(Map<String, ?> paramMap) {
            paramMap.forEach(params::set);
            return this;
        }

        @Override
        public StatementSpec paramSource(Object namedParamObject) {
            return set(spec -> spec.paramSource(namedParamObject), false);
        }

        @Override
        public StatementSpec paramSource(SqlParameterSource namedParamSource) {
            return set(spec -> spec.paramSource(namedParamSource), false);
        }

        @Override
        public ResultQuerySpec query() {
            return now().query();
        }

        @Override
        public <T> MappedQuerySpec<T> query(Class<T> mappedClass) {
            return now().query(mappedClass);
        }

        @Override
        public <T> MappedQuerySpec<T> query(RowMapper<T> rowMapper) {
            return now().query(rowMapper);
        }

        @Override
        public void query(RowCallbackHandler rch) {
            now().query(rch);
        }

        @Override
        public <T> T query(ResultSetExtractor<T> rse) {
            return now().query(rse);
        }

        @Override
        public int update() {
            if (!queueable) {
                return now().update();
            }
            call.add(new Queued(rank++, sql, params, writtenRow(sql)));
            return Statement.SUCCESS_NO_INFO;
        }

        @Override
        public int update(KeyHolder generatedKeyHolder) {
            return now().update(generatedKeyHolder);
        }

        @Override
        public int update(KeyHolder generatedKeyHolder, String... keyColumnNames) {
            return now().update(generatedKeyHolder, keyColumnNames);
        }
    }
}
