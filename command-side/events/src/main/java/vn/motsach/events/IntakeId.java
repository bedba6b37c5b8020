package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** An intake (đợt nhập sách): one delivery of books, a line of the general register. Created by the server. */
public record IntakeId(@JsonValue UUID value) {

    public IntakeId {
        Objects.requireNonNull(value, "IntakeId");
    }

    @JsonCreator
    public static IntakeId of(UUID value) {
        return new IntakeId(value);
    }

    public static IntakeId parse(String value) {
        return new IntakeId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
