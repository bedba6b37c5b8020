package vn.motsach.command.imports.catalogue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.motsach.command.circulation.CatalogueCommandsForImports.OutOfCollection;
import vn.motsach.command.imports.catalogue.CatalogueRecord.CopyEntry;

/**
 * The columns of the catalogue workbook: the Vietnamese header of the template (English ones
 * accepted too, compared without case or diacritics), and how a row's cells make a record.
 */
enum CatalogueColumns {
    BARCODES("barcode", "952 $p", "Số ĐKCB", "barcode", "barcodes", "so dkcb", "dkcb"),
    TITLE("title", "245 $a", "Nhan đề", "title"),
    AUTHORS("authors", "100 $a", "Tác giả", "author", "authors"),
    PUBLISHER("publisher", "260 $b", "Nhà xuất bản", "publisher", "nxb"),
    YEAR("publishedYear", "260 $c", "Năm xuất bản", "year", "published year", "publication year", "nam xb"),
    ISBN("isbn", "020 $a", "ISBN", "ISBN"),
    CLASSIFICATION("classification", "082 $a", "Môn loại", "classification", "ddc"),
    SUBJECTS("subjects", "650 $a", "Chủ đề", "subject", "subjects"),
    DOC_TYPE("docType", "942 $c", "Loại tài liệu", "document type", "doc type", "type"),
    LANGUAGE("language", "041 $a", "Ngôn ngữ", "language"),
    PRICE("price", "952 $g", "Giá", "price", "gia tien"),
    ACQUIRED_ON("acquiredOn", "952 $d", "Ngày nhập", "acquired on", "acquired", "date acquired"),
    SOURCE("source", "952 $e", "Nguồn", "source"),
    IN_LIBRARY_ONLY("loanable", "952 $7", "Đọc tại chỗ", "in library use", "in library only", "not for loan", "reference only"),
    EDITION("edition", "250 $a", "Lần xuất bản", "edition"),
    CALL_NUMBER("callNumber", "952 $o", "Ký hiệu xếp giá", "call number"),
    STATUS("status", "952 $0/$1", "Tình trạng", "status");

    private static final Pattern LIST = Pattern.compile("\\s*;\\s*");
    private static final Pattern BARCODE_LIST = Pattern.compile("\\s*,\\s*");

    /** The field an import's issue names (the API's name), the MARC tag and subfield it comes from, the template's header. */
    private final String field;
    private final String marc;
    private final String header;
    /** The header in English, as the librarian asking for English reads it. */
    private final String englishHeader;
    private final List<String> names;

    CatalogueColumns(String field, String marc, String header, String... english) {
        this.field = field;
        this.marc = marc;
        this.header = header;
        this.englishHeader = Character.toUpperCase(english[0].charAt(0)) + english[0].substring(1);
        List<String> all = new ArrayList<>();
        all.add(TitleMatches.fold(header));
        for (String name : english) {
            all.add(TitleMatches.fold(name));
        }
        this.names = List.copyOf(all);
    }

    /** The header the template writes. */
    String header() {
        return header;
    }

    /**
     * The column an issue's {@code field} is about as the librarian's file names it: the template's
     * header (in English when {@code english}), after the MARC tag and subfield for a MARC file.
     */
    static Optional<String> label(String field, boolean marcFile, boolean english) {
        for (CatalogueColumns column : values()) {
            if (column.field.equals(field)) {
                String header = english ? column.englishHeader : column.header;
                return Optional.of(marcFile ? column.marc + " (" + header + ")" : header);
            }
        }
        return Optional.empty();
    }

    static Optional<CatalogueColumns> named(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String folded = TitleMatches.fold(written);
        for (CatalogueColumns column : values()) {
            if (column.names.contains(folded)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Where each known column is in a header row; empty when the row has no title column (it matches no template). */
    static Optional<Map<CatalogueColumns, Integer>> positions(List<String> headers) {
        Map<CatalogueColumns, Integer> positions = new EnumMap<>(CatalogueColumns.class);
        for (int i = 0; i < headers.size(); i++) {
            int at = i;
            named(headers.get(i)).ifPresent(column -> positions.putIfAbsent(column, at));
        }
        return positions.containsKey(TITLE) ? Optional.of(positions) : Optional.empty();
    }

    /** A data row's record: one copy per barcode, each with the row's price, date, source, use and status. */
    static CatalogueRecord record(Map<CatalogueColumns, Integer> positions, List<String> cells) {
        Map<CatalogueColumns, String> row = new EnumMap<>(CatalogueColumns.class);
        positions.forEach((column, at) -> {
            String cell = at < cells.size() ? cells.get(at) : null;
            if (cell != null && !cell.isBlank()) {
                row.put(column, cell.strip());
            }
        });
        String inLibrary = row.get(IN_LIBRARY_ONLY);
        // a word meaning neither yes nor no is dropped (the copy is lent): CatalogueWorkbook warns of it
        Boolean loanable = inLibrary == null ? null : InLibraryOnly.of(inLibrary).map(only -> !only).orElse(null);
        OutOfCollection status = StatusCell.of(row.get(STATUS));
        List<CopyEntry> copies = new ArrayList<>();
        for (String barcode : split(BARCODE_LIST, row.get(BARCODES))) {
            copies.add(new CopyEntry(barcode, row.get(CALL_NUMBER), row.get(ACQUIRED_ON), row.get(PRICE), row.get(SOURCE), loanable,
                    status));
        }
        if (copies.isEmpty()) {
            copies.add(new CopyEntry(null, row.get(CALL_NUMBER), row.get(ACQUIRED_ON), row.get(PRICE), row.get(SOURCE), loanable));
        }
        return new CatalogueRecord(row.get(TITLE), split(LIST, row.get(AUTHORS)), row.get(ISBN), row.get(PUBLISHER),
                row.get(YEAR), row.get(CLASSIFICATION), split(LIST, row.get(SUBJECTS)), row.get(DOC_TYPE), row.get(LANGUAGE),
                row.get(EDITION), null, copies);
    }

    private static List<String> split(Pattern separator, String cell) {
        if (cell == null) {
            return List.of();
        }
        return java.util.Arrays.stream(separator.split(cell)).filter(part -> !part.isBlank()).toList();
    }
}
