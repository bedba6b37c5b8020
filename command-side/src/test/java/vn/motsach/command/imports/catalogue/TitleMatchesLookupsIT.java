package vn.motsach.command.imports.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.command.circulation.CirculationLookups;
import vn.motsach.events.Barcode;
import vn.motsach.events.SchoolId;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * What a batch of an import looks up (the titles its records match, the copies its barcodes are)
 * reads the rows of the values it asks for, not all the school's, however far autovacuum's
 * statistics lag the rows the import adds: a lookup that read the school's rows would cost each
 * batch more as the school grows.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.circulation.sweep-interval=1h", "motsach.imports.batch-size=100"})
class TitleMatchesLookupsIT {

    private static final List<String> TABLES = List.of("cmd_copy", "cmd_title_match");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TitleMatches matches;

    @Autowired
    CirculationLookups lookups;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aBatchsLookupsReadTheRowsOfItsValuesAloneWhenTheSchoolHasGrownUnderAutovacuum() {
        ApiClient api = new ApiClient(port);
        LibraryFixture.primarySchool(api, "th-import-lookups");
        SchoolId school = SchoolId.of("th-import-lookups");
        TABLES.forEach(table -> {
            jdbc.sql("analyze " + table).update();
            jdbc.sql("alter table " + table + " set (autovacuum_enabled = false)").update();
        });
        try {
            imported(api, TitleMatches.RECOUNT_FROM + 100);
            UUID first = matches.copyOwners(school, List.of("L-0-1")).get("L-0-1");

            List<Long> read = new TransactionTemplate(transactions).execute(status -> {
                long before = rowsRead();
                assertThat(matches.copyOwners(school, List.of("L-7-2", "L-9-9"))).containsOnlyKeys("L-7-2");
                long owners = rowsRead();
                assertThat(matches.byKey(school, List.of(TitleMatches.key("Sách 7", "Tác giả 7", 1957), "khong co")))
                        .containsOnlyKeys(TitleMatches.key("Sách 7", "Tác giả 7", 1957));
                long keys = rowsRead();
                assertThat(matches.digests(school, List.of(first, UUID.randomUUID()))).containsOnlyKeys(first);
                long digests = rowsRead();
                assertThat(lookups.copiesAmong(school, List.of(Barcode.of("L-8-3"), Barcode.of("L-8-4"))))
                        .containsExactly(Barcode.of("L-8-3"));
                return List.of(owners - before, keys - owners, digests - keys, rowsRead() - digests);
            });

            assertThat(read).allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(2));
        } finally {
            TABLES.forEach(table -> jdbc.sql("alter table " + table + " reset (autovacuum_enabled)").update());
        }
    }

    /** The rows of the lookup tables the transaction in hand has read so far. */
    private long rowsRead() {
        return jdbc.sql("""
                        select coalesce(sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)), 0)
                        from pg_stat_xact_user_tables where relname = any(?)""")
                .param(TABLES.toArray(String[]::new)).query(Long.class).single();
    }

    /** Records "Sách i" by "Tác giả i" of 1950 + i, with copies L-i-1, L-i-2 and L-i-3. */
    private void imported(ApiClient api, int count) {
        MarcFactory factory = MarcFactory.newInstance();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(file, "UTF-8");
        for (int i = 0; i < count; i++) {
            Record record = factory.newRecord("00000nam a2200000 a 4500");
            record.getLeader().setCharCodingScheme('a');
            record.addVariableField(factory.newDataField("100", '1', ' ', "a", "Tác giả " + i));
            record.addVariableField(factory.newDataField("245", '1', '0', "a", "Sách " + i));
            record.addVariableField(factory.newDataField("260", ' ', ' ', "c", String.valueOf(1950 + i)));
            for (int copy = 1; copy <= 3; copy++) {
                record.addVariableField(factory.newDataField("952", ' ', ' ', "p", "L-" + i + "-" + copy));
            }
            writer.write(record);
        }
        writer.close();
        ApiClient.Answer accepted = api.upload("/api/v1/schools/th-import-lookups/imports", "catalogue.mrc", file.toByteArray(),
                Map.of("kind", "CATALOGUE"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> "SUCCEEDED".equals(api.get(location).text("status")));
    }
}
