package vn.motsach.query.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.DocType;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.documents.DocumentWords;

/**
 * The whole catalogue of a school, its copies included, as MARC 21 (ISO 2709 in UTF-8, or MARCXML)
 * or as the catalogue workbook. Copies withdrawn or lost are written too, with their status (Koha's
 * 952 $0 and $1, the workbook's "Tình trạng"): an export is how a school moves out, and the next
 * system needs the whole accession register, whose numbers are never given again, not the shelf
 * only. Read with a cursor and written record by record as it is read: a large catalogue is never
 * held in memory. It writes the fields the import reads (the command side's MarcCatalogue and
 * CatalogueColumns), so a catalogue exported and imported into an empty school is the same catalogue.
 */
@Tag(name = "catalogue", description = "Biên mục: nhan đề và bản sách")
@RestController
class CatalogueExport {

    /** The source a title's control number names when it has none of its own (001 is then its id). */
    static final String OWN_AGENCY = "MotSach";
    private static final MarcFactory MARC = MarcFactory.newInstance();
    /** The catalogue workbook's columns, as the import template writes them. */
    private static final List<String> COLUMNS = List.of("Số ĐKCB", "Nhan đề", "Tác giả", "Nhà xuất bản", "Năm xuất bản",
            "ISBN", "Môn loại", "Chủ đề", "Loại tài liệu", "Ngôn ngữ", "Giá", "Ngày nhập", "Nguồn", "Đọc tại chỗ", "Lần xuất bản",
            "Ký hiệu xếp giá", "Tình trạng");
    private static final int FETCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    CatalogueExport(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Operation(summary = "Xuất toàn bộ thư mục của trường (kèm bản sách) dạng MARC 21, MARCXML hoặc XLSX")
    @GetMapping("/api/v1/schools/{schoolId}/catalogue/export")
    void export(ExportAsked asked, HttpServletResponse response) throws IOException {
        switch (asked.format()) {
            case MARC21 -> marc(asked.schoolId(), response, false);
            case MARCXML -> marc(asked.schoolId(), response, true);
            case XLSX -> workbook(asked.schoolId(), response);
        }
    }

    enum ExportFormat {
        MARC21,
        MARCXML,
        XLSX
    }

    /** {@code format} as typed, in any case; MARC 21 unless asked. */
    record ExportAsked(String schoolId, ExportFormat format) implements CheckedRequest {

        ExportAsked(RequestValues in) {
            this(PathIds.school(in), formatOf(in));
        }

        private static ExportFormat formatOf(RequestValues in) {
            String typed = in.value("format");
            if (typed == null) {
                return ExportFormat.MARC21;
            }
            ExportFormat format = in.check().oneOf("format", typed.strip().toUpperCase(Locale.ROOT), ExportFormat.class);
            return format == null ? ExportFormat.MARC21 : format;
        }
    }

    private void marc(String school, HttpServletResponse response, boolean xml) throws IOException {
        response.setContentType(xml ? "application/marcxml+xml;charset=UTF-8" : "application/marc");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + school + (xml ? "-catalogue.xml\"" : "-catalogue.mrc\""));
        OutputStream out = response.getOutputStream();
        MarcWriter writer = xml ? new MarcXmlWriter(out, "UTF-8", true) : new MarcStreamWriter(out, "UTF-8");
        eachTitle(school, title -> writer.write(record(title)));
        writer.close();
    }

    /**
     * A document type as the template and the librarian write it ("Sách giáo khoa"); the import
     * reads these words, and the codes an older export wrote, alike.
     */
    private static String docTypeWords(String code) {
        if (code == null) {
            return null;
        }
        try {
            return DocumentWords.docType(DocType.valueOf(code));
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** The "Đọc tại chỗ" cell as the template's example writes it ("Có", "Không"); the import reads an older export's "x" too. */
    private static String inLibraryOnlyWords(CopyRow copy) {
        return copy.loanable() ? "Không" : "Có";
    }

    private void workbook(String school, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + school + "-catalogue.xlsx\"");
        // rows beyond the window go to a temporary file, not to memory
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Sách");
            cells(sheet.createRow(0), COLUMNS);
            int[] next = {1};
            eachTitle(school, title -> {
                List<CopyRow> copies = title.copies().isEmpty() ? Arrays.asList((CopyRow) null) : title.copies();
                for (CopyRow copy : copies) {
                    cells(sheet.createRow(next[0]++), Arrays.asList(copy == null ? null : copy.barcode(), title.title(),
                            String.join("; ", title.authors()), title.publisher(),
                            title.year() == null ? null : title.year().toString(), title.isbn(), title.classification(),
                            String.join("; ", title.subjects()), docTypeWords(title.docType()), title.language(),
                            copy == null || copy.price() == null ? null : copy.price().stripTrailingZeros().toPlainString(),
                            copy == null || copy.acquiredOn() == null ? null : copy.acquiredOn().toString(),
                            copy == null ? null : copy.source(), copy == null ? null : inLibraryOnlyWords(copy), title.edition(),
                            copy == null ? null : copy.callNumber(), copy == null ? null : copy.statusCell()));
                }
            });
            try (OutputStream out = response.getOutputStream()) {
                workbook.write(out);
            }
        }
    }

    /** The mapping of the contract, as the import reads it back. */
    static Record record(TitleRow title) {
        Record record = MARC.newRecord("00000nam a2200000 a 4500");
        String controlNumber = title.controlNumber();
        if (controlNumber != null && controlNumber.startsWith("(") && controlNumber.indexOf(')') > 0) {
            record.addVariableField(MARC.newControlField("001", controlNumber.substring(controlNumber.indexOf(')') + 1)));
            record.addVariableField(MARC.newControlField("003", controlNumber.substring(1, controlNumber.indexOf(')'))));
        } else if (controlNumber != null) {
            record.addVariableField(MARC.newControlField("001", controlNumber));
        } else {
            record.addVariableField(MARC.newControlField("001", title.titleId().toString()));
            record.addVariableField(MARC.newControlField("003", OWN_AGENCY));
        }
        if (title.language() != null) {
            record.addVariableField(MARC.newDataField("041", ' ', ' ', "a", title.language()));
        }
        if (title.isbn() != null) {
            record.addVariableField(MARC.newDataField("020", ' ', ' ', "a", title.isbn()));
        }
        if (title.classification() != null) {
            record.addVariableField(MARC.newDataField("082", '0', '4', "a", title.classification()));
        }
        for (int i = 0; i < title.authors().size(); i++) {
            record.addVariableField(MARC.newDataField(i == 0 ? "100" : "700", '1', ' ', "a", title.authors().get(i)));
        }
        record.addVariableField(MARC.newDataField("245", '1', '0', "a", title.title()));
        if (title.edition() != null) {
            record.addVariableField(MARC.newDataField("250", ' ', ' ', "a", title.edition()));
        }
        List<String> publication = new ArrayList<>();
        if (title.publisher() != null) {
            publication.addAll(List.of("b", title.publisher()));
        }
        if (title.year() != null) {
            publication.addAll(List.of("c", title.year().toString()));
        }
        if (!publication.isEmpty()) {
            record.addVariableField(MARC.newDataField("260", ' ', ' ', publication.toArray(String[]::new)));
        }
        for (String subject : title.subjects()) {
            record.addVariableField(MARC.newDataField("650", ' ', '4', "a", subject));
        }
        record.addVariableField(MARC.newDataField("942", ' ', ' ', "c", title.docType()));
        for (CopyRow copy : title.copies()) {
            List<String> item = new ArrayList<>(List.of("p", copy.barcode()));
            if (copy.callNumber() != null) {
                item.addAll(List.of("o", copy.callNumber()));
            }
            if (copy.acquiredOn() != null) {
                item.addAll(List.of("d", copy.acquiredOn().toString()));
            }
            if (copy.price() != null) {
                item.addAll(List.of("g", copy.price().stripTrailingZeros().toPlainString()));
            }
            if (copy.source() != null) {
                item.addAll(List.of("e", copy.source()));
            }
            item.addAll(List.of("7", copy.loanable() ? "0" : "1"));
            // Koha's statuses, non-zero when set: $0 withdrawn, $1 lost
            if (copy.withdrawn()) {
                item.addAll(List.of("0", "1"));
            }
            if (copy.lost()) {
                item.addAll(List.of("1", "1"));
            }
            record.addVariableField(MARC.newDataField("952", ' ', ' ', item.toArray(String[]::new)));
        }
        return record;
    }

    /** Every title of the school with its copies, in title order, read a few hundred rows at a time. */
    private void eachTitle(String school, Consumer<TitleRow> each) {
        readOnly.executeWithoutResult(status -> {
            TitleRow[] current = {null};
            try (var rows = jdbc.sql("""
                            select t.title_id, t.title, t.authors, t.isbn, t.publisher, t.published_year, t.classification,
                                   t.subjects, t.doc_type, t.language, t.edition, t.control_number,
                                   c.barcode, c.acquired_on, c.source, c.price, c.loanable, c.call_number, c.status
                            from qs_catalogue_title t
                            left join qs_copy c on c.school_id = t.school_id and c.title_id = t.title_id
                            where t.school_id = ?
                            order by t.title_id, c.barcode""")
                    .withFetchSize(FETCH).param(school).query(CatalogueExport::row).stream()) {
                rows.forEach(row -> {
                    if (current[0] != null && !current[0].titleId().equals(row.titleId())) {
                        each.accept(current[0]);
                        current[0] = null;
                    }
                    if (current[0] == null) {
                        current[0] = row;
                    } else {
                        current[0].copies().addAll(row.copies());
                    }
                });
            }
            if (current[0] != null) {
                each.accept(current[0]);
            }
        });
    }

    private static TitleRow row(ResultSet rs, int number) throws SQLException {
        List<CopyRow> copies = new ArrayList<>();
        if (rs.getString(13) != null) {
            copies.add(new CopyRow(rs.getString(13), rs.getObject(14, LocalDate.class), rs.getString(15), rs.getBigDecimal(16),
                    rs.getBoolean(17), rs.getString(18), rs.getString(19)));
        }
        return new TitleRow(rs.getObject(1, UUID.class), rs.getString(2), texts(rs.getArray(3)), rs.getString(4),
                rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), texts(rs.getArray(8)), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), copies);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static void cells(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !values.get(i).isEmpty()) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
    }

    record TitleRow(UUID titleId, String title, List<String> authors, String isbn, String publisher, Integer year,
            String classification, List<String> subjects, String docType, String language, String edition,
            String controlNumber, List<CopyRow> copies) {
    }

    /** {@code status}: the copy's, as {@code GET copies} gives it (AVAILABLE, ON_LOAN, LOST, WITHDRAWN...). */
    record CopyRow(String barcode, LocalDate acquiredOn, String source, BigDecimal price, boolean loanable, String callNumber,
            String status) {

        boolean withdrawn() {
            return "WITHDRAWN".equals(status);
        }

        boolean lost() {
            return "LOST".equals(status);
        }

        /** The workbook's "Tình trạng", as the import reads it: blank for a copy in the collection. */
        String statusCell() {
            return withdrawn() ? "Thanh lý" : lost() ? "Mất" : null;
        }
    }
}
