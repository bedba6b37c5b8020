package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A class's id within the school, chosen by the school (for example 6a1-2025). */
public record ClassId(@JsonValue String value) {

    public ClassId {
        LocalId.check("ClassId", value);
    }

    @JsonCreator
    public static ClassId of(String value) {
        return new ClassId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
