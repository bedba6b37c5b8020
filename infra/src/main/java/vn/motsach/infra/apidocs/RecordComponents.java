package vn.motsach.infra.apidocs;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * Request and answer bodies are records: every component is required (answers always write every
 * field, requests are refused without it) unless it is marked {@link Nullable}, which says that it
 * may be left out or null.
 */
final class RecordComponents implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (schema == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> defined = schema.get$ref() == null ? schema : context.getDefinedModels().get(refName(schema.get$ref()));
        Schema<?> model = ownProperties(defined);
        if (model == null) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            require(model, component);
        }
        return schema;
    }

    private static void require(Schema<?> model, RecordComponent component) {
        if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class) && component.getType().isRecord()) {
            // written in place among the record's own fields (the metrics of an answer): as required as they are
            for (RecordComponent inner : component.getType().getRecordComponents()) {
                require(model, inner);
            }
            return;
        }
        var property = model.getProperties().get(component.getName());
        if (property == null) {
            return;
        }
        boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
        if (!nullable && (model.getRequired() == null || !model.getRequired().contains(component.getName()))) {
            model.addRequiredItem(component.getName());
        } else if (nullable && property.get$ref() == null && property.getTypes() != null) {
            property.addType("null");
        }
    }

    /** The schema that lists the record's own components: itself, or the part of its allOf that does. */
    private static Schema<?> ownProperties(Schema<?> model) {
        if (model == null || model.getProperties() != null || model.getAllOf() == null) {
            return model == null || model.getProperties() == null ? null : model;
        }
        for (Object part : model.getAllOf()) {
            if (part instanceof Schema<?> own && own.getProperties() != null) {
                return own;
            }
        }
        return null;
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
