package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** One reading session a patron recorded. Created by the server. */
public record ReadingSessionId(@JsonValue UUID value) {

    public ReadingSessionId {
        Objects.requireNonNull(value, "ReadingSessionId");
    }

    @JsonCreator
    public static ReadingSessionId of(UUID value) {
        return new ReadingSessionId(value);
    }

    public static ReadingSessionId parse(String value) {
        return new ReadingSessionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
