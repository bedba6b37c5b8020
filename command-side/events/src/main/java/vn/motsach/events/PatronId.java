package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A patron's id within the school (a student code, a staff number). */
public record PatronId(@JsonValue String value) {

    public PatronId {
        LocalId.check("PatronId", value);
    }

    @JsonCreator
    public static PatronId of(String value) {
        return new PatronId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
