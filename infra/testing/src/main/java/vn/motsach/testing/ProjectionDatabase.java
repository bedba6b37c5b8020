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
        var properties = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        DataSource dataSource = new DriverManagerDataSource(
                (String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"),
                (String) properties.get("spring.datasource.password"));
        new SchemaMigrations(dataSource, java.util.List.of(SchemaMigrations.PLATFORM, new MigrationSet(setName, location)));
        return JdbcClient.create(dataSource);
    }
}
