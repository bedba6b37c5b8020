package vn.motsach.infra.background;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * PostgreSQL sessions for background work, apart from the requests': when PostgreSQL runs on this
 * machine as this user (the embedded server), the server process of each background session is
 * lowered to the background threads' niceness. An import's or a catching-up processor's statements
 * are then, like the Java threads that send them, what gives way on two cores when a desk's request
 * waits; a session of the requests' pool keeps the normal priority, whichever thread used it before.
 * <p>
 * The thread that asks decides: a {@link BackgroundThreads} thread gets a connection of the
 * background pool, any other the requests' pool. A transaction stays on its thread, so on one pool.
 */
public final class BackgroundConnections extends DelegatingDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundConnections.class);

    /** The sessions' application_name. */
    public static final String APPLICATION_NAME = "motsach-background";

    private final HikariDataSource requests;
    private final AtomicBoolean lowering = new AtomicBoolean(true);
    private volatile HikariDataSource background;

    public BackgroundConnections(HikariDataSource requests) {
        super(requests);
        this.requests = requests;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!BackgroundThreads.isCurrent()) {
            return requests.getConnection();
        }
        Connection connection = background().getConnection();
        if (lowering.get()) {
            lower(connection);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("The pools' connections all sign in as the configured user");
    }

    /**
     * Takes a connection whose session was changed (search path, commit mode) out of its pool, so
     * that it serves no one else: called on the thread that took it, which says which pool it came from.
     */
    public static void evict(DataSource dataSource, Connection connection) throws SQLException {
        if (dataSource instanceof BackgroundConnections sessions) {
            dataSource = BackgroundThreads.isCurrent() ? sessions.background() : sessions.requests;
        }
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.evictConnection(connection);
        } else {
            connection.close();
        }
    }

    /** The background pool, made on first use from the requests' settings (metrics included) with a name of its own. */
    private HikariDataSource background() {
        HikariDataSource pool = background;
        if (pool == null) {
            synchronized (this) {
                pool = background;
                if (pool == null) {
                    HikariConfig config = new HikariConfig();
                    requests.copyStateTo(config);
                    config.setPoolName((requests.getPoolName() == null ? "HikariPool" : requests.getPoolName()) + "-background");
                    // made when background work asks, so that every session in it has been lowered at its first loan
                    config.setMinimumIdle(0);
                    // Named in pg_stat_activity, for whoever looks at what the server is busy with.
                    String url = config.getJdbcUrl();
                    config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION_NAME);
                    pool = new HikariDataSource(config);
                    background = pool;
                }
            }
        }
        return pool;
    }

    /**
     * Lowers the server process of the connection's session, unless it is low already; checked at
     * every loan, since a process id can be used again by a later session. The process is lowered
     * only if it is PostgreSQL's: a process id from a server elsewhere would name some other program here.
     */
    private void lower(Connection connection) throws SQLException {
        int pid = connection.unwrap(PGConnection.class).getBackendPID();
        Path stat = Path.of("/proc", Integer.toString(pid), "stat");
        try {
            String line = Files.readString(stat);
            if (!line.contains("(postgres)")) {
                stop("process " + pid + " is not PostgreSQL's");
            } else if (BackgroundThreads.niceness(stat) < BackgroundThreads.NICENESS) {
                String failure = BackgroundThreads.lower(Integer.toString(pid));
                if (failure != null) {
                    stop(failure);
                }
            }
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
        HikariDataSource pool = background;
        if (pool != null) {
            pool.close();
        }
        requests.close();
    }
}
