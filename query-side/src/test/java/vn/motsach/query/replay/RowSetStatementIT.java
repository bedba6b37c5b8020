package vn.motsach.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.motsach.testing.TestInfrastructure;

/**
 * A statement applied to many rows at once on the real PostgreSQL leaves exactly the rows its
 * one-row form leaves, row by row: nulls, quotes, Vietnamese text, arrays, instants and dates
 * included, and both shapes it rewrites.
 */
class RowSetStatementIT {

    private static final String TABLE = """
            create table %s (
                school_id varchar(64) not null,
                item_id uuid not null,
                title text,
                tags text[],
                at timestamptz,
                due_on date,
                loanable boolean,
                renewals int,
                last_position bigint not null,
                primary key (school_id, item_id))""";
    private static final String INSERT = """
            insert into %s (school_id, item_id, title, tags, at, due_on, loanable, renewals, last_position)
            values (:school, :item, :title, :tags, :at, :due_on, :loanable, :renewals, :position)
            on conflict (school_id, item_id) do nothing""";
    private static final String UPSERT = """
            insert into %s as t (school_id, item_id, title, last_position)
            values (:school, :item, :title, :position)
            on conflict (school_id, item_id) do update set title = excluded.title, last_position = excluded.last_position
            where t.last_position < excluded.last_position""";
    private static final String UPDATE = """
            update %s set title = :title || ' (' || :school || ')', renewals = coalesce(renewals, 0) + :renewals,
                          due_on = :due_on, last_position = :position
            where school_id = :school and item_id = :item and last_position < :position
              and (cast(:only_tag as text) is null or :only_tag = any(tags))""";

    private static SingleConnectionDataSource dataSource;
    private static Connection connection;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() throws SQLException {
        Map<String, Object> properties = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        dataSource = new SingleConnectionDataSource((String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"), true);
        connection = dataSource.getConnection();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void close() {
        jdbc.sql("drop table if exists row_set_one, row_set_many").update();
        dataSource.destroy();
    }

    @BeforeEach
    void tables() {
        jdbc.sql("drop table if exists row_set_one, row_set_many").update();
        jdbc.sql(TABLE.formatted("row_set_one")).update();
        jdbc.sql(TABLE.formatted("row_set_many")).update();
    }

    @Test
    void insertsAndUpdatesAsTheOneRowStatementsDo() throws SQLException {
        List<SqlParameterSource> inserts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inserts.add(new MapSqlParameterSource()
                    .addValue("school", "thcs-" + (i % 2))
                    .addValue("item", item(i))
                    .addValue("title", i == 3 ? null : "Dế Mèn phiêu lưu ký, tập " + i + " — \"trích\" 'đoạn' \\ cuối")
                    .addValue("tags", i == 4 ? null : new String[] {"Thiếu nhi", "a \"b\", {c}", i == 2 ? null : "x\\y"})
                    .addValue("at", i == 5 ? null : OffsetDateTime.of(2026, 9, 7, 8, 30, i, 123_456_000, ZoneOffset.UTC))
                    .addValue("due_on", LocalDate.of(2026, 9, 21).plusDays(i))
                    .addValue("loanable", i % 3 == 0 ? null : i % 2 == 0)
                    .addValue("renewals", i == 1 ? null : i)
                    .addValue("position", 10L + i));
        }
        applyBothWays(INSERT, inserts);
        // a second time changes nothing, either way
        applyBothWays(INSERT, inserts);

        List<SqlParameterSource> updates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            updates.add(new MapSqlParameterSource()
                    .addValue("school", "thcs-" + (i % 2))
                    .addValue("item", item(i))
                    .addValue("title", "Đất rừng phương Nam " + i)
                    .addValue("renewals", 1)
                    .addValue("due_on", i == 2 ? null : LocalDate.of(2026, 10, 5))
                    .addValue("only_tag", i == 0 ? "Thiếu nhi" : i == 1 ? "không có" : null)
                    // the fourth row's event is older than the row: it must change nothing
                    .addValue("position", i == 3 ? 5L : 100L + i));
        }
        applyBothWays(UPDATE, updates);

        assertThat(rows("row_set_many")).isEqualTo(rows("row_set_one")).hasSize(6);
        assertThat(jdbc.sql("select title from row_set_many where item_id = :item").param("item", item(0)).query(String.class)
                .single()).isEqualTo("Đất rừng phương Nam 0 (thcs-0)");
        assertThat(jdbc.sql("select tags from row_set_many where item_id = :item").param("item", item(2))
                .query((rs, row) -> java.util.Arrays.asList((String[]) rs.getArray(1).getArray())).single())
                .containsExactly("Thiếu nhi", "a \"b\", {c}", null);
    }

    @Test
    void upsertsOnlyWhatIsNewerAsTheOneRowStatementDoes() throws SQLException {
        List<SqlParameterSource> first = new ArrayList<>();
        List<SqlParameterSource> second = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(new MapSqlParameterSource().addValue("school", "thpt").addValue("item", item(i))
                    .addValue("title", "Những tấm lòng cao cả " + i).addValue("position", 20L));
            second.add(new MapSqlParameterSource().addValue("school", "thpt").addValue("item", item(i + 2))
                    .addValue("title", "Tôi thấy hoa vàng trên cỏ xanh " + i).addValue("position", i % 2 == 0 ? 30L : 10L));
        }
        applyBothWays(UPSERT, first);
        applyBothWays(UPSERT, second);

        assertThat(rows("row_set_many")).isEqualTo(rows("row_set_one")).hasSize(7);
    }

    @Test
    void leavesOtherShapesToTheBatch() throws SQLException {
        assertThat(RowSetStatement.of("""
                with copy as (insert into row_set_one (school_id, item_id, last_position) values (:school, :item, 1)
                              on conflict do nothing returning item_id)
                update row_set_one t set title = :title from copy where t.item_id = copy.item_id""", connection)).isEmpty();
        assertThat(RowSetStatement.of("""
                insert into row_set_one (school_id, item_id, last_position)
                select school_id, :item, 1 from row_set_many where school_id = :school""", connection)).isEmpty();
        assertThat(RowSetStatement.of("update row_set_one set title = :title where item_id = :item returning title", connection))
                .isEmpty();
        assertThat(RowSetStatement.of("update row_set_one t set title = m.title from row_set_many m where t.item_id = :item",
                connection)).isEmpty();
        assertThat(RowSetStatement.of("truncate row_set_one", connection)).isEmpty();
    }

    @Test
    void acceptsOnlyValuesWithAFaithfulTextForm() throws SQLException {
        RowSetStatement update = RowSetStatement.of(UPDATE.formatted("row_set_many"), connection).orElseThrow();
        MapSqlParameterSource plain = new MapSqlParameterSource().addValue("school", "s").addValue("item", item(1))
                .addValue("title", "t").addValue("renewals", 1).addValue("due_on", null).addValue("only_tag", null)
                .addValue("position", 1L);
        MapSqlParameterSource odd = new MapSqlParameterSource(plain.getValues()).addValue("position", new java.util.Date());

        assertThat(update.columns(List.of(plain, plain))).isNotNull();
        assertThat(update.columns(List.of(plain, odd))).isNull();
    }

    @Test
    void refusesARowWithoutAValueForEveryParameter() throws SQLException {
        RowSetStatement update = RowSetStatement.of(UPDATE.formatted("row_set_many"), connection).orElseThrow();
        MapSqlParameterSource withoutTitle = new MapSqlParameterSource().addValue("school", "s").addValue("item", item(1))
                .addValue("renewals", 1).addValue("due_on", null).addValue("only_tag", null).addValue("position", 1L);

        assertThatThrownBy(() -> update.columns(List.of(withoutTitle))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":title");
        // so are the rows the replay queues
        QueuedParameters queued = new QueuedParameters(new QueuedParameters.Layout());
        withoutTitle.getValues().forEach(queued::set);
        assertThatThrownBy(() -> update.columns(List.of(queued))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":title");
    }

    private static void applyBothWays(String sql, List<SqlParameterSource> rows) throws SQLException {
        NamedParameterJdbcTemplate one = new NamedParameterJdbcTemplate(dataSource);
        for (SqlParameterSource row : rows) {
            one.update(sql.formatted("row_set_one"), row);
        }
        RowSetStatement many = RowSetStatement.of(sql.formatted("row_set_many"), connection).orElseThrow();
        String[][] columns = many.columns(rows);
        assertThat(columns).isNotNull();
        many.execute(connection, columns);
    }

    private static List<String> rows(String table) {
        return jdbc.sql("select t::text from " + table + " t order by school_id, item_id").query(String.class).list();
    }

    private static UUID item(int i) {
        return UUID.nameUUIDFromBytes(("item-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
