package vn.motsach.infra.apidocs;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import vn.motsach.infra.security.AccessRules;
import vn.motsach.infra.security.SecurityAutoConfiguration;
import vn.motsach.infra.web.CheckedRequest;

/**
 * The OpenAPI document at {@code /v3/api-docs}, the one a front-end generates its client from:
 * what the product is, the bearer scheme, the problem detail every error answer carries, and the
 * conventions each operation shares. Each side's controllers add their operations' summaries,
 * bodies and {@link Refusals}.
 */
@AutoConfiguration(after = SecurityAutoConfiguration.class)
public class ApiDocsAutoConfiguration {

    static {
        // an audit entry's event (or account change) is its own JSON: any object, not a bean for the generator to look into
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new ObjectSchema().additionalProperties(true).description("Đối tượng JSON: các trường của sự kiện"));
        // a request record's values are documented one by one, by CheckedRequestParameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CheckedRequest.class);
    }

    @Bean
    ProblemCodes problemCodes() {
        return ProblemCodes.fromBundles();
    }

    @Bean
    OpenAPI motSachApi(@Value("${motsach.version}") String version, ProblemCodes codes) {
        return new OpenAPI()
                .info(new Info().title("Mọt Sách API").version(version).description(text("apidocs/description.md")))
                .components(new Components()
                        .addSecuritySchemes(ApiConventions.BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("Mã truy cập từ POST /api/v1/auth/token, "
                                        + "gửi trong Authorization: Bearer <token>."))
                        .addSchemas(ProblemAnswers.SCHEMA, ProblemAnswers.problemDetail(codes.all())));
    }

    @Bean
    GlobalOpenApiCustomizer apiConventions(AccessRules rules) {
        return new ApiConventions(rules);
    }

    @Bean
    GlobalOpenApiCustomizer requestExamples() {
        return new RequestExamples();
    }

    @Bean
    GlobalOperationCustomizer documentedRefusals(ProblemCodes codes) {
        return new DocumentedRefusals(codes);
    }

    @Bean
    GlobalOperationCustomizer checkedRequestParameters() {
        return new CheckedRequestParameters();
    }

    @Bean
    ModelConverter recordComponents() {
        return new RecordComponents();
    }

    private static String text(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
