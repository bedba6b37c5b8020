package vn.motsach.command.imports;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.imports.catalogue.InLibraryOnly;
import vn.motsach.command.imports.catalogue.StatusCell;
import vn.motsach.infra.web.ApiProblem;

/**
 * The workbooks of imports: the templates to fill in (Vietnamese headers, one example row, and a
 * note on a column whose accepted values the example cannot show) and
 * an import's report (every rejected record and every warning, with the record's own words),
 * written as a stream of rows.
 */
@RestController
class ImportWorkbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The template of each kind: its headers (as the contract names them) and an example row. */
    private static final Map<ImportKind, List<List<String>>> TEMPLATES = Map.of(
            ImportKind.CATALOGUE, List.of(
                    List.of("Số ĐKCB", "Nhan đề", "Tác giả", "Nhà xuất bản", "Năm xuất bản", "ISBN", "Môn loại", "Chủ đề",
                            "Loại tài liệu", "Ngôn ngữ", "Giá", "Ngày nhập", "Nguồn", "Đọc tại chỗ", "Lần xuất bản",
                            "Ký hiệu xếp giá", "Tình trạng"),
                    List.of("TN-0001, TN-0002", "Dế Mèn phiêu lưu ký", "Tô Hoài", "Kim Đồng", "2019", "9786042123457",
                            "895.9223", "Văn học thiếu nhi; Truyện", "Thiếu nhi", "vie", "45000", "2024-09-05", "Mua", "Không",
                            "Tái bản lần thứ 10", "895.9223 T450H", "")),
            ImportKind.PATRONS, List.of(
                    List.of("Mã bạn đọc", "Họ và tên", "Đối tượng", "Lớp"),
                    List.of("hs-0001", "Nguyễn Thị An", "Học sinh", "5A")),
            ImportKind.CLASSES, List.of(
                    List.of("Mã lớp", "Tên lớp", "Khối", "Năm học", "GVCN"),
                    List.of("5A", "Lớp 5A", "5", "2026-2027", "gv-lan")));

    /**
     * What a template's column accepts, where its example cannot say it all: a comment on the
     * header cell, which the reader does not read (it reads cell values only).
     */
    private static final Map<ImportKind, Map<String, String>> NOTES = Map.of(ImportKind.CATALOGUE, Map.of("Đọc tại chỗ",
            "Ghi " + quoted(InLibraryOnly.VALUES) + " nếu bản sách chỉ được đọc tại chỗ (không cho mượn về); để trống hoặc ghi "
                    + quoted(InLibraryOnly.LENT) + " nếu được mượn về. Chữ khác không được hiểu: bản sách được cho mượn và"
                    + " báo cáo nhập có cảnh báo.",
            "Tình trạng", "Ghi " + quoted(StatusCell.LOST) + " cho bản sách đã báo mất, " + quoted(StatusCell.WITHDRAWN)
                    + " cho bản sách đã thanh lý (bản sách vẫn vào sổ đăng ký cá biệt nhưng không cho mượn); để trống hoặc ghi "
                    + quoted(StatusCell.IN_COLLECTION) + " nếu bản sách còn trong kho. Chữ khác không được hiểu: bản sách"
                    + " được ghi là còn trong kho và báo cáo nhập có cảnh báo."),
            ImportKind.CLASSES, Map.of("Khối", "Một số từ 0 đến 12, thuộc cấp học của trường (tiểu học 1–5, THCS 6–9, THPT 10–12);"
                    + " lớp của khối trường không có thì không được nhập.",
                    "GVCN", "Mã bạn đọc của giáo viên chủ nhiệm (phân biệt chữ hoa, chữ thường). Giáo viên chưa có trong danh sách"
                    + " bạn đọc thì lớp vẫn ghi mã này, kèm một cảnh báo: nhập danh sách bạn đọc có giáo viên sau danh sách"
                    + " lớp."));

    private static String quoted(List<String> words) {
        return String.join(", ", words.stream().map(word -> "\"" + word + "\"").toList());
    }

    private static final List<String> REPORT_HEADERS = List.of("Mức", "Bản ghi", "Trang tính", "Dòng", "Trường", "Mã",
            "Thông báo", "Nội dung của bản ghi");
    /** The columns a workbook's report adds after the row's own cells; none is a column of a template. */
    private static final List<String> ROW_REPORT_HEADERS = List.of("Mức (báo cáo)", "Mã lỗi", "Trường lỗi", "Thông báo lỗi",
            "Dòng trong tệp gốc");

    private final ImportController imports;
    private final ImportJobs jobs;
    private final TransactionTemplate readOnly;

    ImportWorkbooks(ImportController imports, ImportJobs jobs, PlatformTransactionManager transactionManager) {
        this.imports = imports;
        this.jobs = jobs;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Operation(summary = "Bảng tính mẫu để nhập: tiêu đề cột tiếng Việt và một dòng ví dụ")
    @GetMapping("/api/v1/import-templates/{kind}.xlsx")
    void template(@PathVariable String kind, HttpServletResponse response) throws IOException {
        ImportKind which;
        try {
            which = ImportKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("NOT_FOUND");
        }
        List<List<String>> rows = TEMPLATES.get(which);
        if (rows == null) {
            throw ApiProblem.notFound("NOT_FOUND");
        }
        write(response, which.name().toLowerCase(Locale.ROOT) + ".xlsx", sheet -> {
            for (int i = 0; i < rows.size(); i++) {
                cells(sheet.createRow(i), rows.get(i));
            }
            NOTES.getOrDefault(which, Map.of()).forEach((header, note) -> note(sheet, rows.get(0).indexOf(header), note));
        });
    }

    @Operation(summary = "Báo cáo của một lần nhập: mọi bản ghi bị từ chối và mọi cảnh báo, để sửa và nhập lại")
    @GetMapping("/api/v1/schools/{schoolId}/imports/{importId}/report")
    void report(@PathVariable String schoolId, @PathVariable String importId,
            @RequestParam(required = false, defaultValue = "XLSX") String format, HttpServletResponse response) throws IOException {
        if (!format.equalsIgnoreCase("XLSX")) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldProblem("format", "invalid", format)));
        }
        ImportJob job = imports.find(schoolId, importId);
        Locale locale = LocaleContextHolder.getLocale();
        write(response, "bao-cao-nhap-" + job.importId() + ".xlsx", sheet -> readOnly.executeWithoutResult(status -> {
            Optional<List<String>> headers = jobs.issueHeaders(job.importId());
            if (headers.isPresent()) {
                rowsAsTheyWere(sheet, job, headers.get(), locale);
            } else {
                issuesOneByOne(sheet, job, locale);
            }
        }));
    }

    /** A MARC file's issues (or a file that could not be read): one line per issue, with the record's own words. */
    private void issuesOneByOne(Sheet sheet, ImportJob job, Locale locale) {
        cells(sheet.createRow(0), REPORT_HEADERS);
        int[] next = {1};
        jobs.eachIssue(job.importId(), issue -> cells(sheet.createRow(next[0]++),
                java.util.Arrays.asList(severity(issue.severity() == ImportIssue.Severity.ERROR),
                        Integer.toString(issue.record()), issue.sheet(), issue.row() == null ? null : issue.row().toString(),
                        imports.fieldLabel(job, issue, locale), issue.code(), imports.message(issue, locale), issue.words())));
    }

    /**
     * A workbook's issues: each row that has one given back as it was in the file, under the
     * file's headers, with what was wrong in the columns after them. Mended, the report imports
     * again as it is: the columns it adds match no template's, so they are not read.
     */
    private void rowsAsTheyWere(Sheet sheet, ImportJob job, List<String> headers, Locale locale) {
        List<String> header = new ArrayList<>(headers);
        header.addAll(ROW_REPORT_HEADERS);
        cells(sheet.createRow(0), header);
        int width = headers.size();
        ReportRow[] pending = {null};
        int[] next = {1};
        jobs.eachIssue(job.importId(), issue -> {
            if (pending[0] != null && pending[0].record != issue.record()) {
                pending[0].write(sheet.createRow(next[0]++), width);
                pending[0] = null;
            }
            if (pending[0] == null) {
                pending[0] = new ReportRow(issue);
            }
            pending[0].add(issue, imports.fieldLabel(job, issue, locale), imports.message(issue, locale));
        });
        if (pending[0] != null) {
            pending[0].write(sheet.createRow(next[0]), width);
        }
    }

    private static String severity(boolean error) {
        return error ? "Lỗi" : "Cảnh báo";
    }

    /** The issues of one row of the file, gathered to write the row once. */
    private static final class ReportRow {
        final int record;
        final SourceRecord.Cells cells;
        final Integer row;
        boolean error;
        final List<String> codes = new ArrayList<>();
        final List<String> fields = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        ReportRow(ImportIssue first) {
            this.record = first.record();
            this.cells = first.cells();
            this.row = first.row();
        }

        void add(ImportIssue issue, String field, String message) {
            error |= issue.severity() == ImportIssue.Severity.ERROR;
            codes.add(issue.code());
            if (field != null) {
                fields.add(field);
            }
            messages.add(message);
        }

        void write(Row sheetRow, int width) {
            List<String> values = new ArrayList<>(cells == null ? List.of() : cells.values());
            while (values.size() < width) {
                values.add(null);
            }
            values.subList(width, values.size()).clear();
            values.addAll(List.of(severity(error), String.join(", ", codes), String.join(", ", fields),
                    String.join(" ", messages), row == null ? "" : row.toString()));
            cells(sheetRow, values);
        }
    }

    private static void write(HttpServletResponse response, String fileName, java.util.function.Consumer<Sheet> fill)
            throws IOException {
        // rows beyond the window go to a temporary file: a report of many thousand rows stays small in memory
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            fill.accept(workbook.createSheet("Dữ liệu"));
            response.setContentType(XLSX);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
            try (OutputStream out = response.getOutputStream()) {
                workbook.write(out);
            }
        }
    }

    private static void note(Sheet sheet, int column, String text) {
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        CreationHelper creation = sheet.getWorkbook().getCreationHelper();
        ClientAnchor anchor = creation.createClientAnchor();
        anchor.setCol1(column);
        anchor.setCol2(column + 4);
        anchor.setRow1(0);
        anchor.setRow2(5);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(creation.createRichTextString(text));
        sheet.getRow(0).getCell(column).setCellComment(comment);
    }

    private static void cells(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
    }
}
