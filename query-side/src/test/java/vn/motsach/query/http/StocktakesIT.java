package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.StocktakeId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.stocktake.CopiesScanned;
import vn.motsach.events.stocktake.StocktakeScope;
import vn.motsach.events.stocktake.StocktakeStarted;

/**
 * A stocktake's findings on the query side, fed with events: a classification prefix for
 * scope, a copy on loan since before the start kept apart, a batch of scans delivered twice
 * counted once.
 */
class StocktakesIT extends RunningQuerySide {

    @Test
    void aStocktakeOfAClassificationJudgesItsCopiesAndCountsARedeliveredBatchOnce() {
        TitleId literature = TitleId.of(UUID.randomUUID());
        TitleId maths = TitleId.of(UUID.randomUUID());
        StocktakeId stocktake = StocktakeId.of(UUID.randomUUID());
        Instant now = clock.instant();
        CopiesScanned batch = new CopiesScanned(school, stocktake, now.minus(10, ChronoUnit.MINUTES),
                List.of(Barcode.of("A-1"), Barcode.of("B-1")), List.of(Barcode.of("ZZ-1")));
        feed.append(new TitleCatalogued(school, literature, "Đường về nhà", List.of("Nguyễn Thị Ánh Tuyết"), null, null, null,
                        "895.922", List.of(), DocType.CHILDREN, "vie"),
                new TitleCatalogued(school, maths, "Toán 6", List.of(), null, null, null, "510", List.of(), DocType.TEXTBOOK, "vie"),
                copy("A-1", literature, "Đường về nhà", DocType.CHILDREN), copy("A-2", literature, "Đường về nhà", DocType.CHILDREN),
                copy("A-3", literature, "Đường về nhà", DocType.CHILDREN), copy("B-1", maths, "Toán 6", DocType.TEXTBOOK),
                new CopyCheckedOut(school, LoanId.of(UUID.randomUUID()), Barcode.of("A-3"), literature, "Đường về nhà",
                        DocType.CHILDREN, PatronId.of("gv-01"), PatronCategory.TEACHER, null, now.minus(2, ChronoUnit.HOURS),
                        today.plusDays(30), null),
                new StocktakeStarted(school, stocktake, "Kiểm kê văn học", new StocktakeScope(List.of(), "895"),
                        now.minus(1, ChronoUnit.HOURS)),
                batch);
        long position = feed.append(batch);

        JsonNode found = api.get(base + "/stocktakes/" + stocktake.value(), "X-Min-Event-Position", Long.toString(position))
                .json();
        assertThat(found.path("status").asString()).isEqualTo("OPEN");
        assertThat(found.path("scope").path("classificationPrefix").asString()).isEqualTo("895");
        assertThat(found.path("expected").asInt()).isEqualTo(3);
        assertThat(found.path("scanned").asInt()).isEqualTo(2);
        assertThat(found.path("found").asInt()).isEqualTo(1);
        assertThat(texts(found.path("onLoanCopies"), "barcode")).containsExactly("A-3");
        assertThat(texts(found.path("missing"), "barcode")).containsExactly("A-2");
        assertThat(texts(found.path("missing"), "title")).containsExactly("Đường về nhà");
        assertThat(texts(found.path("unexpected"), "barcode")).containsExactly("B-1", "ZZ-1");
        assertThat(texts(found.path("unexpected"), "reason")).containsExactly("OUT_OF_SCOPE", "UNKNOWN");
        JsonNode list = api.get(base + "/stocktakes").json();
        assertThat(texts(list.path("items"), "name")).containsExactly("Kiểm kê văn học");
        assertThat(list.path("items").get(0).path("scanned").asInt()).isEqualTo(2);
        assertThat(api.get(base + "/stocktakes/not-a-uuid").text("code")).isEqualTo("VALIDATION_FAILED");
    }

    private CopyAccessioned copy(String barcode, TitleId title, String name, DocType type) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, name, type, LocalDate.of(2025, 9, 5), "Mua",
                new BigDecimal("45000"), true);
    }

    private static List<String> texts(JsonNode lines, String field) {
        List<String> values = new ArrayList<>();
        lines.forEach(line -> values.add(line.path(field).asString()));
        return values;
    }
}
