package vn.motsach.query;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.infra.migrations.MigrationSet;

@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    /** Every projection's tables; each projection owns its own and nothing else writes them. */
    @Bean
    MigrationSet queryMigrations() {
        return new MigrationSet("query", "classpath:db/query");
    }
}
