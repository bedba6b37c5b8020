package vn.motsach.infra.migrations;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class MigrationsAutoConfiguration {

    @Bean
    public MigrationSet platformMigrations() {
        return SchemaMigrations.PLATFORM;
    }

    @Bean
    public SchemaMigrations schemaMigrations(DataSource dataSource, List<MigrationSet> sets) {
        return new SchemaMigrations(dataSource, sets);
    }
}
