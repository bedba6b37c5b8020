package vn.motsach.command.imports.catalogue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import vn.motsach.command.imports.ImportFormat;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.WorkbookRows;

/** Catalogue workbooks (XLSX and CSV): the rows of {@link WorkbookRows} under the columns of {@link CatalogueColumns}. */
final class CatalogueWorkbook implements WorkbookRows.Template<CatalogueRecord> {

    private static final CatalogueWorkbook TEMPLATE = new CatalogueWorkbook();

    private CatalogueWorkbook() {
    }

    static void read(ImportFormat format, InputStream in, int maxRows, Consumer<SourceRecord<CatalogueRecord>> each) {
        WorkbookRows.read(format, in, TEMPLATE, maxRows, each);
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
}
