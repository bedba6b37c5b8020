package vn.motsach.command.imports.catalogue;

import java.util.List;
import vn.motsach.command.circulation.CatalogueCommandsForImports.OutOfCollection;
import vn.motsach.command.imports.Folding;

/**
 * What a workbook's "Tình trạng" cell may say of a copy that has left the collection: one of
 * {@link #LOST} or {@link #WITHDRAWN}, compared without case or diacritics (the catalogue export
 * writes the first of each); anything else (blank, "Trên giá", "Hỏng") is a copy in the collection.
 * The template says the same to the librarian.
 */
public final class StatusCell {

    public static final List<String> LOST = List.of("Mất", "Báo mất", "Lost");
    public static final List<String> WITHDRAWN = List.of("Thanh lý", "Đã thanh lý", "Withdrawn");

    private static final List<String> FOLDED_LOST = LOST.stream().map(Folding::fold).toList();
    private static final List<String> FOLDED_WITHDRAWN = WITHDRAWN.stream().map(Folding::fold).toList();

    private StatusCell() {
    }

    static OutOfCollection of(String cell) {
        if (cell == null) {
            return null;
        }
        String folded = Folding.fold(cell);
        return FOLDED_WITHDRAWN.contains(folded) ? OutOfCollection.WITHDRAWN
                : FOLDED_LOST.contains(folded) ? OutOfCollection.LOST : null;
    }
}
