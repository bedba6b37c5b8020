package vn.motsach.infra.migrations;

import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies every migration set at start-up, before any event processor or publisher runs.
 * The platform set (the event store) always goes first.
 */
public final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    public SchemaMigrations(DataSource dataSource, List<MigrationSet> sets) {
        sets.stream()
                .sorted(Comparator.comparing((MigrationSet set) -> !set.name().equals(PLATFORM.name()))
                        .thenComparing(MigrationSet::name))
                .forEach(set -> migrate(dataSource, set));
    }

    public static final MigrationSet PLATFORM = new MigrationSet("platform", "classpath:db/platform");

    /** How a set is migrated: its own history table, starting on a database that has none. */
    public static FluentConfiguration configuration(DataSource dataSource, MigrationSet set) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(set.location())
                .table("flyway_history_" + set.name())
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }

    private static void migrate(DataSource dataSource, MigrationSet set) {
        var result = configuration(dataSource, set).load().migrate();
        log.info("Schema '{}' at version {} ({} migrations applied)", set.name(), result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
