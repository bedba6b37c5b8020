package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.testing.ApiClient;

/**
 * The public catalogue (OPAC) over HTTP without a token: the school, the search that ignores
 * case and diacritics with availability and call number, a title with its copies on the shelf,
 * and never anything about a reader, although the school's titles are on loan and held.
 */
class PublicCatalogueIT extends RunningQuerySide {

    @Test
    void anyoneSearchesASchoolsCatalogueWithoutSeeingAnyReader() {
        TitleId deMen = TitleId.of(uuid("title:de-men"));
        TitleId datRung = TitleId.of(uuid("title:dat-rung"));
        long position = feed.append(
                new SchoolRegistered(school, "Trường Tiểu học Hoa Sen", List.of(EducationLevel.PRIMARY), AuthorityId.of("xa-hoa-sen")),
                new PatronRegistered(school, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT, null),
                new TitleCatalogued(school, deMen, "Dế Mèn phiêu lưu ký", List.of("Tô Hoài"), null, "Kim Đồng", 2020, "895.9223",
                        List.of("Văn học thiếu nhi"), DocType.CHILDREN, "vie"),
                new TitleCatalogued(school, datRung, "Đất rừng phương Nam", List.of("Đoàn Giỏi"), null, null, null, "895.9223",
                        List.of(), DocType.CHILDREN, "vie"),
                copy("TN-001", deMen), copy("TN-002", deMen), copy("TN-003", deMen), copy("TN-004", deMen),
                copy("TN-010", datRung),
                new CopyCheckedOut(school, LoanId.of(uuid("loan:1")), Barcode.of("TN-001"), deMen, "Dế Mèn phiêu lưu ký",
                        DocType.CHILDREN, PatronId.of("hs-001"), PatronCategory.STUDENT, ClassId.of("6a1"),
                        Instant.parse("2026-09-07T01:00:00Z"), today.plusDays(14), null),
                new CopyWithdrawn(school, Barcode.of("TN-002"), deMen, "Rách nát", today),
                new CopyReportedLost(school, Barcode.of("TN-004"), deMen, today, Instant.parse("2026-09-08T01:00:00Z"), "Mất",
                        null, null, null, null),
                new HoldPlaced(school, HoldId.of(uuid("hold:1")), datRung, PatronId.of("hs-002"), PatronCategory.STUDENT, null,
                        Instant.parse("2026-09-07T01:00:00Z"), 1));
        ApiClient anyone = api.as(null);
        String open = "/api/v1/public/schools/" + school.value();

        ApiClient.Answer theSchool = anyone.get(open, "X-Min-Event-Position", Long.toString(position));
        assertThat(theSchool.status()).as(theSchool.body()).isEqualTo(200);
        assertThat(theSchool.text("name")).isEqualTo("Trường Tiểu học Hoa Sen");
        assertThat(theSchool.json().path("educationLevels").get(0).asString()).isEqualTo("PRIMARY");

        ApiClient.Answer found = anyone.get(open + "/titles?q=de%20men");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode title = found.json().path("items").get(0);
        assertThat(found.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(title.path("title").asString()).isEqualTo("Dế Mèn phiêu lưu ký");
        assertThat(title.path("classification").asString()).isEqualTo("895.9223");
        assertThat(title.path("availableCopies").asInt()).isEqualTo(1);
        assertThat(title.path("totalCopies").asInt()).isEqualTo(2);
        assertThat(titles(anyone.get(open + "/titles?q=DOAN%20GIOI").json())).containsExactly("Đất rừng phương Nam");
        assertThat(titles(anyone.get(open + "/titles").json())).containsExactly("Đất rừng phương Nam", "Dế Mèn phiêu lưu ký");
        assertThat(anyone.get(open + "/titles?q=de%20men&size=1&page=0").json().path("size").asInt()).isEqualTo(1);

        ApiClient.Answer detail = anyone.get(open + "/titles/" + deMen);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(copies(detail.json())).containsExactly("TN-001:ON_LOAN", "TN-003:AVAILABLE");
        assertThat(detail.text("publisher")).isEqualTo("Kim Đồng");

        // nothing about a reader, although a copy is on loan and a title is held
        for (ApiClient.Answer answer : List.of(theSchool, found, detail, anyone.get(open + "/titles"),
                anyone.get(open + "/titles/" + datRung))) {
            assertThat(answer.body()).doesNotContain("hs-001", "hs-002", "Nguyễn Văn An", "\"6a1\"", "patronId", "loanId",
                    "borrow", "dueOn", "hold", "xa-hoa-sen");
        }
        // the staff's catalogue still wants a token
        assertThat(anyone.get(base + "/titles").status()).isEqualTo(401);
    }

    @Test
    void refusesAnUnknownSchoolOrTitleAndBadParameters() {
        ApiClient anyone = api.as(null);
        String open = "/api/v1/public/schools/" + school.value();
        assertThat(problem(anyone.get(open))).isEqualTo("404 SCHOOL_NOT_FOUND");
        assertThat(problem(anyone.get(open + "/titles?q=de"))).isEqualTo("404 SCHOOL_NOT_FOUND");
        assertThat(problem(anyone.get(open + "/titles/" + UUID.randomUUID()))).isEqualTo("404 TITLE_NOT_FOUND");
        assertThat(problem(anyone.get(open + "/titles/not-a-uuid"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(anyone.get("/api/v1/public/schools/Not_A_School"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(anyone.get(open + "/titles?size=201"))).isEqualTo("400 VALIDATION_FAILED");
        assertThat(problem(anyone.get(open + "/titles?q=" + "a".repeat(201)))).isEqualTo("400 VALIDATION_FAILED");
    }

    CopyAccessioned copy(String barcode, TitleId title) {
        return new CopyAccessioned(school, Barcode.of(barcode), title, "Sách", DocType.CHILDREN, LocalDate.of(2026, 8, 20),
                "Mua", new BigDecimal("45000"), true);
    }

    static List<String> titles(JsonNode page) {
        List<String> found = new ArrayList<>();
        page.path("items").forEach(item -> found.add(item.path("title").asString()));
        return found;
    }

    static List<String> copies(JsonNode title) {
        List<String> found = new ArrayList<>();
        title.path("copies").forEach(copy -> found.add(copy.path("barcode").asString() + ":" + copy.path("status").asString()));
        return found;
    }

    static String problem(ApiClient.Answer answer) {
        return answer.status() + " " + answer.text("code");
    }

    UUID uuid(String name) {
        return UUID.nameUUIDFromBytes((school.value() + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
