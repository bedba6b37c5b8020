package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** One rotation (luân chuyển): a set of copies an owner lent to another library of its group until a date. Created by the server. */
public record RotationId(@JsonValue UUID value) {

    public RotationId {
        Objects.requireNonNull(value, "RotationId");
    }

    @JsonCreator
    public static RotationId of(UUID value) {
        return new RotationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
