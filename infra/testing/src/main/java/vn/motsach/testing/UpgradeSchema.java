package vn.motsach.testing;

import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.infra.migrations.SchemaMigrations;

/**
 * A schema of its own in the shared test PostgreSQL, holding a database as an earlier version
 * left it, for tests of an upgrade in place: the platform's migrations and a module's up to a
 * version, then the module's later ones when the test says, through the application's own Flyway
 * configuration.
 */
public final class UpgradeSchema {

    private final String schema;
    private final MigrationSet migrations;
    private final DataSource admin = ProjectionDatabase.dataSource(null);

    private UpgradeSchema(String schema, MigrationSet migrations) {
        this.schema = schema;
        this.migrations = migrations;
    }

    /** A fresh {@code schema} with the platform and {@code migrations} up to {@code version}. */
    public static UpgradeSchema at(String schema, MigrationSet migrations, String version) {
        UpgradeSchema upgrade = new UpgradeSchema(schema, migrations);
        upgrade.drop();
        upgrade.migrate(SchemaMigrations.PLATFORM, null);
        upgrade.migrate(migrations, version);
        return upgrade;
    }

    /** Statements that find the schema's tables first. */
    public JdbcClient jdbc() {
        return JdbcClient.create(ProjectionDatabase.dataSource(schema));
    }

    /** The upgrade under test: every later migration of the module. */
    public void upgrade() {
        migrate(migrations, null);
    }

    public void drop() {
        JdbcClient.create(admin).sql("drop schema if exists " + schema + " cascade").update();
    }

    private void migrate(MigrationSet set, String target) {
        FluentConfiguration flyway = SchemaMigrations.configuration(admin, set).schemas(schema);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}
