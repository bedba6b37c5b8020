package vn.motsach.infra.background;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Work no librarian waits on, kept below the requests: the JVM's JIT compilers at
 * {@code motsach.background.compiler-niceness} ({@link CompilerThreads}); and background work's
 * PostgreSQL sessions lowered with its threads ({@link BackgroundConnections}), where
 * {@code motsach.background.lower-database-sessions} says PostgreSQL runs on this machine as
 * this user: the embedded stack says so for the server it starts.
 */
@AutoConfiguration
public class BackgroundAutoConfiguration {

    /** The compilers at the niceness of an import, above the processors: new work's code gets compiled while it runs. */
    @Bean
    static SmartInitializingSingleton compilersBelowTheRequests(@Value("${motsach.background.compiler-niceness:5}") int niceness) {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("motsach.background.compiler-niceness is 0 to 19, not " + niceness);
        }
        return () -> CompilerThreads.lower(niceness);
    }

    @Bean
    @ConditionalOnProperty(name = "motsach.background.lower-database-sessions", havingValue = "true")
    static BeanPostProcessor backgroundConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool ? new BackgroundConnections(pool) : bean;
            }
        };
    }
}
