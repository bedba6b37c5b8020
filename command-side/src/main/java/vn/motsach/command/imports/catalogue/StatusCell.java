package vn.motsach.command.imports.catalogue;

import java.util.List;
import vn.motsach.command.circulation.CatalogueCommandsForImports.OutOfCollection;
import vn.motsach.command.imports.Folding;

/**
 * What a workbook's "Tình trạng" cell may say of a copy, compared without case or diacritics:
 * one of {@link #LOST} or {@link #WITHDRAWN} for a copy that has left the collection (the
 * catalogue export writes the first of each), one of {@link #IN_COLLECTION} (or a blank cell) for
 * a copy in it. Any other word is not understood: the copy is taken as in the collection and the
 * librarian is told. The template says the same to the librarian.
 */
public final class StatusCell {

    public static final List<String> LOST = List.of("Mất", "Báo mất", "Lost");
    public static final List<String> WITHDRAWN = List.of("Thanh lý", "Đã thanh lý", "Withdrawn");
    public static final List<String> IN_COLLECTION = List.of("Trên giá", "Còn", "Đang mượn", "Hỏng", "Available");

    private static final List<String> FOLDED_LOST = LOST.stream().map(Folding::fold).toList();
    private static final List<String> FOLDED_WITHDRAWN = WITHDRAWN.stream().map(Folding::fold).toList();
    private static final List<String> FOLDED_IN_COLLECTION = IN_COLLECTION.stream().map(Folding::fold).toList();

    private StatusCell() {
    }

    /** How the copy left the collection, null when it is in it (or the cell is not understood, see {@link #understood}). */
    static OutOfCollection of(String cell) {
        if (cell == null) {
            return null;
        }
        String folded = Folding.fold(cell);
        return FOLDED_WITHDRAWN.contains(folded) ? OutOfCollection.WITHDRAWN
                : FOLDED_LOST.contains(folded) ? OutOfCollection.LOST : null;
    }

    /** Whether the cell says one of the words above. */
    static boolean understood(String cell) {
        String folded = Folding.fold(cell);
        return FOLDED_LOST.contains(folded) || FOLDED_WITHDRAWN.contains(folded) || FOLDED_IN_COLLECTION.contains(folded);
    }
}
