package vn.motsach.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints a benchmark's table and keeps it under target/benchmarks for the record. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static void write(String name, String markdown) {
        System.out.println();
        System.out.println(markdown);
        try {
            Path directory = Path.of("target", "benchmarks");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
