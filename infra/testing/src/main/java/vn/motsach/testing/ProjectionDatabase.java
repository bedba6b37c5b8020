package vn.motsach.testing;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.infra.migrations.SchemaMigrations;

/**
 * The shared test PostgreSQL with the platform's and a module's migrations applied, for
 * projection tests that call handlers directly, without starting an application.
 */
public final class ProjectionDatabase {

    private ProjectionDatabase() {
    }

    public static JdbcClient migrated(String setName, String location) {
        DataSource dataSource = dataSource(null);
        new SchemaMigrations(dataSource, java.util.List.of(SchemaMigrations.PLATFORM, new MigrationSet(setName, location)));
        return JdbcClient.create(dataSource);
    }

    /** Connections to the shared test PostgreSQL, resolving names in {@code schema} first when one is named. */
    public static DataSource dataSource(String schema) {
        var properties = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        String url = (String) properties.get("spring.datasource.url");
        if (schema != null) {
            url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        }
        return new DriverManagerDataSource(url, (String) properties.get("spring.datasource.username"),
                (String) properties.get("spring.datasource.password"));
    }
}
