package vn.motsach.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Analytics on its own (production mode): it reads only Kafka, so it runs without PostgreSQL
 * and without the event store.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
    "vn.motsach.infra.axon.AxonJdbcAutoConfiguration",
    "vn.motsach.infra.migrations.MigrationsAutoConfiguration"
})
public class AnalyticsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsApplication.class, args);
    }
}
