package vn.motsach.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.motsach.testing.TestInfrastructure;

/**
 * Handler calls whose writes are held back and sent together leave the rows that applying them
 * one by one, in order, leaves: a call that writes a row an earlier call wrote is sent after it,
 * even when statements of the same SQL text from other calls go before.
 */
class QueuedWritesIT {

    private static final String INSERT = """
            insert into queued_item (school_id, item_id, title) values (:school, :item, :title)
            on conflict (school_id, item_id) do nothing""";
    private static final String UPDATE = "update queued_item set title = :title where school_id = :school and item_id = :item";

    private static SingleConnectionDataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        Map<String, Object> properties = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        dataSource = new SingleConnectionDataSource((String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"), true);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop table if exists queued_item").update();
        jdbc.sql("create table queued_item (school_id text, item_id text, title text, primary key (school_id, item_id))").update();
    }

    @AfterAll
    static void close() {
        jdbc.sql("drop table if exists queued_item").update();
        dataSource.destroy();
    }

    @Test
    void callsOfTheSameRowsKeepTheirOrder() throws SQLException {
        QueuedWrites writes = new QueuedWrites(dataSource);
        // in order: "a" is inserted then renamed; updating "b" before it exists changes nothing, then it is inserted
        call(writes, INSERT, "a", "Dế Mèn");
        call(writes, UPDATE, "b", "đổi tên trước khi có");
        call(writes, UPDATE, "a", "Dế Mèn phiêu lưu ký");
        call(writes, INSERT, "b", "Đất rừng phương Nam");
        for (int i = 0; i < 4; i++) {
            // enough other rows for the statements to go as row sets
            call(writes, INSERT, "c" + i, "khác " + i);
            call(writes, UPDATE, "c" + i, "khác, đổi tên " + i);
        }
        writes.flush();

        assertThat(jdbc.sql("select item_id || ': ' || title from queued_item where item_id in ('a', 'b', 'c0') order by item_id")
                .query(String.class).list())
                .isEqualTo(List.of("a: Dế Mèn phiêu lưu ký", "b: Đất rừng phương Nam", "c0: khác, đổi tên 0"));
    }

    private static void call(QueuedWrites writes, String sql, String item, String title) {
        writes.beginCall();
        writes.sql(sql).param("school", "thcs-1").param("item", item).param("title", title).update();
        writes.endCall();
    }
}
