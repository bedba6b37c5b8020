package vn.motsach.command.imports.roster;

import java.util.regex.Pattern;

/**
 * A class's name as a message names it after its own label ("Lớp {0} (mã {1})", "Class {0} (id {1})"):
 * a name written with the label already ("Lớp 6A2") loses it, so that no message says "Lớp Lớp 6A2".
 */
public final class ClassNames {

    private static final Pattern LABEL = Pattern.compile("(?iu)^(lớp|lop|class)\\s+");

    private ClassNames() {
    }

    /** The name without its label; the id when the class has no name. */
    public static String bare(String name, String classId) {
        if (name == null || name.isBlank()) {
            return classId;
        }
        String bare = LABEL.matcher(name.strip()).replaceFirst("");
        return bare.isEmpty() ? name.strip() : bare;
    }
}
