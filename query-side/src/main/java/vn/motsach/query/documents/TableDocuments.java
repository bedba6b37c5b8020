package vn.motsach.query.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Opens a table document in the asked format: a title block, the columns' headings, then the rows written to it. */
public final class TableDocuments {

    private TableDocuments() {
    }

    public static TableWriter open(DocumentFormat format, DocumentHeading heading, List<Column> columns, OutputStream out)
            throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table has at least one column");
        }
        return switch (format) {
            case XLSX -> new XlsxTable(heading, columns, out);
            case PDF -> new PdfTable(heading, columns, out);
        };
    }
}
