package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * An import whose reading meets an Error (the heap exhausted by a file, a class missing from a
 * library) ends FAILED, and the imports after it still run: a job left RUNNING would show a
 * progress that never moves and run again at every start.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
@Import(ImportErrorIT.FailingClassesFile.class)
class ImportErrorIT {

    /** The classes file whose first class is this one makes the reading throw an Error. */
    private static final String FATAL_CLASS = "loi-nghiem-trong";

    @LocalServerPort
    int port;

    @Test
    void anImportThatMeetsAnErrorFailsAndTheNextOneRuns() {
        ApiClient api = new ApiClient(port);
        LibraryFixture.primarySchool(api, "th-import-error");

        ApiClient.Answer failed = Uploads.finished(api, Uploads.upload(port, "th-import-error", "lop.csv", """
                Mã lớp,Tên lớp,Khối,Năm học
                %s,Lớp 4A1,4,2026-2027
                """.formatted(FATAL_CLASS).getBytes(StandardCharsets.UTF_8), Map.of("kind", "CLASSES")));
        ApiClient.Answer next = Uploads.finished(api, Uploads.upload(port, "th-import-error", "lop.csv", """
                Mã lớp,Tên lớp,Khối,Năm học
                4a2,Lớp 4A2,4,2026-2027
                """.getBytes(StandardCharsets.UTF_8), Map.of("kind", "CLASSES")));

        assertThat(failed.text("status")).as(failed.body()).isEqualTo("FAILED");
        assertThat(failed.json().path("errors").get(0).path("code").asText()).isEqualTo("IMPORT_FAILED");
        assertThat(next.text("status")).as(next.body()).isEqualTo("SUCCEEDED");
        assertThat(next.json().path("created").asInt()).isEqualTo(1);
    }

    /** The classes' import, reading as it does, except that it throws an Error at the fatal class. */
    @TestConfiguration
    static class FailingClassesFile {

        @Bean
        static BeanPostProcessor failingAtTheFatalClass() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof ImportProcess<?> process && process.kind() == ImportKind.CLASSES
                            ? failing(process) : bean;
                }
            };
        }

        private static <T> ImportProcess<T> failing(ImportProcess<T> process) {
            return new ImportProcess<>() {
                @Override
                public ImportKind kind() {
                    return process.kind();
                }

                @Override
                public void read(ImportFormat format, InputStream in, Consumer<SourceRecord<T>> each) {
                    process.read(format, in, record -> {
                        if (String.valueOf(record).contains(FATAL_CLASS)) {
                            throw new OutOfMemoryError("test: the import's file exhausted the heap");
                        }
                        each.accept(record);
                    });
                }

                @Override
                public Applier<T> applier(ImportJob job) {
                    return process.applier(job);
                }
            };
        }
    }
}
