package vn.motsach.infra.background;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Properties;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * PostgreSQL sessions for background work, apart from the requests': when PostgreSQL runs on this
 * machine as this user (the embedded server), the server process of each background session is
 * lowered to the background threads' niceness as the session opens. An import's or a catching-up
 * processor's statements are then, like the Java threads that send them, what gives way on two
 * cores when a desk's request waits; the requests' sessions keep the normal priority.
 * <p>
 * The thread that asks decides: a {@link BackgroundThreads} thread gets a connection of the pool of
 * its niceness, any other the requests' pool. A transaction stays on its thread, so on one pool.
 * Threads a library starts for itself (Kafka Streams') are not background threads here, but do no
 * database work.
 */
public final class BackgroundConnections extends DelegatingDataSource implements AutoCloseable {

    /**
     * The start of the background sessions' application_name, for whoever looks at what the server is
     * busy with: followed by their niceness ("motsach-background-10").
     */
    public static final String APPLICATION_NAME = "motsach-background-";

    private static final Logger log = LoggerFactory.getLogger(BackgroundConnections.class);

    private final HikariDataSource requests;
    private final AtomicBoolean lowering = new AtomicBoolean(true);
    /** The server connections the background pools opened, and at which niceness: to tell their connections from the requests'. */
    private final Map<Object, Integer> opened = Collections.synchronizedMap(new WeakHashMap<>());
    /** A pool for each niceness background threads run at, made on first use. */
    private final Map<Integer, HikariDataSource> pools = new ConcurrentHashMap<>();

    public BackgroundConnections(HikariDataSource requests) {
        super(requests);
        this.requests = requests;
    }

    @Override
    public Connection getConnection() throws SQLException {
        int niceness = BackgroundThreads.currentNiceness();
        return niceness == 0 ? requests.getConnection() : pool(niceness).getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("The pools' connections all sign in as the configured user");
    }

    /**
     * Takes a connection whose session was changed (search path, commit mode) out of its pool, so
     * that it serves no one else.
     */
    public static void evict(DataSource dataSource, Connection connection) throws SQLException {
        if (dataSource instanceof BackgroundConnections sessions) {
            Integer niceness = sessions.opened.get(connection.unwrap(PGConnection.class));
            dataSource = niceness == null ? sessions.requests : sessions.pool(niceness);
        }
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.evictConnection(connection);
        } else {
            connection.close();
        }
    }

    /**
     * The pool of {@code niceness}, made on first use from the requests' settings (metrics included,
     * as set by then) with its idle sessions closed after a minute, since a test JVM's contexts share
     * one server's connection limit. It may grow as large as the requests': every processor may be
     * applying a batch at once, and one waiting for a session holds up what comes after it.
     */
    private HikariDataSource pool(int niceness) {
        return pools.computeIfAbsent(niceness, level -> new HikariDataSource(config(level)));
    }

    private HikariConfig config(int niceness) {
        HikariConfig config = new HikariConfig();
        requests.copyStateTo(config);
        config.setPoolName((requests.getPoolName() == null ? "HikariPool" : requests.getPoolName()) + "-background-" + niceness);
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        if (requests.getJdbcUrl() != null && requests.getDataSource() == null) {
            Properties properties = new Properties();
            properties.putAll(requests.getDataSourceProperties());
            properties.setProperty("ApplicationName", APPLICATION_NAME + niceness);
            config.setDataSource(new Lowered(new DriverDataSource(requests.getJdbcUrl(), requests.getDriverClassName(), properties,
                    requests.getUsername(), requests.getPassword()), niceness));
            config.setJdbcUrl(null);
            config.setUsername(null);
            config.setPassword(null);
        } else {
            stop("the pool is configured with a data source, not a URL");
        }
        return config;
    }

    /** Opens a background pool's server connections, each lowered as it opens. */
    private final class Lowered extends DelegatingDataSource {

        private final int niceness;

        Lowered(DataSource server, int niceness) {
            super(server);
            this.niceness = niceness;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            PGConnection session = connection.unwrap(PGConnection.class);
            opened.put(session, niceness);
            if (lowering.get()) {
                lower(session.getBackendPID(), niceness);
            }
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    /**
     * Lowers the server process {@code pid}, only if it is PostgreSQL's (a process id of a server
     * elsewhere would name some other program here). What cannot work here stops the lowering;
     * a renice interrupted or too slow only leaves this one session as it is.
     */
    private void lower(int pid, int niceness) {
        Path stat = Path.of("/proc", Integer.toString(pid), "stat");
        try {
            if (!Files.readString(stat).contains("(postgres)")) {
                stop("process " + pid + " is not PostgreSQL's");
                return;
            }
            String failure = BackgroundThreads.lower(Integer.toString(pid), niceness);
            if (failure != null) {
                stop(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException e) {
            log.debug("A background session keeps the requests' priority: renice did not answer");
        } catch (IOException | RuntimeException e) {
            stop(e.toString());
        }
    }

    private void stop(String why) {
        if (lowering.compareAndSet(true, false)) {
            log.info("Background work's PostgreSQL sessions keep the requests' priority ({})", why);
        }
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        requests.close();
    }
}
