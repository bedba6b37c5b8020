package vn.motsach.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A supervising authority: a province's Sở GD&ĐT, a commune's Phòng Văn hóa – Xã hội, or a
 * legacy district office kept for history. Same format as a school id.
 */
public record AuthorityId(@JsonValue String value) {

    public static final Pattern FORMAT = SchoolId.FORMAT;

    public AuthorityId {
        Objects.requireNonNull(value, "authorityId");
        if (!IdFormats.isSlug(value)) {
            throw new IllegalArgumentException("authorityId must match " + FORMAT.pattern() + ": " + value);
        }
    }

    @JsonCreator
    public static AuthorityId of(String value) {
        return new AuthorityId(value);
    }

    public static boolean isValid(String value) {
        return IdFormats.isSlug(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
