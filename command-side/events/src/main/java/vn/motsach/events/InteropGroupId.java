package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** A liên thông group (nhóm liên thông), named by whoever forms it. Same format as a school id. */
public record InteropGroupId(@JsonValue String value) {

    public static final Pattern FORMAT = SchoolId.FORMAT;

    public InteropGroupId {
        Objects.requireNonNull(value, "groupId");
        if (!IdFormats.isSlug(value)) {
            throw new IllegalArgumentException("groupId must match " + FORMAT.pattern() + ": " + value);
        }
    }

    @JsonCreator
    public static InteropGroupId of(String value) {
        return new InteropGroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
