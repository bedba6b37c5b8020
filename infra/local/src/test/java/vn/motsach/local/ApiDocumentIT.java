package vn.motsach.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.security.AccessRules;
import vn.motsach.testing.ApiClient;

/**
 * The OpenAPI document a front-end generates its client from, read from the running application
 * and checked over every operation it lists, so that a new route without a summary, without its
 * error answers or with an undescribed answer fails here.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @LocalServerPort
    int port;

    @Autowired
    AccessRules rules;

    JsonNode document;

    @BeforeEach
    void read() {
        ApiClient.Answer answer = new ApiClient(port).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
        try {
            // kept for whoever reads the document the test judged
            Files.writeString(Path.of("target", "api-docs.json"), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void namesTheProductAndItsVersion() {
        JsonNode info = document.path("info");
        assertThat(info.path("title").asString()).isEqualTo("Mọt Sách API");
        assertThat(info.path("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.path("description").asString()).contains("Idempotency-Key", "X-Min-Event-Position",
                "application/problem+json");
    }

    @Test
    void describesTheBearerScheme() {
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
    }

    @Test
    void everyOperationHasASummary() {
        assertThat(offending((path, operation) -> operation.path("summary").asString("").isBlank())).isEmpty();
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblemDetails() {
        assertThat(offending((path, operation) -> responses(operation).stream().noneMatch(code -> code.startsWith("4"))))
                .as("operations without a 4xx answer").isEmpty();
        assertThat(offending((path, operation) -> responses(operation).stream()
                .filter(code -> code.startsWith("4") || code.startsWith("5"))
                .anyMatch(code -> !problemDetail(operation.path("responses").path(code)))))
                .as("error answers that are not problem details with their codes").isEmpty();
    }

    @Test
    void everySuccessNamesItsStatusAndBody() {
        assertThat(offending((path, operation) -> responses(operation).stream().noneMatch(code -> code.startsWith("2"))))
                .as("operations without a success answer").isEmpty();
        assertThat(offending((path, operation) -> responses(operation).stream()
                .filter(code -> code.startsWith("2"))
                .flatMap(code -> contents(operation.path("responses").path(code)).stream())
                .anyMatch(ApiDocumentIT::shapeless)))
                .as("success answers documented as a bare object").isEmpty();
    }

    /** RequestLimits reads every body before a controller does: too large, or of another media type. */
    @Test
    void everyOperationWithABodyDocumentsTheBodyLimits() {
        assertThat(offending((path, operation) -> !operation.path("requestBody").isMissingNode()
                && !(responses(operation).contains("413") && responses(operation).contains("415"))))
                .as("operations with a body without 413 PAYLOAD_TOO_LARGE and 415 UNSUPPORTED_MEDIA_TYPE").isEmpty();
    }

    /** The contract's POSTs (a school's or an authority's); signing in and the administrator's rebuilds take no key. */
    @Test
    void everyPostOfASchoolOrAnAuthorityTakesAnIdempotencyKey() {
        List<String> missing = new ArrayList<>();
        each((path, method, operation) -> {
            boolean scoped = rules.ruleFor(method.toUpperCase(), path)
                    .map(rule -> rule.kind() == AccessRules.Kind.SCHOOL || rule.kind() == AccessRules.Kind.AUTHORITY)
                    .orElse(false);
            if ("post".equals(method) && scoped && !hasHeader(operation, "Idempotency-Key")) {
                missing.add(path);
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyQueryTakesAMinimumEventPosition() {
        List<String> missing = new ArrayList<>();
        each((path, method, operation) -> {
            if ("get".equals(method) && !hasHeader(operation, "X-Min-Event-Position")) {
                missing.add(path);
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyOperationButTheOpenOnesNeedsTheBearerToken() {
        List<String> wrong = new ArrayList<>();
        each((path, method, operation) -> {
            boolean open = rules.ruleFor(method.toUpperCase(), path)
                    .map(rule -> rule.kind() == AccessRules.Kind.OPEN)
                    .orElse(!path.startsWith("/api/v1/"));
            if (open == requiresBearer(operation)) {
                wrong.add(method + " " + path);
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** Ids (and barcodes) in paths carry their pattern or format, so a client can check them before sending. */
    @Test
    void idsInPathsHaveTheirForm() {
        List<String> formless = new ArrayList<>();
        each((path, method, operation) -> operation.path("parameters").valueStream()
                .filter(parameter -> "path".equals(parameter.path("in").asString()))
                .filter(parameter -> parameter.path("name").asString().matches(".*Id|barcode|schoolYear"))
                .filter(parameter -> parameter.path("schema").path("pattern").isMissingNode()
                        && parameter.path("schema").path("format").isMissingNode()
                        && parameter.path("schema").path("enum").isMissingNode())
                .forEach(parameter -> formless.add(method + " " + path + " " + parameter.path("name").asString())));
        assertThat(formless).isEmpty();
        List<String> schoolIds = new ArrayList<>();
        each((path, method, operation) -> operation.path("parameters").valueStream()
                .filter(parameter -> "schoolId".equals(parameter.path("name").asString()))
                .forEach(parameter -> schoolIds.add(parameter.path("schema").toString())));
        assertThat(schoolIds).isNotEmpty()
                .allMatch(schema -> schema.contains(SchoolId.FORMAT.pattern()) && !schema.contains("format"));
    }

    @Test
    void everyBodySchemaSaysWhichFieldsItAlwaysHas() {
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            JsonNode own = schema.getValue().has("properties") ? schema.getValue()
                    : schema.getValue().path("allOf").valueStream().filter(part -> part.has("properties")).findFirst()
                            .orElse(schema.getValue());
            if (own.has("properties") && own.path("required").isEmpty() && !everyPropertyNullable(own)) {
                without.add(schema.getKey());
            }
        }
        assertThat(without).isEmpty();
        assertThat(document.path("components").path("schemas").path("CheckoutRequest").path("required").toString())
                .contains("barcode", "patronId");
    }

    @Test
    void requestBodiesOfTheMainOperationsCarryVietnameseExamples() {
        for (String path : List.of("/api/v1/schools/{schoolId}/titles", "/api/v1/schools/{schoolId}/checkouts")) {
            JsonNode content = document.path("paths").path(path).path("post").path("requestBody").path("content")
                    .path("application/json");
            assertThat(content.has("example") || content.has("examples")).as(path).isTrue();
        }
        assertThat(document.path("paths").path("/api/v1/schools/{schoolId}/titles").path("post").path("requestBody")
                .toString()).contains("Dế Mèn");
    }

    /** A request record's values are documented one by one, from the record: in the path where the route names them. */
    @Test
    void everyVariableOfAPathIsAParameterAndARequestRecordsQueryIsDocumented() {
        List<String> missing = new ArrayList<>();
        each((path, method, operation) -> {
            java.util.regex.Matcher variables = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
            while (variables.find()) {
                String name = variables.group(1);
                if (operation.path("parameters").valueStream().noneMatch(parameter -> "path".equals(parameter.path("in").asString())
                        && name.equals(parameter.path("name").asString()) && parameter.path("required").asBoolean())) {
                    missing.add(method + " " + path + " " + name);
                }
            }
        });
        assertThat(missing).isEmpty();
        JsonNode holds = document.path("paths").path("/api/v1/schools/{schoolId}/holds").path("get").path("parameters");
        assertThat(holds.valueStream().filter(parameter -> "query".equals(parameter.path("in").asString()))
                .map(parameter -> parameter.path("name").asString()))
                .containsExactly("titleId", "patronId", "status", "page", "size");
        assertThat(holds.valueStream().filter(parameter -> "status".equals(parameter.path("name").asString())).findFirst()
                .orElseThrow().path("schema").path("enum").toString()).contains("WAITING", "ACTIVE");
        assertThat(document.path("paths").path("/api/v1/schools/{schoolId}/reading-metrics").path("get").path("parameters")
                .valueStream().map(parameter -> parameter.path("name").asString()))
                .contains("schoolId", "period", "on");
    }

    private static boolean requiresBearer(JsonNode operation) {
        return operation.path("security").valueStream().anyMatch(requirement -> requirement.has("bearer"));
    }

    private static boolean hasHeader(JsonNode operation, String name) {
        return operation.path("parameters").valueStream()
                .anyMatch(parameter -> "header".equals(parameter.path("in").asString())
                        && name.equals(parameter.path("name").asString()));
    }

    private static List<String> responses(JsonNode operation) {
        return operation.path("responses").propertyNames().stream().toList();
    }

    private static List<JsonNode> contents(JsonNode response) {
        return response.path("content").valueStream().map(media -> media.path("schema")).toList();
    }

    private boolean problemDetail(JsonNode response) {
        JsonNode schema = response.path("content").path("application/problem+json").path("schema");
        return schema.path("allOf").valueStream().anyMatch(part -> part.path("$ref").asString().endsWith("/ProblemDetail"))
                && schema.path("allOf").valueStream()
                        .anyMatch(part -> part.path("properties").path("code").path("enum").size() > 0);
    }

    /** A body of optional fields only (a class's closing: its date) says so by letting each be null. */
    private static boolean everyPropertyNullable(JsonNode schema) {
        return schema.path("properties").valueStream()
                .allMatch(property -> property.path("type").valueStream().anyMatch(type -> "null".equals(type.asString())));
    }

    /** A schema that tells the client nothing: an object without properties, or no schema at all. */
    private static boolean shapeless(JsonNode schema) {
        if (schema.has("$ref")) {
            return false;
        }
        if ("array".equals(schema.path("type").asString())) {
            return shapeless(schema.path("items"));
        }
        return schema.isMissingNode() || ("object".equals(schema.path("type").asString("object"))
                && !schema.has("properties") && !schema.has("additionalProperties"));
    }

    private List<String> offending(BiFunction<String, JsonNode, Boolean> wrong) {
        List<String> found = new ArrayList<>();
        each((path, method, operation) -> {
            if (wrong.apply(path, operation)) {
                found.add(method + " " + path);
            }
        });
        return found;
    }

    private void each(OperationVisitor visitor) {
        assertThat(document.path("paths").size()).isGreaterThan(20);
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    visitor.visit(path.getKey(), operation.getKey(), operation.getValue());
                }
            }
        }
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }
}
