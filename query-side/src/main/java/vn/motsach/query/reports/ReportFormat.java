package vn.motsach.query.reports;

import java.util.Locale;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.documents.DocumentFormat;

/** How a document of numbers is asked for: its numbers as JSON (the default), or the document as XLSX or PDF. */
enum ReportFormat {
    JSON(null),
    XLSX(DocumentFormat.XLSX),
    PDF(DocumentFormat.PDF);

    private final DocumentFormat document;

    ReportFormat(DocumentFormat document) {
        this.document = document;
    }

    /** The file format, {@code null} for JSON. */
    DocumentFormat document() {
        return document;
    }

    /** {@code format} as typed, in any case; JSON unless asked. */
    static ReportFormat of(RequestValues in) {
        String typed = in.value("format");
        if (typed == null || typed.isBlank()) {
            return JSON;
        }
        try {
            return valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            in.check().problem("format", "documentFormat", "JSON, XLSX, PDF");
            return JSON;
        }
    }
}
