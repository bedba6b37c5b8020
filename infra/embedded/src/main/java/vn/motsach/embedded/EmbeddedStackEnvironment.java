package vn.motsach.embedded;

import java.nio.file.Path;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded stack before any bean needs a DataSource or a broker, when
 * {@code motsach.embedded.enabled} is true and no external PostgreSQL or Kafka is configured.
 * The stack stops with the context (as its last bean) and, for a start that failed half-way,
 * from Spring's shutdown handlers, which run after the context has closed: a plain JVM shutdown
 * hook would race the context and hang on Kafka's non-daemon threads.
 */
public class EmbeddedStackEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "motsachEmbeddedStack";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("motsach.embedded.enabled", Boolean.class, false)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        boolean withPostgres = !environment.containsProperty("spring.datasource.url");
        boolean withKafka = !environment.containsProperty("motsach.kafka.bootstrap-servers");
        if (!withPostgres && !withKafka) {
            return;
        }
        quietenEarlyLogging(application);
        Path dataDirectory = Path.of(environment.getProperty("motsach.data-dir", "./data"));
        EmbeddedStack.Ports ports = new EmbeddedStack.Ports(
                environment.getProperty("motsach.embedded.postgres-port", Integer.class, 15432),
                environment.getProperty("motsach.embedded.kafka-port", Integer.class, 19092),
                environment.getProperty("motsach.embedded.kafka-controller-port", Integer.class, 19093));
        EmbeddedStack stack = EmbeddedStack.start(dataDirectory, withPostgres, withKafka, ports, true);
        SpringApplication.getShutdownHandlers().add(stack::close);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, stack.properties()));
        application.addInitializers(context -> {
            // Registered first, so destroyed last: after every bean that talks to PostgreSQL or Kafka.
            context.getBeanFactory().registerSingleton("embeddedStack", stack);
            ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedStack", stack::close);
        });
    }

    /**
     * Logging is configured only after environment post-processors have run; until then the
     * broker and PostgreSQL would log at DEBUG. Boot's logging set-up later applies the real levels.
     */
    private static void quietenEarlyLogging(SpringApplication application) {
        LoggingSystem logging = LoggingSystem.get(application.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        for (String noisy : new String[] {"kafka", "org.apache.kafka", "io.zonky"}) {
            logging.setLogLevel(noisy, LogLevel.WARN);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }
}
