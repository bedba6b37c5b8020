package vn.motsach.local.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.infra.time.TimeAutoConfiguration;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * Catalogue upkeep from the request to the views, over HTTP and the real PostgreSQL and Kafka:
 * a revised title is found by its new words and shown under its new name by its copies and
 * loans; intakes list their copies and value; a lost copy leaves circulation and its loan closes.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueUpkeepEndToEndIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    ApiClient api;
    LibraryFixture library;
    long position;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aRevisedTitleIsFoundAndShownByItsNewNameEverywhere() {
        school("thcs-revise");
        String title = library.expect(201, api.post(library.base() + "/titles",
                "{\"title\":\"De Men phieu luu ky\",\"authors\":[\"To Hoai\"],\"docType\":\"CHILDREN\"}")).text("titleId");
        library.copy("DM-1", title);
        library.copy("DM-2", title);
        library.expect(201, library.checkOut("DM-1", "hs-an"));

        position = library.expect(200, api.put(library.base() + "/titles/" + title, """
                {"title":"Dế Mèn phiêu lưu ký","authors":["Tô Hoài"],"publisher":"Kim Đồng","subjects":["Truyện thiếu nhi"],
                 "docType":"CHILDREN","language":"vie"}""")).eventPosition();

        assertThat(titles(get("/titles?q=de%20men%20phieu").json())).containsExactly("Dế Mèn phiêu lưu ký");
        assertThat(titles(get("/titles?q=T%C3%94%20HO%C3%80I").json())).containsExactly("Dế Mèn phiêu lưu ký");
        assertThat(titles(get("/titles?q=truyen%20thieu%20nhi").json())).containsExactly("Dế Mèn phiêu lưu ký");
        assertThat(get("/titles/" + title).text("publisher")).isEqualTo("Kim Đồng");
        assertThat(get("/copies/DM-2").text("title")).isEqualTo("Dế Mèn phiêu lưu ký");
        assertThat(get("/copies?titleId=" + title).json().path("items").findValuesAsString("title"))
                .containsOnly("Dế Mèn phiêu lưu ký");
        assertThat(get("/patrons/hs-an/loans").json().path("items").get(0).path("title").asString())
                .isEqualTo("Dế Mèn phiêu lưu ký");
        assertThat(get("/patrons/hs-an").json().path("openLoans").get(0).path("title").asString())
                .isEqualTo("Dế Mèn phiêu lưu ký");
    }

    @Test
    void intakesListTheirCopiesAndTheirValue() {
        school("thcs-intake");
        String title = library.title("Tiếng Việt 5");
        String bought = library.expect(201, api.post(library.base() + "/intakes",
                "{\"receivedOn\":\"" + today().minusDays(3) + "\",\"source\":\"PURCHASE\",\"documentNo\":\"HĐ 0012\"}"))
                .text("intakeId");
        String given = library.expect(201, api.post(library.base() + "/intakes",
                "{\"receivedOn\":\"" + today() + "\",\"source\":\"DONATION\",\"note\":\"Hội cha mẹ học sinh tặng\"}"))
                .text("intakeId");
        library.expect(201, api.post(library.base() + "/copies",
                "{\"barcode\":\"TV-1\",\"titleId\":\"" + title + "\",\"price\":32000,\"intakeId\":\"" + bought + "\"}"));
        position = library.expect(201, api.post(library.base() + "/copies",
                "{\"barcode\":\"TV-2\",\"titleId\":\"" + title + "\",\"price\":32000,\"intakeId\":\"" + bought + "\"}"))
                .eventPosition();

        JsonNode intakes = get("/intakes").json();

        assertThat(intakes.path("totalItems").asLong()).isEqualTo(2);
        JsonNode first = intakes.path("items").get(0);
        assertThat(first.path("intakeId").asString()).isEqualTo(bought);
        assertThat(first.path("source").asString()).isEqualTo("PURCHASE");
        assertThat(first.path("documentNo").asString()).isEqualTo("HĐ 0012");
        assertThat(first.path("copies").asLong()).isEqualTo(2);
        assertThat(first.path("totalValue").decimalValue()).isEqualByComparingTo("64000");
        JsonNode second = intakes.path("items").get(1);
        assertThat(second.path("intakeId").asString()).isEqualTo(given);
        assertThat(second.path("copies").asLong()).isZero();
        assertThat(get("/copies/TV-1").text("intakeId")).isEqualTo(bought);
        assertThat(get("/intakes?from=" + today()).json().path("items").findValuesAsString("intakeId")).containsExactly(given);
        refused(api.get(library.base() + "/intakes?from=" + today() + "&to=" + today().minusDays(1)), 400, "VALIDATION_FAILED");
        refused(api.get(library.base() + "/intakes?size=201"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aLostCopyShowsLostItsLoanClosesAndTheTitleCountsItNoMore() {
        school("thcs-loss");
        String title = library.title("Tôi thấy hoa vàng trên cỏ xanh");
        library.copy("HV-1", title);
        library.copy("HV-2", title);
        String loanId = library.expect(201, library.checkOut("HV-1", "hs-an")).text("loanId");

        position = library.expect(200, api.post(library.base() + "/copies/HV-1/loss", "{\"note\":\"Em làm mất\"}"))
                .eventPosition();

        ApiClient.Answer copy = get("/copies/HV-1");
        assertThat(copy.text("status")).isEqualTo("LOST");
        assertThat(copy.json().path("loan").isMissingNode() || copy.json().path("loan").isNull()).isTrue();
        assertThat(copy.text("lossNote")).isEqualTo("Em làm mất");
        assertThat(get("/copies?status=LOST").json().path("items").findValuesAsString("barcode")).containsExactly("HV-1");
        JsonNode titleView = get("/titles/" + title).json();
        assertThat(titleView.path("totalCopies").asInt()).isEqualTo(1);
        assertThat(titleView.path("availableCopies").asInt()).isEqualTo(1);
        JsonNode loan = get("/loans/" + loanId).json();
        assertThat(loan.path("lost").asBoolean()).isTrue();
        assertThat(loan.path("returnedAt").asString()).isNotBlank();
        assertThat(get("/patrons/hs-an/loans?status=OPEN").json().path("items")).isEmpty();
        assertThat(get("/loans").json().path("items").findValuesAsString("loanId")).doesNotContain(loanId);
        refused(api.get(library.base() + "/copies?status=MISSING"), 400, "VALIDATION_FAILED");
    }

    /** A school whose school year holds today, with class 6A1 and two students. */
    private void school(String school) {
        library = LibraryFixture.lowerSecondaryThisYear(api, school, "THCS " + school, "xa-upkeep", today());
        library.expect(201, api.put(library.base() + "/classes/6a1",
                "{\"name\":\"6A1\",\"grade\":6,\"schoolYear\":\"" + LibraryFixture.schoolYearHolding(today()) + "\"}"));
        library.patron("hs-an", "Nguyễn Văn An", "STUDENT", "6a1");
        library.patron("hs-binh", "Trần Thị Bình", "STUDENT", "6a1");
    }

    private ApiClient.Answer get(String path) {
        return library.expect(200, api.get(library.base() + path, "X-Min-Event-Position", Long.toString(position)));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeAutoConfiguration.SCHOOL_ZONE));
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }
}
