package vn.motsach.infra.kafka;

import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;

/**
 * The dates inside event payloads (a due date, the day of a library period), read by
 * {@link IsoTimes}; any other shape goes to Jackson's own deserializer, which still decides it.
 */
final class IsoLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    IsoLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            LocalDate date = IsoTimes.parseCanonicalDate(parser.getString());
            if (date != null) {
                return date;
            }
        }
        return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
    }
}
