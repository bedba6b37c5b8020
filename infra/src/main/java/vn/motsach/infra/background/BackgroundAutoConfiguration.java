package vn.motsach.infra.background;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Background work's PostgreSQL sessions lowered with its threads ({@link BackgroundConnections}),
 * where {@code motsach.background.lower-database-sessions} says PostgreSQL runs on this machine as
 * this user: the embedded stack says so for the server it starts.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "motsach.background.lower-database-sessions", havingValue = "true")
public class BackgroundAutoConfiguration {

    @Bean
    static BeanPostProcessor backgroundConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool ? new BackgroundConnections(pool) : bean;
            }
        };
    }
}
