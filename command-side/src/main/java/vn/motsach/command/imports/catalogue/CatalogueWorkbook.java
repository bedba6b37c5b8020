package vn.motsach.command.imports.catalogue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import vn.motsach.command.imports.ImportFormat;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.WorkbookRows;

/**
 * Catalogue workbooks (XLSX and CSV): the rows of {@link WorkbookRows} under the columns of
 * {@link CatalogueColumns}. A yes/no or status cell whose word is none the template documents is
 * read as the blank cell would be, and the row carries a warning listing the words understood.
 */
final class CatalogueWorkbook implements WorkbookRows.Template<CatalogueRecord> {

    private static final CatalogueWorkbook TEMPLATE = new CatalogueWorkbook();

    private CatalogueWorkbook() {
    }

    static void read(ImportFormat format, InputStream in, int maxRows, Consumer<SourceRecord<CatalogueRecord>> each) {
        UnderstoodCells understood = new UnderstoodCells();
        WorkbookRows.read(format, in, TEMPLATE, maxRows, record -> each.accept(understood.warned(record)));
    }

    @Override
    public Optional<Function<List<String>, CatalogueRecord>> columns(List<String> headers) {
        return CatalogueColumns.positions(headers).map(positions -> cells -> CatalogueColumns.record(positions, cells));
    }

    @Override
    public List<String> headers() {
        return Arrays.stream(CatalogueColumns.values()).map(CatalogueColumns::header).toList();
    }

    @Override
    public String required() {
        return CatalogueColumns.TITLE.header();
    }

    /** The rows of one file, warned of the cells not understood; the file's columns found once. */
    private static final class UnderstoodCells {

        private List<String> headers;
        private Map<CatalogueColumns, Integer> positions;

        SourceRecord<CatalogueRecord> warned(SourceRecord<CatalogueRecord> record) {
            if (record.cells() == null) {
                return record;
            }
            if (!record.cells().headers().equals(headers)) {
                headers = record.cells().headers();
                positions = CatalogueColumns.positions(headers).orElse(Map.of());
            }
            return withWarnings(record, positions);
        }
    }

    private static SourceRecord<CatalogueRecord> withWarnings(SourceRecord<CatalogueRecord> record,
            Map<CatalogueColumns, Integer> positions) {
        List<SourceRecord.Warning> warnings = new ArrayList<>(record.warnings());
        cell(positions, record, CatalogueColumns.IN_LIBRARY_ONLY).filter(cell -> InLibraryOnly.of(cell).isEmpty())
                .ifPresent(cell -> warnings.add(new SourceRecord.Warning("loanable", "IN_LIBRARY_ONLY_UNKNOWN",
                        List.of(cell, words(InLibraryOnly.VALUES), words(InLibraryOnly.LENT)))));
        cell(positions, record, CatalogueColumns.STATUS).filter(cell -> !StatusCell.understood(cell))
                .ifPresent(cell -> warnings.add(new SourceRecord.Warning("status", "STATUS_UNKNOWN",
                        List.of(cell, words(StatusCell.LOST), words(StatusCell.WITHDRAWN), words(StatusCell.IN_COLLECTION)))));
        return warnings.size() == record.warnings().size() ? record
                : new SourceRecord<>(record.number(), record.sheet(), record.row(), record.words(), record.cells(),
                        record.content(), warnings);
    }

    private static Optional<String> cell(Map<CatalogueColumns, Integer> positions, SourceRecord<?> record,
            CatalogueColumns column) {
        Integer at = positions.get(column);
        List<String> values = record.cells().values();
        String cell = at == null || at >= values.size() ? null : values.get(at);
        return cell == null || cell.isBlank() ? Optional.empty() : Optional.of(cell.strip());
    }

    /** "Có", "x": the words as a message lists them. */
    private static String words(List<String> words) {
        return String.join(", ", words.stream().map(word -> "\u201C" + word + "\u201D").toList());
    }
}
