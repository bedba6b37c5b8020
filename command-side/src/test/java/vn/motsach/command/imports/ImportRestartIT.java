package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * An import survives the process stopping in its middle: the application stops while the job
 * runs, starts again on the same database, and the job goes on from its last batch, so every
 * record goes in exactly once.
 */
class ImportRestartIT {

    private static final int RECORDS = 300;

    @Test
    void anImportStoppedMidwayResumesWithoutDoublingOrLosingARecord() {
        List<Record> records = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            records.add(MarcFiles.book("Nhan đề số " + i, "Tác giả " + i, null, "2001", "R-" + i));
        }
        byte[] file = MarcFiles.utf8(records);
        String importId;
        try (ConfigurableApplicationContext before = start()) {
            LibraryFixture.primarySchool(new ApiClient(port(before)), "th-resume");
            ApiClient.Answer accepted = Uploads.upload(port(before), "th-resume", "big.mrc", file, Map.of("kind", "CATALOGUE"));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            importId = accepted.text("importId");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> processed(before, importId) >= 20);
        }
        int processedWhenStopped;
        try (ConfigurableApplicationContext after = start()) {
            processedWhenStopped = processed(after, importId);
            ApiClient api = new ApiClient(port(after));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "SUCCEEDED".equals(api.get("/api/v1/schools/th-resume/imports/" + importId).text("status")));
            var job = api.get("/api/v1/schools/th-resume/imports/" + importId).json();
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            assertThat(job.path("created").asInt()).isEqualTo(RECORDS);
            assertThat(job.path("processed").asInt()).isEqualTo(RECORDS);
            assertThat(events(jdbc, "TitleCatalogued")).isEqualTo(RECORDS);
            assertThat(events(jdbc, "CopyAccessioned")).isEqualTo(RECORDS);
            assertThat(jdbc.sql("select count(distinct payload::jsonb ->> 'title') from domainevententry where payload like '%\"schoolId\":\"th-resume\"%' and payloadtype like '%.TitleCatalogued'")
                    .query(Long.class).single()).isEqualTo(RECORDS);
        }
        assertThat(processedWhenStopped).isBetween(20, RECORDS - 1);
    }

    @Test
    void aPatronsImportStoppedMidwayResumesWithoutDoublingOrLosingARow() {
        StringBuilder csv = new StringBuilder("Mã bạn đọc,Họ và tên,Đối tượng,Lớp\r\n");
        for (int i = 1; i <= RECORDS; i++) {
            csv.append("hs-").append(i).append(",Học sinh số ").append(i).append(",Học sinh,5a4\r\n");
        }
        // the first row's reader again, after the resume: still the file's second naming of them, rejected
        csv.append("hs-1,Người khác,Học sinh,5a4\r\n");
        byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String importId;
        try (ConfigurableApplicationContext before = start()) {
            LibraryFixture.primarySchool(new ApiClient(port(before)), "th-resume-roster");
            ApiClient.Answer accepted = Uploads.upload(port(before), "th-resume-roster", "ban-doc.csv", file,
                    Map.of("kind", "PATRONS"));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            importId = accepted.text("importId");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> processed(before, importId) >= 20);
        }
        int processedWhenStopped;
        try (ConfigurableApplicationContext after = start()) {
            processedWhenStopped = processed(after, importId);
            ApiClient api = new ApiClient(port(after));
            String job = "/api/v1/schools/th-resume-roster/imports/" + importId;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "SUCCEEDED".equals(api.get(job).text("status")));
            var done = api.get(job).json();
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            assertThat(done.path("created").asInt()).isEqualTo(RECORDS);
            assertThat(done.path("processed").asInt()).isEqualTo(RECORDS + 1);
            assertThat(done.path("rejected").asInt()).isEqualTo(1);
            assertThat(done.path("errors").get(0).path("code").asString()).isEqualTo("PATRON_REPEATED_IN_FILE");
            assertThat(done.path("errors").get(0).path("message").asString()).contains("dòng 2");
            // the fixture's two students, and each row's once
            assertThat(jdbc.sql("select count(*) from domainevententry where payload like '%\"schoolId\":\"th-resume-roster\"%' "
                    + "and payloadtype like '%.PatronRegistered'").query(Long.class).single()).isEqualTo(RECORDS + 2);
            assertThat(jdbc.sql("select count(*) from cmd_patron where school_id = 'th-resume-roster'").query(Long.class).single())
                    .isEqualTo(RECORDS + 2);
            assertThat(jdbc.sql("select full_name from cmd_patron where school_id = 'th-resume-roster' and patron_id = 'hs-1'")
                    .query(String.class).single()).isEqualTo("Học sinh số 1");
        }
        assertThat(processedWhenStopped).isBetween(20, RECORDS - 1);
    }

    @Test
    void aCancelledImportStopsAfterTheBatchInHandAndKeepsWhatWentIn() {
        List<Record> records = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            records.add(MarcFiles.book("Sách hủy số " + i, "Tác giả " + i, null, "2001", "H-" + i));
        }
        try (ConfigurableApplicationContext context = start()) {
            ApiClient api = new ApiClient(port(context));
            LibraryFixture.primarySchool(api, "th-import-cancel");
            ApiClient.Answer accepted = Uploads.upload(port(context), "th-import-cancel", "big.mrc", MarcFiles.utf8(records),
                    Map.of("kind", "CATALOGUE"));
            String job = "/api/v1/schools/th-import-cancel/imports/" + accepted.text("importId");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> processed(context, accepted.text("importId")) >= 10);

            assertThat(api.delete(job).status()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(api.get(job).text("status")));
            var cancelled = api.get(job).json();
            int processed = cancelled.path("processed").asInt();
            assertThat(processed).isLessThan(RECORDS);
            assertThat(cancelled.path("created").asInt()).isEqualTo(processed);
            assertThat(context.getBean(JdbcClient.class).sql("select count(*) from cmd_title_match where school_id = 'th-import-cancel'")
                    .query(Long.class).single()).isEqualTo(processed);
        }
    }

    /**
     * A process of its own, beside the contexts other tests of this JVM keep cached; a small pool,
     * since each of those holds its connections to the same embedded PostgreSQL.
     */
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandSideApplication.class).run("--server.port=0",
                "--motsach.circulation.sweep-interval=1h", "--motsach.imports.batch-size=5",
                "--spring.datasource.hikari.maximum-pool-size=10");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static int processed(ConfigurableApplicationContext context, String importId) {
        return context.getBean(JdbcClient.class).sql("select processed from cmd_import_job where import_id = ?::uuid")
                .param(importId).query(Integer.class).single();
    }

    private static long events(JdbcClient jdbc, String type) {
        return jdbc.sql("select count(*) from domainevententry where payload like '%\"schoolId\":\"th-resume\"%' and payloadtype like ?")
                .param("%." + type).query(Long.class).single();
    }
}
