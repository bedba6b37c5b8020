package vn.motsach.local.stocktaking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * A stocktake end to end on the local application while circulation goes on: a scanner's
 * batches with unknown and repeated barcodes, a copy lent during the stocktake and one on loan
 * since before it kept apart from the missing, copies out of scope or withdrawn found
 * unexpected, closing with findings that stay as they stood at the close, missing copies marked
 * lost, and the refusals.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StocktakingEndToEndIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void aStocktakeKeepsCopiesLentMeanwhileApartFromTheMissingOnes() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, "thcs-kiem-ke", "THCS Kiểm Kê", "xa-kiem-ke",
                LocalDate.now(clock));
        String base = school.base();
        school.patron("gv-lan", "Nguyễn Thị Ánh Tuyết", "TEACHER", null);
        String duong = title(school, api, "Đường về nhà", "CHILDREN", "895.922");
        String toan = title(school, api, "Toán 6", "TEXTBOOK", "510");
        for (String barcode : List.of("KK-001", "KK-002", "KK-003", "KK-004", "KK-005")) {
            school.copy(barcode, duong);
        }
        school.copy("KK-010", toan);
        school.expect(200, api.post(base + "/copies/KK-005/withdrawal", "{\"reason\":\"Rách nát\"}"));
        school.expect(201, school.checkOut("KK-004", "gv-lan"));

        ApiClient.Answer started = school.expect(201, api.post(base + "/stocktakes",
                "{\"name\":\"Kiểm kê cuối năm\",\"scope\":{\"docTypes\":[\"CHILDREN\"]}}"));
        String stocktake = started.text("stocktakeId");
        String path = base + "/stocktakes/" + stocktake;

        JsonNode first = school.expect(200, api.post(path + "/scans",
                "{\"barcodes\":[\"KK-001\",\"KK-001\",\"KK-010\",\"XX-999\",\"KK-005\"]}")).json();
        assertThat(first.path("scanned").asInt()).isEqualTo(3);
        assertThat(texts(first.path("unknown"))).containsExactly("XX-999");
        assertThat(texts(first.path("alreadyScanned"))).containsExactly("KK-001");
        // circulation goes on: a copy lent while the shelves are scanned, and one on loan since before brought back
        school.expect(201, school.checkOut("KK-002", "gv-lan"));
        ApiClient.Answer broughtBack = school.expect(200, school.checkIn("KK-004"));
        ApiClient.Answer second = school.expect(200, api.post(path + "/scans", "{\"barcodes\":[\"KK-001\",\"XX-999\"]}"));
        assertThat(second.json().path("scanned").asInt()).isZero();
        assertThat(texts(second.json().path("alreadyScanned"))).containsExactly("KK-001");
        assertThat(texts(second.json().path("unknown"))).containsExactly("XX-999");

        // the second batch stores nothing (every code already scanned or unknown), so its position is the first
        // batch's: read after the loans too
        long written = Math.max(second.eventPosition(), broughtBack.eventPosition());
        JsonNode open = school.expect(200, api.get(path, "X-Min-Event-Position", Long.toString(written))).json();
        assertThat(open.path("status").asString()).isEqualTo("OPEN");
        assertThat(open.path("name").asString()).isEqualTo("Kiểm kê cuối năm");
        assertThat(open.path("expected").asInt()).isEqualTo(4);
        assertThat(open.path("scanned").asInt()).isEqualTo(3);
        assertThat(open.path("found").asInt()).isEqualTo(1);
        assertThat(open.path("onLoan").asInt()).isEqualTo(2);
        assertThat(barcodes(open.path("onLoanCopies"))).containsExactly("KK-002", "KK-004");
        assertThat(barcodes(open.path("missing"))).containsExactly("KK-003");
        assertThat(open.path("missing").get(0).path("title").asString()).isEqualTo("Đường về nhà");
        assertThat(barcodes(open.path("unexpected"))).containsExactly("KK-005", "KK-010", "XX-999");
        assertThat(texts(open.path("unexpected"), "reason")).containsExactly("NOT_IN_CIRCULATION", "OUT_OF_SCOPE", "UNKNOWN");

        ApiClient.Answer closed = school.expect(200, api.post(path + "/closing", "{\"markMissingAsLost\":false}"));
        assertThat(closed.json().path("expected").asInt()).isEqualTo(4);
        assertThat(closed.json().path("missing").asInt()).isEqualTo(1);
        assertThat(closed.json().path("onLoan").asInt()).isEqualTo(2);
        assertThat(closed.json().path("markedLost").asInt()).isZero();
        // the findings stay as they stood at the close: a missing copy lent after it is still missing, a found
        // copy withdrawn after it still expected and found
        school.expect(201, school.checkOut("KK-003", "gv-lan"));
        ApiClient.Answer withdrawnAfter = school.expect(200, api.post(base + "/copies/KK-001/withdrawal", "{\"reason\":\"Cũ\"}"));
        JsonNode done = school.expect(200, api.get(path, "X-Min-Event-Position", Long.toString(withdrawnAfter.eventPosition())))
                .json();
        assertThat(done.path("status").asString()).isEqualTo("CLOSED");
        assertThat(done.path("closedAt").asString()).isNotBlank();
        assertThat(done.path("expected").asInt()).isEqualTo(4);
        assertThat(done.path("found").asInt()).isEqualTo(1);
        assertThat(barcodes(done.path("missing"))).containsExactly("KK-003");
        assertThat(barcodes(done.path("onLoanCopies"))).containsExactly("KK-002", "KK-004");
        assertThat(barcodes(done.path("unexpected"))).containsExactly("KK-005", "KK-010", "XX-999");
        assertThat(texts(done.path("unexpected"), "reason")).containsExactly("NOT_IN_CIRCULATION", "OUT_OF_SCOPE", "UNKNOWN");
        assertThat(done.path("missingMarkedLost").asBoolean()).isFalse();
        assertThat(closed.eventPosition()).isPositive();

        refused(api.post(path + "/scans", "{\"barcodes\":[\"KK-003\"]}"), 409, "STOCKTAKE_CLOSED");
        refused(api.post(path + "/closing", "{\"markMissingAsLost\":false}"), 409, "STOCKTAKE_CLOSED");
        JsonNode list = school.expect(200, api.get(base + "/stocktakes")).json();
        assertThat(list.path("items").get(0).path("stocktakeId").asString()).isEqualTo(stocktake);
        assertThat(list.path("items").get(0).path("status").asString()).isEqualTo("CLOSED");
        assertThat(list.path("items").get(0).path("scanned").asInt()).isEqualTo(3);
    }

    @Test
    void closingCanMarkTheMissingCopiesLostAndTheyLeaveCirculation() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, "thcs-kiem-ke-mat", "THCS Kiểm Kê Mất", "xa-kiem-ke",
                LocalDate.now(clock));
        String base = school.base();
        school.patron("gv-lan", "Nguyễn Thị Ánh Tuyết", "TEACHER", null);
        String duong = title(school, api, "Đường về nhà", "CHILDREN", "895.922");
        String tu = title(school, api, "Từ điển tiếng Việt", "REFERENCE", "030");
        for (String barcode : List.of("ML-1", "ML-2", "ML-3", "ML-4")) {
            school.copy(barcode, duong);
        }
        school.copy("ML-9", tu);
        school.expect(201, school.checkOut("ML-4", "gv-lan"));

        String path = base + "/stocktakes/" + school.expect(201, api.post(base + "/stocktakes",
                "{\"name\":\"Kiểm kê văn học\",\"scope\":{\"classificationPrefix\":\"895\"}}")).text("stocktakeId");
        school.expect(200, api.post(path + "/scans", "{\"barcodes\":[\"ML-1\"]}"));
        // lent and back during the stocktake: it may have been away when its shelf was scanned
        school.expect(201, school.checkOut("ML-2", "gv-lan"));
        school.expect(200, school.checkIn("ML-2"));

        ApiClient.Answer closed = school.expect(200, api.post(path + "/closing", "{\"markMissingAsLost\":true}"));
        assertThat(closed.json().path("expected").asInt()).isEqualTo(4);
        assertThat(closed.json().path("missing").asInt()).isEqualTo(1);
        assertThat(closed.json().path("onLoan").asInt()).isEqualTo(2);
        assertThat(closed.json().path("markedLost").asInt()).isEqualTo(1);

        // the missing copy left circulation; the copy out of scope, not scanned, was not judged at all
        refused(school.checkOut("ML-3", "gv-lan"), 409, "COPY_LOST");
        school.expect(201, school.checkOut("ML-9", "gv-lan"));
        String after = Long.toString(closed.eventPosition());
        assertThat(school.expect(200, api.get(base + "/copies/ML-3", "X-Min-Event-Position", after)).text("status"))
                .isEqualTo("LOST");
        // and the closed stocktake still lists it missing, as it stood at the close
        JsonNode done = school.expect(200, api.get(path, "X-Min-Event-Position", after)).json();
        assertThat(done.path("expected").asInt()).isEqualTo(4);
        assertThat(barcodes(done.path("missing"))).containsExactly("ML-3");
        assertThat(done.path("missing").get(0).path("title").asString()).isEqualTo("Đường về nhà");
        assertThat(barcodes(done.path("onLoanCopies"))).containsExactly("ML-2", "ML-4");
        assertThat(done.path("missingMarkedLost").asBoolean()).isTrue();
        refused(api.post(path + "/closing", "{\"markMissingAsLost\":true}"), 409, "STOCKTAKE_CLOSED");
    }

    @Test
    void badScansAndUnknownStocktakesAreRefused() {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, "thcs-kiem-ke-sai", "THCS Kiểm Kê Sai",
                "xa-kiem-ke", LocalDate.now(clock));
        String base = school.base();
        refused(api.post(base + "/stocktakes", "{\"scope\":{\"docTypes\":[\"SACH\"]}}"), 400, "VALIDATION_FAILED");
        String path = base + "/stocktakes/" + school.expect(201, api.post(base + "/stocktakes", "{\"name\":\"Kiểm kê\"}"))
                .text("stocktakeId");
        refused(api.post(path + "/scans", "{\"barcodes\":[]}"), 400, "VALIDATION_FAILED");
        refused(api.post(path + "/scans", "{\"barcodes\":[\"có dấu\"]}"), 400, "VALIDATION_FAILED");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add("\"B-" + i + "\"");
        }
        refused(api.post(path + "/scans", "{\"barcodes\":[" + String.join(",", tooMany) + "]}"), 400, "VALIDATION_FAILED");
        String unknown = base + "/stocktakes/00000000-0000-0000-0000-000000000001";
        refused(api.post(unknown + "/scans", "{\"barcodes\":[\"B-1\"]}"), 404, "STOCKTAKE_NOT_FOUND");
        refused(api.post(unknown + "/closing", "{\"markMissingAsLost\":false}"), 404, "STOCKTAKE_NOT_FOUND");
        refused(api.get(unknown), 404, "STOCKTAKE_NOT_FOUND");
    }

    private static String title(LibraryFixture school, ApiClient api, String title, String docType, String classification) {
        return school.expect(201, api.post(school.base() + "/titles", "{\"title\":\"" + title + "\",\"authors\":[\"Tô Hoài\"],"
                + "\"docType\":\"" + docType + "\",\"classification\":\"" + classification + "\"}")).text("titleId");
    }

    private static List<String> barcodes(JsonNode lines) {
        return texts(lines, "barcode");
    }

    private static List<String> texts(JsonNode lines, String field) {
        List<String> values = new ArrayList<>();
        lines.forEach(line -> values.add(line.path(field).asString()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
