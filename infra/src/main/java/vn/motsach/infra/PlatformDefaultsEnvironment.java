package vn.motsach.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings every side shares (Axon's serializer, actuator exposure, quiet broker logs), as the
 * lowest-priority property source: any application.properties or environment variable wins.
 */
public class PlatformDefaultsEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final String NAME = "motsach-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        // Axon reads these as system properties only; the machines here have no internet to call.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader().load(NAME, new ClassPathResource(NAME))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
