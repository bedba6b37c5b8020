package vn.motsach.local.interop;

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
import vn.motsach.testing.TestTokens;

/**
 * Liên thông groups and their union catalogue end to end: an authority groups its own schools
 * only (the system's administrator may cross authorities), a work is one entry whatever its
 * spelling in each school, availability shows only where the group shares it, and a librarian of
 * a school outside the group, or another authority, sees nothing of it.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InteropGroupsEndToEndIT {

    private static final String AUTHORITY = "xa-lien-thong";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void aGroupsUnionCatalogueShowsOneEntryPerWorkToItsMembersOnly() {
        ApiClient admin = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        LibraryFixture a = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lt-a", "THCS Liên Thông A", AUTHORITY, today);
        LibraryFixture b = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lt-b", "THCS Liên Thông B", AUTHORITY, today);
        LibraryFixture outside = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lt-c", "THCS Ngoài Nhóm", AUTHORITY, today);
        LibraryFixture elsewhere = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lt-d", "THCS Xã Khác", "xa-khac-lt", today);
        a.patron("hs-an", "Nguyễn Văn An", "STUDENT", null);

        String deMenA = title(a, admin, "Dế Mèn phiêu lưu ký", "Tô Hoài", "978-604-2-08810-7", null);
        a.copy("A-001", deMenA);
        a.copy("A-002", deMenA);
        a.expect(201, a.checkOut("A-002", "hs-an"));
        String datRungA = title(a, admin, "Đất rừng phương Nam", "Đoàn Giỏi", null, 1957);
        a.copy("A-010", datRungA);
        String deMenB = title(b, admin, "Dế mèn phiêu lưu ký", "Tô Hoài", "9786042088107", null);
        b.copy("B-001", deMenB);
        String datRungB = title(b, admin, "ĐẤT RỪNG PHƯƠNG NAM.", "Doan Gioi", null, 1957);
        b.copy("B-010", datRungB);
        b.copy("B-011", datRungB);
        // another edition of the same story: another year, another work
        b.copy("B-020", title(b, admin, "Đất rừng phương Nam", "Đoàn Giỏi", null, 2019));
        outside.copy("C-001", title(outside, admin, "Dế Mèn phiêu lưu ký", "Tô Hoài", "9786042088107", null));

        ApiClient authority = admin.as(TestTokens.ofAuthority("sở-lt", AUTHORITY));
        String group = "/api/v1/authorities/" + AUTHORITY + "/interop-groups/nhom-lt-1";
        refused(authority.put(group, groupBody("THCS ngoài xã", "AVAILABILITY", "thcs-lt-a", "thcs-lt-d")), 404, "SCHOOL_NOT_FOUND");
        refused(authority.put(group, groupBody("Nhóm", "SOME", "thcs-lt-a")), 400, "VALIDATION_FAILED");
        a.expect(201, authority.put(group, groupBody("Cụm liên thông số 1", "AVAILABILITY", "thcs-lt-b", "thcs-lt-a")));
        ApiClient.Answer again = a.expect(200, authority.put(group, groupBody("Cụm liên thông số 1", "AVAILABILITY", "thcs-lt-a", "thcs-lt-b")));
        // the system's administrator may gather schools of two authorities
        ApiClient.Answer twoCommunes = a.expect(201, admin.put("/api/v1/authorities/" + AUTHORITY + "/interop-groups/nhom-lt-cheo",
                groupBody("Cụm hai xã", "CATALOGUE", "thcs-lt-a", "thcs-lt-d")));
        // read once the query side has both groups (the later's position covers the earlier)
        String position = Long.toString(Math.max(again.eventPosition(), twoCommunes.eventPosition()));

        ApiClient librarianA = admin.as(TestTokens.ofSchool("tv-lt-a", "LIBRARIAN", "thcs-lt-a"));
        JsonNode described = a.expect(200, librarianA.get("/api/v1/interop-groups/nhom-lt-1", "X-Min-Event-Position", position)).json();
        assertThat(described.path("name").asString()).isEqualTo("Cụm liên thông số 1");
        assertThat(described.path("sharing").asString()).isEqualTo("AVAILABILITY");
        assertThat(texts(described.path("schools"), "name")).containsExactly("THCS Liên Thông A", "THCS Liên Thông B");

        JsonNode deMen = a.expect(200, librarianA.get("/api/v1/interop-groups/nhom-lt-1/titles?q=de%20men")).json();
        assertThat(deMen.path("totalItems").asLong()).isEqualTo(1);
        JsonNode work = deMen.path("items").get(0);
        assertThat(texts(work.path("holdings"), "schoolId")).containsExactly("thcs-lt-a", "thcs-lt-b");
        assertThat(texts(work.path("holdings"), "titleId")).containsExactly(deMenA, deMenB);
        assertThat(texts(work.path("holdings"), "totalCopies")).containsExactly("2", "1");
        assertThat(texts(work.path("holdings"), "availableCopies")).containsExactly("1", "1");
        assertThat(work.toString()).doesNotContain("hs-an").doesNotContain("Nguyễn Văn An");

        JsonNode datRung = a.expect(200, librarianA.get("/api/v1/interop-groups/nhom-lt-1/titles?q=dat%20rung")).json();
        assertThat(datRung.path("totalItems").asLong()).isEqualTo(2);
        assertThat(texts(datRung.path("items").get(0).path("holdings"), "titleId")).containsExactly(datRungA, datRungB);
        assertThat(texts(datRung.path("items").get(1).path("holdings"), "schoolId")).containsExactly("thcs-lt-b");

        // a group that shares its catalogue only says nothing of availability
        JsonNode catalogueOnly = a.expect(200, librarianA.get("/api/v1/interop-groups/nhom-lt-cheo/titles?q=de%20men")).json();
        assertThat(catalogueOnly.path("items").get(0).path("holdings").get(0).has("availableCopies")
                && !catalogueOnly.path("items").get(0).path("holdings").get(0).path("availableCopies").isNull()).isFalse();

        JsonNode ofSchool = a.expect(200, librarianA.get(a.base() + "/interop-groups")).json();
        assertThat(texts(ofSchool.path("items"), "groupId")).containsExactly("nhom-lt-cheo", "nhom-lt-1");
        JsonNode ofAuthority = a.expect(200, authority.get("/api/v1/authorities/" + AUTHORITY + "/interop-groups")).json();
        assertThat(texts(ofAuthority.path("items"), "groupId")).contains("nhom-lt-1", "nhom-lt-cheo");
        a.expect(200, authority.get("/api/v1/interop-groups/nhom-lt-1/titles?q=de%20men"));

        // outside the group: as if it did not exist
        ApiClient librarianC = admin.as(TestTokens.ofSchool("tv-lt-c", "LIBRARIAN", "thcs-lt-c"));
        refused(librarianC.get("/api/v1/interop-groups/nhom-lt-1"), 404, "INTEROP_GROUP_NOT_FOUND");
        refused(librarianC.get("/api/v1/interop-groups/nhom-lt-1/titles?q=de%20men"), 404, "INTEROP_GROUP_NOT_FOUND");
        assertThat(a.expect(200, librarianC.get(outside.base() + "/interop-groups")).json().path("items").size()).isZero();
        ApiClient otherAuthority = admin.as(TestTokens.ofAuthority("so-khac", "xa-khac-lt"));
        refused(otherAuthority.get("/api/v1/interop-groups/nhom-lt-1/titles"), 404, "INTEROP_GROUP_NOT_FOUND");
        assertThat(otherAuthority.put(group, groupBody("Chiếm nhóm", "LENDING", "thcs-lt-d")).status()).isEqualTo(404);
        // and an authority cannot take over another's group by naming it under itself
        refused(admin.put("/api/v1/authorities/xa-khac-lt/interop-groups/nhom-lt-1", groupBody("Chiếm nhóm", "LENDING", "thcs-lt-d")),
                404, "INTEROP_GROUP_NOT_FOUND");
    }

    @Test
    void aProvincesAdministratorOpensTheGroupsOfItsCommuneOfficesAsItListsThem() {
        ApiClient admin = new ApiClient(port);
        String province = "so-lt-cay";
        String commune = "xa-lt-cay-a";
        String sibling = "xa-lt-cay-b";
        admin.put("/api/v1/authorities/" + province, "{\"name\":\"Sở GD&ĐT Liên Thông\",\"kind\":\"PROVINCE_DEPARTMENT\"}");
        for (String office : List.of(commune, sibling)) {
            assertThat(admin.put("/api/v1/authorities/" + office, "{\"name\":\"Xã %s\",\"kind\":\"COMMUNE_OFFICE\",\"parentId\":\"%s\"}"
                    .formatted(office, province)).status()).isEqualTo(201);
        }
        LocalDate today = LocalDate.now(clock);
        LibraryFixture a = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lt-cay-a", "THCS Cây A", commune, today);
        LibraryFixture b = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-lt-cay-b", "THCS Cây B", commune, today);
        a.copy("CA-001", title(a, admin, "Tuổi thơ dữ dội", "Phùng Quán", null, 1988));
        b.copy("CB-001", title(b, admin, "Tuổi thơ dữ dội", "Phùng Quán", null, 1988));
        ApiClient communeAdmin = admin.as(TestTokens.ofAuthority("xa-cay-a", commune));
        String position = Long.toString(a.expect(201, communeAdmin.put("/api/v1/authorities/" + commune + "/interop-groups/nhom-lt-cay",
                groupBody("Cụm xã Cây A", "AVAILABILITY", "thcs-lt-cay-a", "thcs-lt-cay-b"))).eventPosition());

        ApiClient provinceAdmin = admin.as(TestTokens.ofAuthority("so-lt-cay", province));
        JsonNode listed = a.expect(200, provinceAdmin.get("/api/v1/authorities/" + commune + "/interop-groups",
                "X-Min-Event-Position", position)).json();
        assertThat(texts(listed.path("items"), "groupId")).containsExactly("nhom-lt-cay");
        // what it lists it opens, with its union catalogue
        JsonNode opened = a.expect(200, provinceAdmin.get("/api/v1/interop-groups/nhom-lt-cay")).json();
        assertThat(opened.path("authorityId").asString()).isEqualTo(commune);
        JsonNode found = a.expect(200, provinceAdmin.get("/api/v1/interop-groups/nhom-lt-cay/titles?q=tuoi%20tho")).json();
        assertThat(texts(found.path("items").get(0).path("holdings"), "schoolId")).containsExactly("thcs-lt-cay-a", "thcs-lt-cay-b");
        // a sibling commune office, below the same province, is not above the group
        ApiClient siblingAdmin = admin.as(TestTokens.ofAuthority("xa-cay-b", sibling));
        refused(siblingAdmin.get("/api/v1/interop-groups/nhom-lt-cay"), 404, "INTEROP_GROUP_NOT_FOUND");
        refused(siblingAdmin.get("/api/v1/interop-groups/nhom-lt-cay/titles?q=tuoi%20tho"), 404, "INTEROP_GROUP_NOT_FOUND");
    }

    static String groupBody(String name, String sharing, String... schools) {
        return "{\"name\":\"%s\",\"sharing\":\"%s\",\"schoolIds\":[%s]}".formatted(name, sharing,
                String.join(",", java.util.Arrays.stream(schools).map(s -> "\"" + s + "\"").toList()));
    }

    static String title(LibraryFixture school, ApiClient api, String title, String author, String isbn, Integer year) {
        return school.expect(201, api.post(school.base() + "/titles", "{\"title\":\"%s\",\"authors\":[\"%s\"],%s%s\"docType\":\"CHILDREN\"}"
                .formatted(title, author, isbn == null ? "" : "\"isbn\":\"" + isbn + "\",",
                        year == null ? "" : "\"publishedYear\":" + year + ","))).text("titleId");
    }

    static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asString()));
        return texts;
    }
}
