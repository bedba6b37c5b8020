package vn.motsach.events;

import java.util.regex.Pattern;

/**
 * The format of ids a school chooses itself (barcodes, patron and class ids): 1 to 32 letters,
 * digits, {@code - _ . /}, unique within the school.
 */
public final class LocalId {

    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._/-]{1,32}");

    private LocalId() {
    }

    static String check(String kind, String value) {
        if (!IdFormats.isLocalId(value)) {
            throw new IllegalArgumentException(kind + " must match " + FORMAT.pattern() + ": " + value);
        }
        return value;
    }
}
