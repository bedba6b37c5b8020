package vn.motsach.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from binaries on the classpath, keeping its cluster in a
 * directory of ours so that a restart finds every event again. Connections need the password
 * of the {@code postgres} user, generated on the cluster's first start and kept in the cluster
 * directory ({@value #PASSWORD_FILE}, readable by its owner only), like the cluster itself.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    static final String PASSWORD_FILE = "motsach-password";
    private static final String USER = "postgres";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * @param durable {@code true} for data a person keeps (fsync and synchronous commit on);
     *     {@code false} for throwaway test clusters, where zonky's fast settings are fine
     */
    static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // text compared byte by byte (code point order), not through the C library:
                    // every key comparison is cheaper, and the order no longer depends on the
                    // machine's locale (lists sort by folded keys anyway). Character classes
                    // (lower, upper, words) still follow the environment's UTF-8 locale.
                    .setLocaleConfig("lc-collate", "C")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            if (durable) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        // An import writes WAL fast, and the desk's commit that needed the next WAL file
                        // waited while PostgreSQL wrote sixteen megabytes of zeros into it: files are
                        // created without the zeros (the file system allocates as WAL is written) and a
                        // quarter of a gigabyte of used ones is kept at checkpoints to be reused.
                        .setServerConfig("wal_init_zero", "off").setServerConfig("min_wal_size", "256MB");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            Optional<String> kept = keptPassword(dataDirectory);
            String password = kept.orElseGet(EmbeddedPostgresServer::newPassword);
            // A cluster without a kept password (new: initdb trusts every local user; or made by
            // an earlier version) starts trusting, gets its password, and only then demands it.
            builder.setDataDirectoryCustomizer(directory -> writeAccessRules(directory.toPath(), kept.isPresent()))
                    .setConnectConfig("password", password);
            EmbeddedPostgres postgres = builder.start();
            if (kept.isEmpty()) {
                try {
                    requirePassword(postgres, dataDirectory, password);
                } catch (SQLException | IOException | RuntimeException e) {
                    postgres.close();
                    throw new IllegalStateException("Could not give the embedded PostgreSQL in " + dataDirectory
                            + " its password", e);
                }
            }
            return new EmbeddedPostgresServer(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Optional<String> keptPassword(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Gives the user its password, keeps it (written aside and moved, so a crash leaves no half
     * file: without the file the next start trusts again and gives a new one), then demands it.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path dataDirectory, String password)
            throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter role " + USER + " password '" + password + "'");
            Path file = dataDirectory.resolve(PASSWORD_FILE);
            Path written = Files.writeString(dataDirectory.resolve(PASSWORD_FILE + ".new"), password);
            restrictToOwner(written);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeAccessRules(dataDirectory, true);
            statement.execute("select pg_reload_conf()");
        }
        log.info("The embedded PostgreSQL now requires the password kept in {}", dataDirectory.resolve(PASSWORD_FILE));
    }

    /** Who may connect: everyone local while the cluster has no password yet, then only with it. */
    private static void writeAccessRules(Path dataDirectory, boolean withPassword) {
        String method = withPassword ? "scram-sha-256" : "trust";
        String rules = """
                # Written by Mọt Sách at every start of its embedded PostgreSQL: edits are lost.
                # The password of the postgres user is in %s.
                local   all   all                  %s
                host    all   all   127.0.0.1/32   %s
                host    all   all   ::1/128        %s
                """.formatted(PASSWORD_FILE, method, method, method);
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the access rules of " + dataDirectory, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the file keeps the directory's permissions
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    String username() {
        return USER;
    }

    String password() {
        return password;
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * A JVM killed with -9 leaves its postmaster running on our data directory; the next start
     * would then fail. Such an orphan has no clients left, so a shutdown loses nothing. But the
     * pid file of a crash may outlive the postmaster (a reboot), and its number be given to
     * another program since: that one is not stopped, and the stale file, which would make
     * PostgreSQL refuse to start while the number is in use, is removed.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> running = lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle process = running.get();
        if (!isPostgres(process)) {
            log.warn("Removing a stale {}: its pid {} is another program now", pidFile, process.pid());
            Files.delete(pidFile);
            return;
        }
        log.warn("Stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier run", process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .isPresent();
    }
}
