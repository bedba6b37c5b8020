package vn.motsach.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local all-in-one as the README's run command starts it, on an embedded stack of its own
 * (data under {@code data}, any free ports) rather than the tests' shared one: for restarts,
 * outages and benchmarks, which must not disturb other tests.
 */
public final class LocalInstance {

    private LocalInstance() {
    }

    /** @param settings further {@code --name=value} arguments */
    public static ConfigurableApplicationContext start(Path data, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--motsach.test.infrastructure=none", "--motsach.data-dir=" + data,
                "--motsach.embedded.postgres-port=0", "--motsach.embedded.kafka-port=0",
                "--motsach.embedded.kafka-controller-port=0", "--server.port=0"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(LocalApplication.class).run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
