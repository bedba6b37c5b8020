package vn.motsach.command.imports.catalogue;

import java.io.InputStream;
import java.util.function.Consumer;
import vn.motsach.command.imports.ImportFormat;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.UnreadableFile;

/** Catalogue workbooks (XLSX, CSV). */
final class CatalogueWorkbook {

    private CatalogueWorkbook() {
    }

    static void read(ImportFormat format, InputStream in, Consumer<SourceRecord<CatalogueRecord>> each) {
        throw new UnreadableFile("FORMAT_NOT_SUPPORTED", 0, format);
    }
}
