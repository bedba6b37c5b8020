package vn.motsach.command.imports.catalogue;

import java.util.Map;
import java.util.Optional;
import vn.motsach.events.DocType;

/**
 * A document type as files write it: our code, its Vietnamese label (as a workbook's column has
 * it), or a Koha item type (942 $c) that says the same; compared without case or diacritics.
 */
final class DocTypes {

    private static final Map<String, DocType> WRITTEN = Map.ofEntries(
            Map.entry("sach giao khoa", DocType.TEXTBOOK), Map.entry("sgk", DocType.TEXTBOOK),
            Map.entry("sach tham khao", DocType.REFERENCE), Map.entry("stk", DocType.REFERENCE),
            Map.entry("ref", DocType.REFERENCE),
            Map.entry("sach nghiep vu", DocType.TEACHER_PROFESSIONAL), Map.entry("snv", DocType.TEACHER_PROFESSIONAL),
            Map.entry("thieu nhi", DocType.CHILDREN), Map.entry("stn", DocType.CHILDREN),
            Map.entry("tong hop", DocType.GENERAL), Map.entry("bk", DocType.GENERAL),
            Map.entry("bao tap chi", DocType.PERIODICAL), Map.entry("bao", DocType.PERIODICAL),
            Map.entry("tap chi", DocType.PERIODICAL), Map.entry("cr", DocType.PERIODICAL), Map.entry("se", DocType.PERIODICAL),
            Map.entry("tai lieu so", DocType.DIGITAL), Map.entry("ebook", DocType.DIGITAL));

    private DocTypes() {
    }

    static Optional<DocType> of(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String folded = TitleMatches.fold(written);
        for (DocType type : DocType.values()) {
            if (TitleMatches.fold(type.name().replace('_', ' ')).equals(folded)) {
                return Optional.of(type);
            }
        }
        return Optional.ofNullable(WRITTEN.get(folded));
    }
}
