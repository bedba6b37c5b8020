package vn.motsach.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.motsach.infra.security.AccessRules;
import vn.motsach.infra.security.RouteRules;

/**
 * The deployment files under {@code deploy/}, checked by what runs in CI: the Compose file parsed
 * and held to the production shape (two instances of each side behind the proxy, secrets from
 * files, never from the environment), the proxy's routing table sending every route each side
 * declares to that side, and the Helm chart rendered and linted by Helm itself (helm-java).
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("").toAbsolutePath().getParent().getParent().resolve("deploy");
    private static final Path CHART = DEPLOY.resolve("helm/mot-sach");
    private static final List<String> SIDES = List.of("command", "query", "analytics");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN).*");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTwoInstancesOfEachSideBehindTheProxyWithSecretsFromFiles() throws IOException {
        Map<String, Object> compose = yaml().load(Files.readString(DEPLOY.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsKeys("postgres", "kafka", "proxy");
        List<String> applicationServers = new ArrayList<>();
        for (String side : SIDES) {
            for (String instance : List.of(side + "-1", side + "-2")) {
                assertThat(services).containsKey(instance);
                Map<String, Object> service = services.get(instance);
                assertThat((String) service.get("image")).startsWith("motsach/mot-sach-" + (side.equals("analytics") ? "analytics" : side + "-side") + ":");
                Map<String, Object> environment = (Map<String, Object>) service.get("environment");
                assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "MOTSACH_KAFKA_BOOTSTRAP_SERVERS", "SPRING_CONFIG_IMPORT",
                        "MOTSACH_EVENT_PROCESSORS_INITIAL_SEGMENT_COUNT", "MOTSACH_SECURITY_TRUSTED_PROXIES");
                assertThat(environment.keySet()).as("secrets come from files only").noneMatch(name -> SECRET_NAME.matcher(name).matches());
                List<Map<String, Object>> secrets = (List<Map<String, Object>>) service.get("secrets");
                assertThat(secrets).extracting(secret -> secret.get("target"))
                        .contains("motsach.security.jwt-secret", "spring.datasource.password", "motsach.metrics.scrape-token");
                if (side.equals("analytics")) {
                    applicationServers.add((String) environment.get("MOTSACH_ANALYTICS_STREAMS_APPLICATION_SERVER"));
                }
            }
        }
        assertThat(applicationServers).as("each analytics instance is reached at its own address").containsExactly(
                "analytics-1:8080", "analytics-2:8080");
        assertThat(Files.readString(DEPLOY.resolve("nginx.conf")))
                .contains("include /etc/nginx/motsach/routes.conf;", "server command-1:8080", "server command-2:8080",
                        "server query-1:8080", "server query-2:8080", "server analytics-1:8080", "server analytics-2:8080",
                        "listen 443 ssl", "X-Request-Id $request_id");
        Map<String, Object> proxy = services.get("proxy");
        assertThat((List<String>) proxy.get("volumes")).contains("./helm/mot-sach/files/routes.conf:/etc/nginx/motsach/routes.conf:ro");
        String proxyAddress = (String) ((Map<String, Map<String, Object>>) proxy.get("networks")).get("motsach").get("ipv4_address");
        assertThat(services.get("command-1").get("environment")).extracting(environment -> ((Map<String, Object>) environment)
                .get("MOTSACH_SECURITY_TRUSTED_PROXIES")).isEqualTo(proxyAddress);
    }

    @Test
    void theProxySendsEveryRouteToTheSideThatDeclaresIt() throws Exception {
        Routes routes = Routes.read(CHART.resolve("files/routes.conf"));
        Map<String, String> sides = new LinkedHashMap<>();
        sides.put("vn.motsach.command.CommandAccessRules#commandRoutes", "command");
        sides.put("vn.motsach.query.QueryAccessRules#queryRoutes", "query");
        sides.put("vn.motsach.analytics.AnalyticsAccessRules#analyticsRoutes", "analytics");
        int checked = 0;
        for (Map.Entry<String, String> side : sides.entrySet()) {
            for (AccessRules.Rule rule : new AccessRules(List.of(declared(side.getKey()))).rules()) {
                String path = rule.pattern().getPatternString().replaceAll("\\{[^}]+}", "x-1").replace("**", "a/b");
                assertThat(routes.sideOf(rule.method().name(), path)).as(rule.method() + " " + path).isEqualTo(side.getValue());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChartRendersTheSidesWithProbesSecretsAndANonRootUser() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();

        String rendered = new Helm(CHART).template().withName("mot-sach").call();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(rendered)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        Map<String, Map<String, Object>> deployments = new LinkedHashMap<>();
        documents.stream().filter(document -> "Deployment".equals(document.get("kind")))
                .forEach(document -> deployments.put((String) ((Map<String, Object>) document.get("metadata")).get("name"), document));
        assertThat(deployments).containsKeys("mot-sach-command", "mot-sach-query", "mot-sach-analytics", "mot-sach-proxy");
        for (String side : SIDES) {
            Map<String, Object> spec = (Map<String, Object>) deployments.get("mot-sach-" + side).get("spec");
            assertThat(spec.get("replicas")).isEqualTo(2);
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
            assertThat((Map<String, Object>) pod.get("securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 65532);
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
            assertThat((Map<String, Object>) container.get("resources")).containsKeys("requests", "limits");
            List<Map<String, Object>> environment = (List<Map<String, Object>>) container.get("env");
            assertThat(environment).extracting(variable -> (String) variable.get("name"))
                    .contains("SPRING_DATASOURCE_URL", "MOTSACH_KAFKA_BOOTSTRAP_SERVERS", "SPRING_CONFIG_IMPORT")
                    .noneMatch(name -> SECRET_NAME.matcher(name).matches());
            assertThat((List<Map<String, Object>>) pod.get("volumes")).anySatisfy(volume ->
                    assertThat((Map<String, Object>) volume.get("secret")).containsEntry("secretName", "mot-sach"));
        }
        assertThat(documents).filteredOn(document -> "ConfigMap".equals(document.get("kind"))).singleElement()
                .satisfies(map -> assertThat(((Map<String, String>) map.get("data")).get("routes.conf"))
                        .isEqualToIgnoringWhitespace(read(CHART.resolve("files/routes.conf"))));
    }

    @SuppressWarnings("unchecked")
    private static String path(Map<String, Object> container, String probe) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path");
    }

    /** A side's declared routes, from its configuration's bean method (package-private, as Spring needs no more). */
    private static RouteRules declared(String beanMethod) throws Exception {
        String[] parts = beanMethod.split("#");
        Class<?> configuration = Class.forName(parts[0]);
        var constructor = configuration.getDeclaredConstructor();
        constructor.setAccessible(true);
        Method method = configuration.getDeclaredMethod(parts[1]);
        method.setAccessible(true);
        return (RouteRules) method.invoke(constructor.newInstance());
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** nginx's map of {@code "$request_method $uri"} to a side: the first matching expression, else the default. */
    private record Routes(List<Map.Entry<Pattern, String>> expressions, String fallback) {

        private static final Pattern LINE = Pattern.compile("^\\s*\"~([^\"]+)\"\\s+(\\w+);");
        private static final Pattern DEFAULT = Pattern.compile("^\\s*default\\s+(\\w+);");

        static Routes read(Path file) throws IOException {
            List<Map.Entry<Pattern, String>> expressions = new ArrayList<>();
            String fallback = null;
            for (String line : Files.readAllLines(file)) {
                Matcher expression = LINE.matcher(line);
                Matcher otherwise = DEFAULT.matcher(line);
                if (expression.find()) {
                    expressions.add(Map.entry(Pattern.compile(expression.group(1)), expression.group(2)));
                } else if (otherwise.find()) {
                    fallback = otherwise.group(1);
                }
            }
            return new Routes(expressions, fallback);
        }

        String sideOf(String method, String path) {
            String key = method + " " + path;
            return expressions.stream().filter(entry -> entry.getKey().matcher(key).find()).map(Map.Entry::getValue)
                    .findFirst().orElse(fallback);
        }
    }
}
