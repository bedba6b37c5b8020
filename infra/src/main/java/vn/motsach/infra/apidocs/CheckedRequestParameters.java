package vn.motsach.infra.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.CheckedRequests;

/**
 * Documents the parameters of an operation that takes a {@link CheckedRequest}: each value the
 * record reads, in the path when the route names it, else in the query. The generator itself
 * skips such records; their forms ({@code schoolId}'s pattern, a page's bounds) come from
 * {@link ApiConventions}, by name, as for every parameter. The body a record is built with is the
 * operation's JSON body, documented as a {@code @RequestBody} of its type would be.
 */
final class CheckedRequestParameters implements GlobalOperationComponentsCustomizer {

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handler) {
        Arrays.stream(handler.getMethodParameters())
                .map(parameter -> parameter.getParameterType())
                .filter(CheckedRequest.class::isAssignableFrom)
                .forEach(type -> {
                    CheckedRequests.parametersOf(type.asSubclass(CheckedRequest.class))
                            .forEach((name, valueType) -> operation.addParametersItem(parameter(name, valueType, handler)));
                    Class<?> body = CheckedRequests.bodyOf(type);
                    if (body != null) {
                        operation.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(
                                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(
                                        SpringDocAnnotationsUtils.extractSchema(components, body, null, new Annotation[0],
                                                SpecVersion.V31)))));
                    }
                });
        return operation;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return operation;
    }

    private static Parameter parameter(String name, Class<?> type, HandlerMethod handler) {
        boolean inPath = routes(handler).anyMatch(route -> route.contains("{" + name + "}") || route.contains("{" + name + ":"));
        return new Parameter().name(name).in(inPath ? "path" : "query").required(inPath ? true : null).schema(schema(type));
    }

    private static Stream<String> routes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null ? Stream.empty() : Stream.concat(Arrays.stream(mapping.path()), Arrays.stream(mapping.value()));
    }

    private static Schema<?> schema(Class<?> type) {
        if (type.isEnum()) {
            StringSchema schema = new StringSchema();
            Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).forEach(schema::addEnumItem);
            return schema;
        }
        if (type == Integer.class || type == Long.class) {
            return new IntegerSchema();
        }
        if (type == Boolean.class) {
            return new BooleanSchema();
        }
        return new StringSchema();
    }
}
