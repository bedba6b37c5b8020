package vn.motsach.infra.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

/**
 * Vietnamese request bodies for the main operations, kept together in {@code apidocs/examples.json}
 * (keyed {@code "METHOD path"}) so they read as one school's story. An example for an operation the
 * document does not have, or that takes no body, stops the document from being built: examples do
 * not outlive their routes.
 */
final class RequestExamples implements GlobalOpenApiCustomizer {

    private static final String RESOURCE = "apidocs/examples.json";

    private final JsonNode examples;

    RequestExamples() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            examples = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        for (Map.Entry<String, JsonNode> example : examples.properties()) {
            String[] key = example.getKey().split(" ", 2);
            MediaType body = Optional.ofNullable(api.getPaths()).map(paths -> paths.get(key[1]))
                    .map(item -> item.readOperationsMap().get(PathItem.HttpMethod.valueOf(key[0])))
                    .map(Operation::getRequestBody)
                    .map(requestBody -> requestBody.getContent())
                    .map(content -> content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE))
                    .orElseThrow(() -> new IllegalStateException(
                            RESOURCE + " has an example for " + example.getKey() + ", which takes no JSON body"));
            body.setExample(example.getValue());
        }
    }
}
