package vn.motsach.testing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring Boot test at the shared test infrastructure, unless the test (or the
 * environment) already names a PostgreSQL. Turns the embedded default of the local launcher off.
 */
public class TestInfrastructureEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains("motsachTestInfrastructure")) {
            return;
        }
        String kind = environment.getProperty(TestInfrastructure.KIND_PROPERTY, "auto");
        if (environment.containsProperty("spring.datasource.url") || kind.equals("none")) {
            environment.getPropertySources().addFirst(new MapPropertySource("motsachTestInfrastructure",
                    java.util.Map.of("motsach.security.jwt-secret", TestTokens.SECRET)));
            return;
        }
        var properties = new java.util.LinkedHashMap<String, Object>(TestInfrastructure.properties(kind));
        properties.put("motsach.embedded.enabled", "false");
        properties.put("server.port", environment.getProperty("server.port", "0"));
        properties.put("motsach.data-dir", TestInfrastructure.dataDirectory().toString());
        properties.put("motsach.security.jwt-secret", TestTokens.SECRET);
        environment.getPropertySources().addFirst(new MapPropertySource("motsachTestInfrastructure", properties));
    }

    @Override
    public int getOrder() {
        // after application.properties are read, before the embedded default would start
        return ConfigDataEnvironmentPostProcessor.ORDER + 5;
    }
}
