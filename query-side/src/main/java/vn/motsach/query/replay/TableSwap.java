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
 * again from scratch), and has only its btree indexes, which the handlers may need for their own
 * lookups (a title's copies are recounted through one): its search indexes are built once at the
 * end, which costs far less than keeping them up to date row by row.
 */
final class TableSwap {

    private final JdbcClient jdbc;
    private final String liveSchema;
    private final String rebuildSchema;
    private final Map<String, List<String>> deferredIndexes = new HashMap<>();

    TableSwap(JdbcClient jdbc, String liveSchema, String rebuildSchema) {
        this.jdbc = jdbc;
        this.liveSchema = liveSchema;
        this.rebuildSchema = rebuildSchema;
    }

    void createShadow(String table) {
        jdbc.sql("create unlogged table %s.%s (like %s.%s including all)".formatted(rebuildSchema, table, liveSchema, table))
                .update();
        List<String> deferred = new ArrayList<>();
        jdbc.sql("""
                        select i.relname, pg_get_indexdef(i.oid)
                        from pg_index x
                        join pg_class i on i.oid = x.indexrelid
                        join pg_class t on t.oid = x.indrelid
                        join pg_namespace n on n.oid = t.relnamespace
                        join pg_am a on a.oid = i.relam
                        where n.nspname = :schema and t.relname = :table and a.amname <> 'btree'""")
                .param("schema", rebuildSchema)
                .param("table", table)
                .query((rs, row) -> {
                    deferred.add(rs.getString(2));
                    return rs.getString(1);
                })
                .list()
                .forEach(index -> jdbc.sql("drop index %s.%s".formatted(rebuildSchema, index)).update());
        deferredIndexes.put(table, deferred);
    }

    /** The loaded table gets the indexes it was created without, and is logged again, as the live one is. */
    void finishLoading(String table) {
        deferredIndexes.getOrDefault(table, List.of()).forEach(definition -> jdbc.sql(definition).update());
        deferredIndexes.remove(table);
        jdbc.sql("alter table %s.%s set logged".formatted(rebuildSchema, table)).update();
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
                        select i.relname, pg_get_indexdef(i.oid)
                        from pg_index x
                        join pg_class i on i.oid = x.indexrelid
                        join pg_class t on t.oid = x.indrelid
                        join pg_namespace n on n.oid = t.relnamespace
                        where n.nspname = :schema and t.relname = :table""")
                .param("schema", schema)
                .param("table", table)
                .query((rs, row) -> new Index(rs.getString(1), rs.getString(2).replaceFirst("INDEX \\S+ ON \\S+", "INDEX ON")))
                .list();
    }

    /** An index by name and by its definition without its name and table. */
    private record Index(String name, String shape) {
    }
}
