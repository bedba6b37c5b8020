package vn.motsach.infra.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.CheckedRequests;

/**
 * Documents the parameters of an operation that takes a {@link CheckedRequest}: each value the
 * record reads, in the path when the route names it, else in the query. The generator itself
 * skips such records; their forms ({@code schoolId}'s pattern, a page's bounds) come from
 * {@link ApiConventions}, by name, as for every parameter.
 */
final class CheckedRequestParameters implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Arrays.stream(handler.getMethodParameters())
                .map(parameter -> parameter.getParameterType())
                .filter(CheckedRequest.class::isAssignableFrom)
                .forEach(type -> CheckedRequests.parametersOf(type.asSubclass(CheckedRequest.class))
                        .forEach((name, valueType) -> operation.addParametersItem(parameter(name, valueType, handler))));
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
