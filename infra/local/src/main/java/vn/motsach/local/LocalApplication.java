package vn.motsach.local;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The local all-in-one: the command side, the query side and analytics in one process on one
 * port, on the embedded PostgreSQL and Kafka (or external ones, when configured). The sides'
 * own application classes are left out of the scan: each would pull in its own set-up again.
 */
@SpringBootApplication
@ComponentScan(
        basePackages = {"vn.motsach.command", "vn.motsach.query", "vn.motsach.analytics", "vn.motsach.local"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class LocalApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(LocalApplication.class, args);
        } catch (Throwable failure) {
            // The broker's threads are not daemons: without an exit the JVM would hang here.
            System.exit(1);
        }
    }
}
