package vn.motsach.events.desk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** An exception of the offline desk, for the librarian to settle. Created by the server. */
public record DeskExceptionId(@JsonValue UUID value) {

    public DeskExceptionId {
        Objects.requireNonNull(value, "DeskExceptionId");
    }

    @JsonCreator
    public static DeskExceptionId of(UUID value) {
        return new DeskExceptionId(value);
    }

    public static DeskExceptionId parse(String value) {
        return new DeskExceptionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
