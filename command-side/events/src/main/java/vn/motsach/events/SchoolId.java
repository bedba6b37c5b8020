package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** A school's id as it appears in every path under {@code /api/v1/schools/{schoolId}}. */
public record SchoolId(@JsonValue String value) {

    public static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    public SchoolId {
        Objects.requireNonNull(value, "schoolId");
        if (!IdFormats.isSlug(value)) {
            throw new IllegalArgumentException("schoolId must match " + FORMAT.pattern() + ": " + value);
        }
    }

    @JsonCreator
    public static SchoolId of(String value) {
        return new SchoolId(value);
    }

    public static boolean isValid(String value) {
        return IdFormats.isSlug(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
