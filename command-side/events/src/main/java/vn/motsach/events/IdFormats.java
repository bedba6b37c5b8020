package vn.motsach.events;

/**
 * The id formats of {@link LocalId#FORMAT} and {@link SchoolId#FORMAT}, tested character by
 * character. Every id of every event is checked again each time the event is read, a replay
 * reads every event, and a regular-expression matcher made for each check would weigh on every
 * decoding.
 * {@code IdFormatsTest} holds both to the patterns.
 */
final class IdFormats {

    private IdFormats() {
    }

    /** {@code [A-Za-z0-9._/-]{1,32}} */
    static boolean isLocalId(String value) {
        if (value == null || value.isEmpty() || value.length() > 32) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLowerOrDigit(c) && !(c >= 'A' && c <= 'Z') && c != '.' && c != '_' && c != '/' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z0-9][a-z0-9-]{1,63}}: school and authority ids. */
    static boolean isSlug(String value) {
        if (value == null || value.length() < 2 || value.length() > 64 || !isLowerOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLowerOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
