package vn.motsach.command.imports;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The formats a file may come in, and how each is recognised from its first bytes when the request names none. */
public enum ImportFormat {
    MARC21,
    MARCXML,
    XLSX,
    CSV,
    /** A plan the API wrote itself (a year's rollover), never an uploaded file. */
    JSON;

    /** Whether a file of this format can bring in {@code kind}: MARC describes titles and copies, not a roster. */
    public boolean carries(ImportKind kind) {
        return switch (kind) {
            case CATALOGUE -> this != JSON;
            case PATRONS, CLASSES -> this == XLSX || this == CSV;
            case ROLLOVER -> this == JSON;
        };
    }

    /** Enough of a file's beginning to recognise it. */
    static final int HEAD_BYTES = 64;

    /**
     * A zip (an XLSX is one), XML (MARCXML), an ISO 2709 leader (five digits of record length,
     * then its status, type and level letters) or else text (CSV); empty for a file of nothing or
     * only blanks.
     */
    static Optional<ImportFormat> recognise(byte[] head, int length) {
        int start = length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (start < length && Character.isWhitespace(head[start])) {
            start++;
        }
        if (start >= length) {
            // blank as far as read: empty only when that was the whole file
            return length < HEAD_BYTES ? Optional.empty() : Optional.of(CSV);
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Optional.of(XLSX);
        }
        if (head[start] == '<') {
            return Optional.of(MARCXML);
        }
        String leader = new String(head, 0, Math.min(length, 24), StandardCharsets.ISO_8859_1);
        if (leader.matches("\\d{5}[a-z ][a-z][a-z ].*")) {
            return Optional.of(MARC21);
        }
        return Optional.of(CSV);
    }
}
