package vn.motsach.command.imports.catalogue;

import java.util.List;
import vn.motsach.command.imports.Folding;

/**
 * What a workbook's "Đọc tại chỗ" cell may say for a copy that is read in the library only (not
 * lent): one of {@link #VALUES}, compared without case or diacritics; anything else (blank,
 * "Không") is a copy that is lent. The template says the same to the librarian.
 */
public final class InLibraryOnly {

    public static final List<String> VALUES = List.of("x", "Có", "Yes", "True", "1", "Đọc tại chỗ");

    private static final List<String> FOLDED = VALUES.stream().map(Folding::fold).toList();

    private InLibraryOnly() {
    }

    static boolean means(String cell) {
        return FOLDED.contains(Folding.fold(cell));
    }
}
