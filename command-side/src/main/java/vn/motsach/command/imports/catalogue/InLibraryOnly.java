package vn.motsach.command.imports.catalogue;

import java.util.List;
import java.util.Optional;
import vn.motsach.command.imports.Folding;

/**
 * What a workbook's "Đọc tại chỗ" cell may say, compared without case or diacritics: one of
 * {@link #VALUES} for a copy read in the library only (not lent), one of {@link #LENT} (or a
 * blank cell) for a copy that is lent. Any other word is not understood: the copy is lent and
 * the librarian is told. The template says the same to the librarian.
 */
public final class InLibraryOnly {

    public static final List<String> VALUES = List.of("x", "Có", "Yes", "True", "1", "Đọc tại chỗ");
    public static final List<String> LENT = List.of("Không", "No", "False", "0", "Cho mượn");

    private static final List<String> FOLDED = VALUES.stream().map(Folding::fold).toList();
    private static final List<String> FOLDED_LENT = LENT.stream().map(Folding::fold).toList();

    private InLibraryOnly() {
    }

    /** Whether a copy is read in the library only; empty when the cell says neither yes nor no. */
    static Optional<Boolean> of(String cell) {
        String folded = Folding.fold(cell);
        return FOLDED.contains(folded) ? Optional.of(true) : FOLDED_LENT.contains(folded) ? Optional.of(false) : Optional.empty();
    }
}
