package vn.motsach.command.imports;

import java.text.Normalizer;
import java.util.Locale;

/** Texts compared as a librarian compares them: without case or diacritics, spaces and punctuation as one space. */
public final class Folding {

    private Folding() {
    }

    /**
     * "Đường  về." becomes "duong ve"; the same as the command migration's {@code cmd_fold}. One pass
     * over the characters rather than two regular expressions: an import folds several texts of
     * every record (title, authors, document type, status), and the expressions' matchers and
     * builders were a good part of the import thread's own work.
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder bare = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= '\u0300' && c <= '\u036f') {
                continue;
            }
            bare.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
        }
        // the whole text lowered at once, as before: a few letters lower by their context
        String lowered = bare.toString().toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lowered.length());
        boolean separated = false;
        for (int i = 0; i < lowered.length(); i++) {
            char c = lowered.charAt(i);
            if (separator(c)) {
                separated = true;
            } else {
                if (separated && folded.length() > 0) {
                    folded.append(' ');
                }
                separated = false;
                folded.append(c);
            }
        }
        return folded.toString().strip();
    }

    /** Java's {@code [\s\p{Punct}]}: the ASCII white space and punctuation, as PostgreSQL's classes in the C locale. */
    private static boolean separator(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '!' && c <= '/') || (c >= ':' && c <= '@')
                || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
