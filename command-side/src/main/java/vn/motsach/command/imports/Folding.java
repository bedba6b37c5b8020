package vn.motsach.command.imports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Texts compared as a librarian compares them: without case or diacritics, spaces and punctuation as one space. */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("[\\u0300-\\u036f]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}]+");

    private Folding() {
    }

    /** "Đường  về." becomes "duong ve"; the same as the command migration's {@code cmd_fold}. */
    public static String fold(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(bare).replaceAll(" ").strip();
    }
}
