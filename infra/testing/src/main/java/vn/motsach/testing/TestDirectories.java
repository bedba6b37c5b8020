package vn.motsach.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Directories for what tests keep on disk (a PostgreSQL cluster, broker logs, Streams state), in
 * a folder per test JVM under {@code motsach-tests} in the temporary directory. A JVM's folder is
 * removed by the next test JVM that finds its owner gone, rather than when it exits: the servers
 * using it stop in shutdown hooks of their own, in no set order, and a JVM killed outright runs
 * none. Left behind, each run's clusters took more than a gigabyte of a developer's disk.
 */
public final class TestDirectories {

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "motsach-tests");
    private static final String JVM_PREFIX = "jvm-";

    private static Path thisJvm;

    private TestDirectories() {
    }

    /** A new, empty directory whose name starts with {@code prefix}, in this JVM's folder. */
    public static synchronized Path create(String prefix) {
        try {
            if (thisJvm == null) {
                Files.createDirectories(ROOT);
                removeFoldersOfEndedJvms();
                thisJvm = Files.createTempDirectory(ROOT, JVM_PREFIX + ProcessHandle.current().pid() + "-");
            }
            return Files.createTempDirectory(thisJvm, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeFoldersOfEndedJvms() throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(ROOT, JVM_PREFIX + "*")) {
            for (Path folder : folders) {
                Optional<Long> owner = ownerOf(folder);
                if (owner.isPresent() && ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                deleteQuietly(folder);
            }
        }
    }

    /** The pid in {@code jvm-<pid>-<random>}, or empty for a name of another shape, which no live JVM of ours has. */
    private static Optional<Long> ownerOf(Path folder) {
        String[] parts = folder.getFileName().toString().split("-");
        try {
            return parts.length >= 3 ? Optional.of(Long.parseLong(parts[1])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Deletes what it can: a file another user of the machine holds stays, for the next sweep. */
    private static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    file.toFile().delete();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) {
                    directory.toFile().delete();
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what could not be walked stays for the next sweep
        }
    }
}
