package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A catalogued title (đầu sách); copies belong to it. Created by the server. */
public record TitleId(@JsonValue UUID value) {

    public TitleId {
        Objects.requireNonNull(value, "TitleId");
    }

    @JsonCreator
    public static TitleId of(UUID value) {
        return new TitleId(value);
    }

    public static TitleId parse(String value) {
        return new TitleId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
