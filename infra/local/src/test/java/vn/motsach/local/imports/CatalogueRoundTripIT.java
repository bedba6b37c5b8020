package vn.motsach.local.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * Moving a school out and in again: a catalogue imported from MARC 21, exported (read from the
 * query side) and imported into an empty school is the same catalogue, field by field, its lost
 * and withdrawn copies included with their statuses; through the catalogue workbook too.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueRoundTripIT {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    @LocalServerPort
    int port;

    @Test
    void aCatalogueExportedAndImportedIntoAnEmptySchoolIsTheSameCatalogue() {
        ApiClient api = new ApiClient(port);
        LibraryFixture.primarySchool(api, "th-xuat");
        LibraryFixture.primarySchool(api, "th-nhap-marc");
        LibraryFixture.primarySchool(api, "th-nhap-xlsx");
        ApiClient.Answer kohaJob = importAndWait(api, "th-xuat", "koha.mrc", kohaExport());
        long imported = kohaJob.eventPosition();
        assertThat(kohaJob.json().path("warnings")).extracting(warning -> warning.path("code").asString())
                .containsExactly("COPY_IMPORTED_LOST", "COPY_IMPORTED_WITHDRAWN");
        assertThat(copyStatus(api, "th-xuat", "KOHA-7", imported)).isEqualTo("LOST");
        assertThat(copyStatus(api, "th-xuat", "KOHA-8", imported)).isEqualTo("WITHDRAWN");
        assertThat(copyStatus(api, "th-xuat", "KOHA-1", imported)).isEqualTo("AVAILABLE");

        ApiClient.Download marc = export(api, "th-xuat", "MARC21", imported);
        List<String> original = records(marc.body());
        assertThat(original).hasSize(3);
        assertThat(original.get(0)).contains("Dế Mèn phiêu lưu ký : truyện dài", "Tái bản lần thứ 10", "$pKOHA-1",
                "$o895.9223 T450H", "$d2024-05-01", "$g45000", "$eMua", "$c2019", "$pKOHA-7$70$11", "$pKOHA-8$o895.9223 T450H$70$01");

        long again = importAndWait(api, "th-nhap-marc", "xuat.mrc", marc.body()).eventPosition();
        assertThat(records(export(api, "th-nhap-marc", "MARC21", again).body())).isEqualTo(original);
        ApiClient.Answer unknown = api.get("/api/v1/schools/th-nhap-marc/catalogue/export?format=MARC");
        LibraryFixture.refused(unknown, 400, "VALIDATION_FAILED");
        assertThat(unknown.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Không có giá trị \"MARC\": phải là một trong các giá trị MARC21, MARCXML, XLSX.");
        assertThat(copyStatus(api, "th-nhap-marc", "KOHA-7", again)).isEqualTo("LOST");
        assertThat(copyStatus(api, "th-nhap-marc", "KOHA-8", again)).isEqualTo("WITHDRAWN");
        LibraryFixture.refused(api.post("/api/v1/schools/th-nhap-marc/checkouts",
                "{\"barcode\":\"KOHA-7\",\"patronId\":\"hs-an\"}"), 409, "COPY_LOST");
        ApiClient.Answer once = importAndWait(api, "th-nhap-marc", "xuat.mrc", marc.body());
        assertThat(once.json().path("unchanged").asInt()).as(once.body()).isEqualTo(3);
        assertThat(once.json().path("warnings")).isEmpty();

        ApiClient.Download xml = export(api, "th-xuat", "MARCXML", imported);
        assertThat(xml.contentType()).startsWith("application/marcxml+xml");
        List<String> fromXml = new ArrayList<>();
        MarcXmlReader xmlReader = new MarcXmlReader(new ByteArrayInputStream(xml.body()));
        while (xmlReader.hasNext()) {
            fromXml.add(xmlReader.next().toString());
        }
        assertThat(withoutLeader(fromXml)).isEqualTo(withoutLeader(original));

        ApiClient.Download workbook = export(api, "th-xuat", "XLSX", imported);
        // the librarian reads the workbook in the template's words, not in codes
        assertThat(workbookCells(workbook.body(), "KOHA-1")).containsEntry("Loại tài liệu", "Thiếu nhi")
                .containsEntry("Đọc tại chỗ", "Không");
        assertThat(workbookCells(workbook.body(), "KOHA-2")).containsEntry("Đọc tại chỗ", "Có");
        long fromWorkbook = importAndWait(api, "th-nhap-xlsx", "xuat.xlsx", workbook.body()).eventPosition();
        assertThat(withoutControlNumbers(records(export(api, "th-nhap-xlsx", "MARC21", fromWorkbook).body())))
                .isEqualTo(withoutControlNumbers(original));
    }

    /** The exported workbook's row of copy {@code barcode}, by header. */
    private static Map<String, String> workbookCells(byte[] workbook, String barcode) {
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = read.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row headers = sheet.getRow(0);
            for (Row row : sheet) {
                if (barcode.equals(formatter.formatCellValue(row.getCell(0)))) {
                    Map<String, String> cells = new java.util.HashMap<>();
                    for (int i = 0; i < headers.getLastCellNum(); i++) {
                        cells.put(formatter.formatCellValue(headers.getCell(i)), formatter.formatCellValue(row.getCell(i)));
                    }
                    return cells;
                }
            }
            throw new AssertionError("no row of " + barcode);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Three records as Koha writes them: 952 holdings (one lost, one withdrawn), 942 type, and one title without copies. */
    private static byte[] kohaExport() {
        Record first = MARC.newRecord("00000nam a2200000 a 4500");
        first.addVariableField(MARC.newControlField("001", "1001"));
        first.addVariableField(MARC.newControlField("003", "VN-KOHA"));
        first.addVariableField(MARC.newDataField("020", ' ', ' ', "a", "9786042123457"));
        first.addVariableField(MARC.newDataField("041", ' ', ' ', "a", "vie"));
        first.addVariableField(MARC.newDataField("082", '0', '4', "a", "895.9223"));
        first.addVariableField(MARC.newDataField("100", '1', ' ', "a", "Tô Hoài,"));
        first.addVariableField(MARC.newDataField("245", '1', '0', "a", "Dế Mèn phiêu lưu ký :", "b", "truyện dài /"));
        first.addVariableField(MARC.newDataField("250", ' ', ' ', "a", "Tái bản lần thứ 10"));
        first.addVariableField(MARC.newDataField("260", ' ', ' ', "b", "Kim Đồng,", "c", "2019."));
        first.addVariableField(MARC.newDataField("650", ' ', '4', "a", "Văn học thiếu nhi"));
        first.addVariableField(MARC.newDataField("650", ' ', '4', "a", "Truyện"));
        first.addVariableField(MARC.newDataField("942", ' ', ' ', "c", "STN"));
        first.addVariableField(MARC.newDataField("952", ' ', ' ', "p", "KOHA-1", "o", "895.9223 T450H", "d", "2024-05-01",
                "g", "45000", "e", "Mua", "7", "0"));
        first.addVariableField(MARC.newDataField("952", ' ', ' ', "p", "KOHA-2", "o", "895.9223 T450H", "d", "2024-05-01",
                "g", "45000.50", "7", "1"));
        first.addVariableField(MARC.newDataField("952", ' ', ' ', "p", "KOHA-7", "1", "3", "0", "0", "4", "0"));
        first.addVariableField(MARC.newDataField("952", ' ', ' ', "p", "KOHA-8", "o", "895.9223 T450H", "0", "1", "1", "0"));
        Record second = MARC.newRecord("00000nam a2200000 a 4500");
        second.addVariableField(MARC.newDataField("100", '1', ' ', "a", "Nam Cao"));
        second.addVariableField(MARC.newDataField("700", '1', ' ', "a", "Hà Minh Đức"));
        second.addVariableField(MARC.newDataField("245", '1', '0', "a", "Lão Hạc."));
        second.addVariableField(MARC.newDataField("942", ' ', ' ', "c", "SGK"));
        second.addVariableField(MARC.newDataField("852", ' ', ' ', "p", "KOHA-3", "h", "895.9223", "i", "N104C"));
        Record third = MARC.newRecord("00000nam a2200000 a 4500");
        third.addVariableField(MARC.newDataField("245", '1', '0', "a", "Tạp chí Toán tuổi thơ"));
        third.addVariableField(MARC.newDataField("942", ' ', ' ', "c", "CR"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        for (Record record : List.of(first, second, third)) {
            record.getLeader().setCharCodingScheme('a');
            writer.write(record);
        }
        writer.close();
        return out.toByteArray();
    }

    /** The finished job, which names the position of its last event. */
    private static ApiClient.Answer importAndWait(ApiClient api, String school, String fileName, byte[] file) {
        ApiClient.Answer accepted = api.upload("/api/v1/schools/" + school + "/imports", fileName, file,
                Map.of("kind", "CATALOGUE"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("Location").orElseThrow();
        ApiClient.Answer[] job = new ApiClient.Answer[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            job[0] = api.get(location);
            return !List.of("QUEUED", "RUNNING").contains(job[0].text("status"));
        });
        assertThat(job[0].text("status")).as(job[0].body()).isEqualTo("SUCCEEDED");
        assertThat(job[0].json().path("rejected").asInt()).as(job[0].body()).isZero();
        return job[0];
    }

    /** The copy's status as the query side's {@code GET copies/{barcode}} gives it. */
    private static String copyStatus(ApiClient api, String school, String barcode, long position) {
        ApiClient.Answer copy = api.get("/api/v1/schools/" + school + "/copies/" + barcode, "X-Min-Event-Position",
                Long.toString(position));
        assertThat(copy.status()).as(copy.body()).isEqualTo(200);
        return copy.text("status");
    }

    private static ApiClient.Download export(ApiClient api, String school, String format, long position) {
        ApiClient.Download export = api.download("/api/v1/schools/" + school + "/catalogue/export?format=" + format,
                "X-Min-Event-Position", Long.toString(position));
        assertThat(export.status()).as(new String(export.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        return export;
    }

    private static List<String> records(byte[] file) {
        List<String> records = new ArrayList<>();
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(file), "UTF-8");
        while (reader.hasNext()) {
            records.add(reader.next().toString());
        }
        return records;
    }

    /** The record's fields, without its leader (ISO 2709 and MARCXML write lengths and offsets apart). */
    private static List<String> withoutLeader(List<String> records) {
        return records.stream().map(record -> record.substring(record.indexOf('\n') + 1)).toList();
    }

    /** Without 001 and 003: a workbook does not carry the source record's control number. */
    private static List<String> withoutControlNumbers(List<String> records) {
        return withoutLeader(records).stream()
                .map(record -> record.lines().filter(line -> !line.startsWith("001") && !line.startsWith("003"))
                        .reduce("", (all, line) -> all + line + "\n"))
                .toList();
    }
}
