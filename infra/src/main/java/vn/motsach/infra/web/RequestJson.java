package vn.motsach.infra.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: strictly. Trailing content, a name given twice, a number or a
 * boolean where text is expected (or the other way round), a fraction where a whole number is
 * expected: each is refused, naming the field, rather than guessed. Dates, instants and
 * decimals are kept within {@link InputBounds}, and a date must be written as text. Only
 * requests are read so; events and answers keep the application's own mapper.
 */
public final class RequestJson {

    private RequestJson() {
    }

    public static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // a blank text is an input shape of its own ("", " ", "\u0000"), which Jackson
                // otherwise reads as null for a number or a flag: an optional field then took its default
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addModule(new SimpleModule("bounded-request-values")
                        .addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDate::parse, date -> date))
                        .addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class, OffsetDateTime::parse,
                                time -> time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate()))
                        .addDeserializer(Instant.class, new Bounded<>(Instant.class, Instant::parse,
                                instant -> instant.atOffset(ZoneOffset.UTC).toLocalDate()))
                        .addDeserializer(BigDecimal.class, new BoundedDecimal())
                        .addDeserializer(String.class, new Text()))
                .build();
    }

    /**
     * The field a body could not be read for, and why: {@code closedDays[0]} for a date out of
     * bounds, {@code body} when the JSON itself is broken.
     */
    public static ApiProblem.FieldProblem problem(Throwable unreadable) {
        Throwable cause = unreadable;
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException jackson)) {
            return new ApiProblem.FieldProblem("body", "malformedJson");
        }
        String field = field(jackson);
        if (field == null) {
            return new ApiProblem.FieldProblem("body", "malformedJson");
        }
        Class<?> target = jackson instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == LocalDate.class) {
            return InputBounds.outOfBounds(field, "date");
        }
        if (target == OffsetDateTime.class || target == Instant.class) {
            return InputBounds.outOfBounds(field, "dateTime");
        }
        if (jackson instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && text.indexOf('\0') >= 0) {
            return new ApiProblem.FieldProblem(field, "nul");
        }
        if (target != null && target.isEnum()) {
            // a text the enumeration does not have is named; a number, an object or a list is not text at all
            return jackson instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                    ? new ApiProblem.FieldProblem(field, "oneOf", text, allowedValues(target))
                    : new ApiProblem.FieldProblem(field, "oneOfText", allowedValues(target));
        }
        return new ApiProblem.FieldProblem(field, "type");
    }

    /**
     * The values of an enumeration as the API spells them, for a refusal that tells which to send:
     * the constants' names, which is how requests are read.
     */
    public static String allowedValues(Class<?> enumeration) {
        return String.join(", ", java.util.Arrays.stream(enumeration.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name()).toList());
    }

    /** {@code semesters[1].startsOn} from Jackson's path; the repeated name of a duplicate; {@code null} if neither. */
    private static String field(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        if (e.processor() instanceof JsonParser parser && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate")) {
            return parser.currentName();
        }
        return null;
    }

    /** A date or time written as ISO text, on a day within {@link InputBounds}. */
    private static final class Bounded<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final transient Function<String, T> parse;
        private final transient Function<T, LocalDate> day;

        Bounded(Class<T> type, Function<String, T> parse, Function<T, LocalDate> day) {
            super(type);
            this.type = type;
            this.parse = parse;
            this.day = day;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            String text = parser.getString().strip();
            if (text.isEmpty()) {
                return null;
            }
            T value;
            try {
                value = parse.apply(text);
            } catch (DateTimeParseException e) {
                return type.cast(context.handleWeirdStringValue(type, text, "not an ISO-8601 value"));
            }
            if (!InputBounds.contains(day.apply(value))) {
                return type.cast(context.handleWeirdStringValue(type, text, "outside %s..%s",
                        InputBounds.EARLIEST_DATE, InputBounds.LATEST_DATE));
            }
            return value;
        }
    }

    /** Text written as a JSON string, without NUL, which PostgreSQL cannot store. */
    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            if (text.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, "contains NUL");
            }
            return text;
        }
    }

    /** A decimal written as a JSON number, within {@link InputBounds}. */
    private static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            BigDecimal value = parser.getDecimalValue();
            if (!InputBounds.contains(value)) {
                return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, value, "outside the accepted range");
            }
            return value;
        }
    }
}
