package vn.motsach.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.motsach.testing.TestInfrastructure;

/**
 * The row a handler's statement writes is read from its SQL and its table's primary key, alike
 * for an insert and an update of the same row; a statement that may write other rows, or rows the
 * key does not fix, has none, so that its handler call is applied apart.
 */
class WrittenRowIT {

    private static final UUID ITEM = UUID.fromString("3f2b8c1e-0000-4000-8000-000000000001");

    private static SingleConnectionDataSource dataSource;
    private static Connection connection;

    @BeforeAll
    static void database() throws SQLException {
        Map<String, Object> properties = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        dataSource = new SingleConnectionDataSource((String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"), true);
        connection = dataSource.getConnection();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop table if exists written_row, written_row_keyless").update();
        jdbc.sql("""
                create table written_row (
                    school_id varchar(64) not null,
                    item_id uuid not null,
                    code text unique,
                    title text,
                    last_position bigint not null,
                    primary key (school_id, item_id))""").update();
        jdbc.sql("create table written_row_keyless (school_id varchar(64), title text)").update();
    }

    @AfterAll
    static void close() {
        JdbcClient.create(dataSource).sql("drop table if exists written_row, written_row_keyless").update();
        dataSource.destroy();
    }

    @Test
    void anInsertAndAnUpdateOfOneRowWriteTheSameRow() throws SQLException {
        Object inserted = rowOf("""
                insert into written_row as w (school_id, item_id, title, last_position)
                values (:school, :item, qs_missing_function(:title, 'a, b'), :position)
                on conflict (school_id, item_id) do update set title = excluded.title
                where w.last_position < excluded.last_position""", Map.of("school", "thcs-1", "item", ITEM, "title", "Dế Mèn",
                "position", 5L));
        Object updated = rowOf("""
                update written_row set title = :title, last_position = :position
                where school_id = :School and item_id = :itemId
                  and last_position < :position and (title is null or title <> 'x')""",
                Map.of("School", "thcs-1", "itemId", ITEM.toString(), "title", "Dế Mèn", "position", 6L));
        Object another = rowOf("update written_row set title = :title where school_id = :school and item_id = :item",
                Map.of("school", "thcs-2", "item", ITEM, "title", "Dế Mèn"));

        assertThat(inserted).isNotNull().isEqualTo(updated).isNotEqualTo(another);
    }

    @Test
    void aStatementWhoseRowsTheKeyDoesNotFixWritesNoRowItCanTell() throws SQLException {
        assertThat(writtenRow("update written_row set title = :title where school_id = :school")).isEmpty();
        assertThat(writtenRow("update written_row set title = :title where school_id = :school and item_id = :item or title = :title"))
                .isEmpty();
        assertThat(writtenRow("""
                update written_row set title = v.title from (select :title as title) v
                where school_id = :school and item_id = :item""")).isEmpty();
        // a subquery reads rows a statement sent with it may be writing
        assertThat(writtenRow("""
                insert into written_row (school_id, item_id, title, last_position)
                values (:school, :item, (select max(title) from written_row where school_id = :school), :position)""")).isEmpty();
        assertThat(writtenRow("""
                update written_row set last_position = (select max(last_position) + 1 from written_row)
                where school_id = :school and item_id = :item""")).isEmpty();
        assertThat(writtenRow("""
                update written_row set title = 'select the best' where school_id = :school and item_id = :item""")).isPresent();
        assertThat(writtenRow("insert into written_row (school_id, item_id, last_position) values (:school, gen_random_uuid(), 1)"))
                .isEmpty();
        assertThat(writtenRow("""
                insert into written_row (school_id, item_id, code, last_position) values (:school, :item, :code, 1)
                on conflict (code) do nothing""")).isEmpty();
        assertThat(writtenRow("insert into written_row_keyless (school_id, title) values (:school, :title)")).isEmpty();
        assertThat(writtenRow("delete from written_row where school_id = :school and item_id = :item")).isEmpty();
    }

    private static Optional<WrittenRow> writtenRow(String sql) throws SQLException {
        return WrittenRow.of(sql, connection);
    }

    private static Object rowOf(String sql, Map<String, Object> values) throws SQLException {
        QueuedParameters parameters = new QueuedParameters(new QueuedParameters.Layout());
        values.forEach(parameters::set);
        return writtenRow(sql).orElseThrow().of(parameters);
    }
}
