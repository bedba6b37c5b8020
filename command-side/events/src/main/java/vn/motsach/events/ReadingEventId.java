package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** One reading event: a reading day, a book talk, a festival or a contest. Created by the server. */
public record ReadingEventId(@JsonValue UUID value) {

    public ReadingEventId {
        Objects.requireNonNull(value, "ReadingEventId");
    }

    @JsonCreator
    public static ReadingEventId of(UUID value) {
        return new ReadingEventId(value);
    }

    public static ReadingEventId parse(String value) {
        return new ReadingEventId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
