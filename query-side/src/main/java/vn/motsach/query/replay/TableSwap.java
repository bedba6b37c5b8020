package vn.motsach.query.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the tables a rebuild loads and puts them in the place of the live ones. A rebuilt table
 * is created {@code LIKE} the live one, so its indexes have generated names; they take the live
 * indexes' names again, matched by definition, so that later migrations can name them.
 * <p>
 * While it loads, a rebuilt table is unlogged, as it can be lost in a crash (the rebuild starts
 * again from scratch), and has only its unique indexes, which its rows are found and upserted
 * through (the handlers read nothing else): its other indexes are built once at the end, which
 * costs far less than keeping them up to date row by row, and without them an update of a
 * column they cover stays on its page (a heap-only tuple, with no index entry to add).
 * <p>
 * A table whose live pages keep room for updates (a fill factor below 100) loads with more room
 * still ({@value #LOADING_FILLFACTOR}%): a transaction of the rebuild applies a page of events,
 * in which a loan is inserted at its checkout and updated at its renewals and its return, and no
 * version a transaction replaces can be pruned before it commits. With the live fill
 * factor, many of those updates would find their page full, go to another page and add an
 * index entry. The table takes the live parameters again when it is logged, which rewrites it packed
 * as the live one.
 */
final class TableSwap {

    private static final int LOADING_FILLFACTOR = 40;

    private final JdbcClient jdbc;
    private final String liveSchema;
    private final String rebuildSchema;
    private final Map<String, List<String>> deferredIndexes = new HashMap<>();
    private final Map<String, List<String>> liveParameters = new HashMap<>();

    TableSwap(JdbcClient jdbc, String liveSchema, String rebuildSchema) {
        this.jdbc = jdbc;
        this.liveSchema = liveSchema;
        this.rebuildSchema = rebuildSchema;
    }

    /**
     * Creates the table to load, with the live table's storage parameters but for a fill factor
     * that leaves more room for updates, and with only the live table's unique indexes: the others
     * are built once, at the end.
     */
    void createShadow(String table) {
        List<String> live = storageParameters(table);
        liveParameters.put(table, live);
        List<String> loading = live.stream().map(TableSwap::loading).toList();
        jdbc.sql("create unlogged table %s.%s (like %s.%s including all)%s".formatted(rebuildSchema, table, liveSchema, table,
                        loading.isEmpty() ? "" : " with (" + String.join(", ", loading) + ")"))
                .update();
        List<String> deferred = new ArrayList<>();
        for (Index index : indexes(rebuildSchema, table)) {
            if (!index.unique()) {
                deferred.add(index.definition());
                jdbc.sql("drop index %s.%s".formatted(rebuildSchema, index.name())).update();
            }
        }
        deferredIndexes.put(table, deferred);
    }

    /** The live table's storage parameters, each as {@code name=value}. */
    private List<String> storageParameters(String table) {
        return jdbc.sql("""
                        select unnest(c.reloptions)
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = :schema and c.relname = :table""")
                .param("schema", liveSchema)
                .param("table", table)
                .query(String.class)
                .list();
    }

    private static String loading(String parameter) {
        String fillfactor = "fillfactor=";
        if (parameter.startsWith(fillfactor) && Integer.parseInt(parameter.substring(fillfactor.length())) > LOADING_FILLFACTOR) {
            return fillfactor + LOADING_FILLFACTOR;
        }
        return parameter;
    }

    /**
     * The loaded table is logged again, and takes the live table's storage parameters, as the live
     * one is. That rewrites the table, packed by the live fill factor, and every index it has, so it
     * comes before the indexes it was created without ({@link #deferredIndexes}).
     */
    void setLogged(String table, JdbcClient through) {
        List<String> live = liveParameters.getOrDefault(table, List.of());
        through.sql("alter table %s.%s %sset logged".formatted(rebuildSchema, table,
                live.isEmpty() ? "" : "set (" + String.join(", ", live) + "), ")).update();
    }

    /** The definitions of the indexes the tables were created without, to build once they are loaded and logged. */
    List<String> deferredIndexes(List<String> tables) {
        return tables.stream().flatMap(table -> deferredIndexes.getOrDefault(table, List.of()).stream()).toList();
    }

    /** The statistics the queries will need, once the table has all its indexes (some have expressions). */
    void analyze(String table, JdbcClient through) {
        through.sql("analyze %s.%s".formatted(rebuildSchema, table)).update();
    }

    void swap(String table) {
        Map<String, String> liveNames = new HashMap<>();
        indexes(liveSchema, table).forEach(index -> liveNames.put(index.shape(), index.name()));
        jdbc.sql("drop table %s.%s".formatted(liveSchema, table)).update();
        jdbc.sql("alter table %s.%s set schema %s".formatted(rebuildSchema, table, liveSchema)).update();
        for (Index index : indexes(liveSchema, table)) {
            String liveName = liveNames.get(index.shape());
            if (liveName != null && !liveName.equals(index.name())) {
                jdbc.sql("alter index %s.%s rename to %s".formatted(liveSchema, index.name(), liveName)).update();
            }
        }
    }

    private List<Index> indexes(String schema, String table) {
        return jdbc.sql("""
                        select i.relname, pg_get_indexdef(i.oid), x.indisunique
                        from pg_index x
                        join pg_class i on i.oid = x.indexrelid
                        join pg_class t on t.oid = x.indrelid
                        join pg_namespace n on n.oid = t.relnamespace
                        where n.nspname = :schema and t.relname = :table""")
                .param("schema", schema)
                .param("table", table)
                .query((rs, row) -> new Index(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /** An index by name and definition; its shape is the definition without its name and table. */
    private record Index(String name, String definition, boolean unique) {

        String shape() {
            return definition.replaceFirst("INDEX \\S+ ON \\S+", "INDEX ON");
        }
    }
}
