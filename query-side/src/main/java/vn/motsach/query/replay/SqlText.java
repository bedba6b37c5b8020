package vn.motsach.query.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading a handler's SQL as far as the replay needs: words, parentheses and lists at the top
 * level of a statement, outside quotes. Lower-case text is expected where a keyword is looked for.
 */
final class SqlText {

    private SqlText() {
    }

    /** Where the keyword first stands as a word outside parentheses and quotes, or -1. */
    static int keyword(String sql, String word) {
        return keyword(sql, word, 0);
    }

    /** Where the keyword first stands as a word outside parentheses and quotes, from {@code from}, or -1. */
    static int keyword(String sql, String word, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && i >= from && sql.startsWith(word, i) && i > 0
                    && Character.isWhitespace(sql.charAt(i - 1))
                    && (i + word.length() == sql.length() || !Character.isJavaIdentifierPart(sql.charAt(i + word.length())))) {
                return i;
            }
        }
        return -1;
    }

    /** The parenthesis that closes the one at {@code open}, or -1. */
    static int closing(String sql, int open) {
        if (open < 0) {
            return -1;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The parts of {@code sql} between the top-level occurrences of the word, stripped. */
    static List<String> splitAtKeyword(String sql, String word) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = keyword(sql, word); at >= 0; at = keyword(sql, word, from)) {
            parts.add(sql.substring(from, at).strip());
            from = at + word.length();
        }
        parts.add(sql.substring(from).strip());
        return parts;
    }

    /** The parts of {@code sql} between the separator's top-level occurrences, stripped. */
    static List<String> split(String sql, String separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && sql.startsWith(separator, i)) {
                parts.add(sql.substring(from, i).strip());
                from = i + separator.length();
                i = from - 1;
            }
        }
        parts.add(sql.substring(from).strip());
        return parts;
    }
}
