package vn.motsach.query.labels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.motsach.events.LocalId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.documents.DocumentFormat;
import vn.motsach.query.documents.DocumentResponses;
import vn.motsach.query.documents.Label;
import vn.motsach.query.documents.LabelLayout;
import vn.motsach.query.documents.LabelSheets;
import vn.motsach.query.schools.SchoolNames;
import vn.motsach.query.web.Sql;

/**
 * Spine and barcode labels for A4 label sheets: a list of copies, a range of accession numbers,
 * or every copy of a title; withdrawn and lost copies get no label from a range or a title.
 */
@Tag(name = "documents", description = "Sổ sách, nhãn, báo cáo")
@RestController
@EnableConfigurationProperties(LabelSettings.class)
class LabelsController {

    private static final Pattern LAYOUT = Pattern.compile("A4-([1-9])x([1-9]|1[0-9]|20)");

    private static final String COPIES = """
            select c.barcode, c.title_id, c.title, t.classification
            from qs_copy c left join qs_catalogue_title t on t.school_id = c.school_id and t.title_id = c.title_id
            where c.school_id = :school""";
    private static final String IN_CIRCULATION = " and c.status not in ('WITHDRAWN', 'LOST')";

    private final JdbcClient jdbc;
    private final SchoolNames schoolNames;
    private final LabelSettings settings;
    private final String publicBaseUrl;

    LabelsController(JdbcClient jdbc, SchoolNames schoolNames, LabelSettings settings,
            @Value("${motsach.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.schoolNames = schoolNames;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "COPY_NOT_FOUND"})
    @Operation(summary = "Nhãn gáy và mã vạch in trên giấy A4 (Spine and barcode labels on A4 sheets)",
            description = "Chọn bản sách theo danh sách (barcodes, cách nhau bởi dấu phẩy), khoảng số ĐKCB (fromBarcode, "
                    + "toBarcode) hoặc đầu sách (titleId); layout như A4-3x8 (3 cột, 8 hàng); format=PDF.")
    @GetMapping("/api/v1/schools/{schoolId}/labels")
    ResponseEntity<StreamingResponseBody> labels(LabelRequest asked) {
        String school = asked.schoolId();
        if (asked.barcodes().size() > settings.maxLabels()) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldProblem("barcodes", "tooMany", settings.maxLabels())));
        }
        LabelLayout sheet = layout(asked.layout() == null ? settings.defaultLayout() : asked.layout());
        String schoolName = schoolNames.of(school);
        List<LabelCopy> copies = copies(school, asked.barcodes(), asked.fromBarcode(), asked.toBarcode(), asked.titleId());
        List<Label> labels = copies.stream()
                .map(copy -> new Label(copy.barcode(), publicBaseUrl + "/opac/" + school + "/titles/" + copy.titleId(),
                        List.of(schoolName, copy.title(), copy.classification() == null ? "" : copy.classification())))
                .toList();
        return DocumentResponses.file(DocumentFormat.PDF, "nhan-sach-" + school, out -> LabelSheets.write(labels, sheet, out));
    }

    private List<LabelCopy> copies(String school, List<String> listed, String from, String to, UUID title) {
        int limit = settings.maxLabels() + 1;
        List<LabelCopy> found;
        if (!listed.isEmpty()) {
            Map<String, LabelCopy> byBarcode = jdbc.sql(COPIES + " and c.barcode = any(:barcodes)")
                    .param("school", school).param("barcodes", listed.toArray(String[]::new))
                    .query(LabelsController::copy).list().stream()
                    .collect(Collectors.toMap(LabelCopy::barcode, Function.identity()));
            found = new ArrayList<>();
            for (String barcode : listed) {
                LabelCopy copy = byBarcode.get(barcode);
                if (copy == null) {
                    throw new Refused(RefusalCode.COPY_NOT_FOUND, barcode);
                }
                found.add(copy);
            }
            return found;
        }
        if (title != null) {
            found = jdbc.sql(COPIES + " and c.title_id = :title" + IN_CIRCULATION + " order by c.barcode limit :limit")
                    .param("school", school).param("title", title).param("limit", limit)
                    .query(LabelsController::copy).list();
        } else {
            found = jdbc.sql(COPIES + " and c.barcode collate \"C\" between :from and :to" + IN_CIRCULATION
                            + " order by c.barcode collate \"C\" limit :limit")
                    .param("school", school).param("from", from).param("to", to).param("limit", limit)
                    .query(LabelsController::copy).list();
        }
        if (found.size() > settings.maxLabels()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "TOO_MANY_LABELS", settings.maxLabels());
        }
        return found;
    }

    /** The sheet a layout names ({@code A4-<columns>x<rows>}, its form checked with the request), with the configured margins. */
    private LabelLayout layout(String name) {
        Matcher matcher = LAYOUT.matcher(name);
        try {
            if (matcher.matches()) {
                return new LabelLayout(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        settings.marginTopMm(), settings.marginSideMm(), settings.gapMm());
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ApiProblem.invalid(List.of(new ApiProblem.FieldProblem("layout", "labelsTooSmall")));
    }

    private static LabelCopy copy(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LabelCopy(rs.getString("barcode"), Sql.uuid(rs, "title_id"), rs.getString("title"),
                rs.getString("classification"));
    }

    private record LabelCopy(String barcode, UUID titleId, String title, String classification) {
    }

    /** The copies asked for, in exactly one way, the layout and the format. */
    record LabelRequest(String schoolId, List<String> barcodes, String fromBarcode, String toBarcode, UUID titleId,
            String layout) implements CheckedRequest {

        LabelRequest(RequestValues in) {
            this(PathIds.school(in), listed(in), PathIds.optionalLocal(in, "fromBarcode"),
                    PathIds.optionalLocal(in, "toBarcode"), PathIds.optionalUuid(in, "titleId"),
                    in.check().optionalMatching("layout", in.value("layout"), LAYOUT));
            RequestCheck check = in.check();
            if ((fromBarcode == null) != (toBarcode == null)) {
                check.problem(fromBarcode == null ? "fromBarcode" : "toBarcode", "required");
            }
            long ways = (barcodes.isEmpty() ? 0 : 1) + (fromBarcode == null && toBarcode == null ? 0 : 1) + (titleId == null ? 0 : 1);
            if (ways != 1) {
                check.problem("barcodes", "labelSelection");
            }
            String format = in.value("format");
            if (format != null && !format.equals(DocumentFormat.PDF.name())) {
                check.problem("format", "documentFormat", DocumentFormat.PDF.name());
            }
        }

        /** {@code barcodes=A-1,A-2}: each checked as an accession number, repeats dropped. */
        private static List<String> listed(RequestValues in) {
            String text = in.value("barcodes");
            if (text == null || text.isBlank()) {
                return List.of();
            }
            List<String> barcodes = new ArrayList<>();
            for (String barcode : text.split(",")) {
                String checked = in.check().matching("barcodes", barcode.strip(), LocalId.FORMAT);
                if (checked != null && !barcodes.contains(checked)) {
                    barcodes.add(checked);
                }
            }
            return List.copyOf(barcodes);
        }
    }
}
