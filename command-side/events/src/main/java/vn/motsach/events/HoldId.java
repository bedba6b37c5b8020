package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** One patron's place in the queue for a title. Created by the server. */
public record HoldId(@JsonValue UUID value) {

    public HoldId {
        Objects.requireNonNull(value, "HoldId");
    }

    @JsonCreator
    public static HoldId of(UUID value) {
        return new HoldId(value);
    }

    public static HoldId parse(String value) {
        return new HoldId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
