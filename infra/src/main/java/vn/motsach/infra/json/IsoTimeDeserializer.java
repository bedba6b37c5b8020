package vn.motsach.infra.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;

/**
 * The instants and dates inside event payloads, read by {@link IsoTimes} when they have the
 * form our envelopes write; any other shape (a number, an offset, an empty text) goes to
 * Jackson's own deserializer, which still decides it.
 */
final class IsoTimeDeserializer<T> extends StdScalarDeserializer<T> {

    private final transient Function<String, T> canonical;
    private final ValueDeserializer<T> jackson;

    private IsoTimeDeserializer(Class<T> type, Function<String, T> canonical, ValueDeserializer<T> jackson) {
        super(type);
        this.canonical = canonical;
        this.jackson = jackson;
    }

    static IsoTimeDeserializer<Instant> instants() {
        return new IsoTimeDeserializer<>(Instant.class, IsoTimes::parseCanonical, InstantDeserializer.INSTANT);
    }

    static IsoTimeDeserializer<LocalDate> dates() {
        return new IsoTimeDeserializer<>(LocalDate.class, IsoTimes::parseCanonicalDate, LocalDateDeserializer.INSTANCE);
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            T value = canonical.apply(parser.getString());
            if (value != null) {
                return value;
            }
        }
        return jackson.deserialize(parser, context);
    }
}
