package vn.motsach.command.imports.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.testing.UpgradeSchema;

/**
 * Titles catalogued before imports existed are matched like the ones catalogued after: V10
 * fills their match keys from the events, folded in SQL exactly as {@link TitleMatches} folds in Java.
 */
class TitleMatchesUpgradeIT {

    private static final String SCHEMA = "title_matches_upgrade";
    private static final MigrationSet COMMAND = new MigrationSet("command", "classpath:db/command");

    private static JdbcClient jdbc;
    private static UpgradeSchema schema;

    @BeforeAll
    static void databaseAtV5() {
        schema = UpgradeSchema.at(SCHEMA, COMMAND, "5");
        jdbc = schema.jdbc();
    }

    @AfterAll
    static void dropSchema() {
        schema.drop();
    }

    @Test
    void titlesCataloguedBeforeGetTheirMatchKeys() {
        String decomposed = Normalizer.normalize("ĐẤT RỪNG phương Nam:", Normalizer.Form.NFD);
        title("00000000-0000-0000-0000-000000000001", "{\"schoolId\":\"th-a\",\"titleId\":\"00000000-0000-0000-0000-000000000001\","
                + "\"title\":\"" + decomposed + "\",\"authors\":[\"Đoàn  Giỏi\",\"Khác\"],\"isbn\":\"9786042123457\","
                + "\"publishedYear\":1957}");
        title("00000000-0000-0000-0000-000000000002", "{\"schoolId\":\"th-a\",\"titleId\":\"00000000-0000-0000-0000-000000000002\","
                + "\"title\":\"Tắt đèn\",\"authors\":[],\"isbn\":null,\"publishedYear\":null}");

        schema.upgrade();

        assertThat(jdbc.sql("select match_key from cmd_title_match order by title_id").query(String.class).list())
                .containsExactly(TitleMatches.key("Đất rừng Phương Nam", "Đoàn Giỏi", 1957), TitleMatches.key("Tắt đèn", null, null));
        assertThat(jdbc.sql("select isbn from cmd_title_match where isbn is not null").query(String.class).list())
                .isEqualTo(List.of("9786042123457"));
    }

    private static void title(String titleId, String payload) {
        jdbc.sql("""
                        insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                      payload, payloadrevision, payloadtype, timestamp)
                        values (?, 0, 'Test', gen_random_uuid()::text, '{}', ?, '1', ?, '2026-09-07T02:00:00Z')""")
                .params("title:th-a:" + titleId, payload, "vn.motsach.events.catalogue.TitleCatalogued").update();
    }
}
