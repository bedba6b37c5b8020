package vn.motsach.local.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motsach.testing.LibraryFixture.refused;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolYear;
import vn.motsach.local.LocalApplication;
import vn.motsach.query.authorities.AuthorityCoverage;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestTokens;

/**
 * The tree of authorities through the whole application: a province's Sở above two commune
 * offices, built by the system's administrator and by the province's own; what each authority
 * may reach (below it at any depth, never a sibling or its parent), on the command, query and
 * analytics sides alike; and a school moved to another commune from next school year on.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorityTreeIT {

    private static final String PROVINCE = "so-gddt-cay-xanh";
    private static final String COMMUNE = "xa-cay-xanh-a";
    private static final String SIBLING = "xa-cay-xanh-b";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    AuthorityCoverage coverage;

    @Test
    void theTreeIsBuiltCheckedAndSeenFromAboveAtAnyDepth() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/authorities/" + PROVINCE, "{\"name\":\"Sở GD&ĐT Cây Xanh\",\"kind\":\"PROVINCE_DEPARTMENT\"}")
                .status()).isEqualTo(201);
        ApiClient.Answer again = admin.put("/api/v1/authorities/" + PROVINCE,
                "{\"name\":\"Sở GD&ĐT Cây Xanh\",\"kind\":\"PROVINCE_DEPARTMENT\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("kind")).isEqualTo("PROVINCE_DEPARTMENT");
        assertThat(admin.put("/api/v1/authorities/" + COMMUNE, commune("Phòng Văn hóa – Xã hội xã A", PROVINCE)).status())
                .isEqualTo(201);

        // bad input changes nothing and says why
        refused(admin.put("/api/v1/authorities/" + SIBLING, "{\"name\":\"Xã B\",\"kind\":\"TINH\",\"parentId\":\"" + PROVINCE + "\"}"),
                400, "VALIDATION_FAILED");
        refused(admin.put("/api/v1/authorities/" + SIBLING, commune("Xã B", "so-khong-co")), 404, "PARENT_AUTHORITY_NOT_FOUND");
        refused(admin.put("/api/v1/authorities/" + SIBLING, commune("Xã B", COMMUNE)), 409, "AUTHORITY_PARENT_NOT_ALLOWED");
        refused(admin.put("/api/v1/authorities/" + PROVINCE, commune("Sở GD&ĐT Cây Xanh", COMMUNE)), 409, "AUTHORITY_CYCLE");
        refused(admin.put("/api/v1/authorities/" + PROVINCE, "{\"name\":\"Sở\",\"kind\":\"PROVINCE_DEPARTMENT\",\"parentId\":\""
                + COMMUNE + "\"}"), 409, "AUTHORITY_CYCLE");

        // the province's administrator places a commune office below the province, and nothing elsewhere
        ApiClient province = admin.as(TestTokens.ofAuthority("so-cay-xanh", PROVINCE));
        assertThat(province.put("/api/v1/authorities/" + SIBLING, commune("Phòng Văn hóa – Xã hội xã B", PROVINCE)).status())
                .isEqualTo(201);
        refused(province.put("/api/v1/authorities/" + PROVINCE, "{\"name\":\"Sở\",\"kind\":\"PROVINCE_DEPARTMENT\"}"),
                404, "NOT_FOUND");
        refused(province.put("/api/v1/authorities/xa-cay-xanh-c", "{\"name\":\"Xã C\",\"kind\":\"COMMUNE_OFFICE\"}"),
                400, "VALIDATION_FAILED");
        assertThat(admin.put("/api/v1/authorities/so-gddt-ben-kia", "{\"name\":\"Sở bên kia\",\"kind\":\"PROVINCE_DEPARTMENT\"}")
                .status()).isEqualTo(201);
        refused(province.put("/api/v1/authorities/xa-cay-xanh-c", commune("Xã C", "so-gddt-ben-kia")), 404,
                "PARENT_AUTHORITY_NOT_FOUND");
        ApiClient commune = admin.as(TestTokens.ofAuthority("xa-a", COMMUNE));
        refused(commune.put("/api/v1/authorities/" + SIBLING, commune("Xã B", PROVINCE)), 404, "NOT_FOUND");

        // a school of commune A, seen from the province on every side; not from commune B
        LocalDate today = LocalDate.now(clock);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-cay-xanh", "THCS Cây Xanh", COMMUNE, today);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiClient.Answer metrics = province.get("/api/v1/authorities/" + COMMUNE + "/reading-metrics?period=WEEK&on=" + today);
            assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        });
        // the province's own metrics roll up the commune's school (analytics reads the tree from its topic)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiClient.Answer metrics = province.get("/api/v1/authorities/" + PROVINCE + "/reading-metrics?period=WEEK&on=" + today);
            assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
            assertThat(metrics.json().path("schools").get(0).path("schoolId").asString()).isEqualTo("thcs-cay-xanh");
        });
        assertThat(province.get("/api/v1/authorities/" + COMMUNE + "/schools").json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(province.get("/api/v1/authorities/" + PROVINCE + "/schools").json().path("totalItems").asLong()).isEqualTo(1);
        ApiClient sibling = admin.as(TestTokens.ofAuthority("xa-b", SIBLING));
        refused(sibling.get("/api/v1/authorities/" + COMMUNE + "/reading-metrics?period=WEEK"), 404, "NOT_FOUND");
        refused(sibling.get("/api/v1/authorities/" + COMMUNE + "/schools"), 404, "NOT_FOUND");
        refused(commune.get("/api/v1/authorities/" + PROVINCE + "/schools"), 404, "NOT_FOUND");
        refused(commune.get("/api/v1/authorities/" + PROVINCE + "/reading-metrics?period=WEEK"), 404, "NOT_FOUND");

        // moved to commune B from next school year on: this year stays with commune A
        SchoolYear thisYear = SchoolYear.of(LibraryFixture.schoolYearHolding(today));
        SchoolYear nextYear = SchoolYear.of(LibraryFixture.schoolYearHolding(today.plusYears(1)));
        ApiClient.Answer moved = school.expect(200, admin.put(school.base(), "{\"name\":\"THCS Cây Xanh\",\"educationLevels\":"
                + "[\"LOWER_SECONDARY\"],\"authorityId\":\"" + SIBLING + "\",\"authorityFromSchoolYear\":\"" + nextYear + "\"}"));
        assertThat(moved.text("authorityFromSchoolYear")).isEqualTo(nextYear.value());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(coverage.schoolsCoveredBy(AuthorityId.of(SIBLING), nextYear)).hasSize(1);
            assertThat(coverage.schoolsCoveredBy(AuthorityId.of(COMMUNE), nextYear)).isEmpty();
            assertThat(coverage.schoolsCoveredBy(AuthorityId.of(COMMUNE), thisYear)).hasSize(1);
            assertThat(coverage.schoolsCoveredBy(AuthorityId.of(SIBLING), thisYear)).isEmpty();
            assertThat(coverage.schoolsCoveredBy(AuthorityId.of(PROVINCE), thisYear)).hasSize(1);
            assertThat(coverage.schoolsCoveredBy(AuthorityId.of(PROVINCE), nextYear)).hasSize(1);
        });
        // this year's metrics stay with commune A; next year's go to commune B
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiClient.Answer next = province.get("/api/v1/authorities/" + SIBLING + "/reading-metrics?period=WEEK&on=" + today.plusYears(1));
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            assertThat(next.json().path("schools").get(0).path("schoolId").asString()).isEqualTo("thcs-cay-xanh");
        });
        assertThat(province.get("/api/v1/authorities/" + COMMUNE + "/reading-metrics?period=WEEK&on=" + today).json()
                .path("schools").get(0).path("schoolId").asString()).isEqualTo("thcs-cay-xanh");
        refused(province.get("/api/v1/authorities/" + SIBLING + "/reading-metrics?period=WEEK&on=" + today), 404,
                "AUTHORITY_NOT_FOUND");

        // the school's own administrator cannot move its past years, nor rename it out of its history
        ApiClient schoolAdmin = admin.as(TestTokens.ofSchool("hieu-truong-cay-xanh", "SCHOOL_ADMIN", "thcs-cay-xanh"));
        SchoolYear lastYear = SchoolYear.of(LibraryFixture.schoolYearHolding(today.minusYears(1)));
        ApiClient.Answer rewritten = schoolAdmin.put(school.base(), "{\"name\":\"THCS Cây Xanh\",\"educationLevels\":"
                + "[\"LOWER_SECONDARY\"],\"authorityId\":\"" + PROVINCE + "\",\"authorityFromSchoolYear\":\"" + lastYear + "\"}");
        assertThat(rewritten.status()).as(rewritten.body()).isEqualTo(400);
        assertThat(rewritten.text("code")).isEqualTo("VALIDATION_FAILED");
        school.expect(200, schoolAdmin.put(school.base(), "{\"name\":\"THCS Cây Xanh mới\",\"educationLevels\":"
                + "[\"LOWER_SECONDARY\"],\"authorityId\":\"" + SIBLING + "\",\"authorityFromSchoolYear\":\"" + nextYear + "\"}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(coverage.schoolsCoveredBy(AuthorityId.of(COMMUNE), thisYear)).hasSize(1);
            assertThat(coverage.schoolsCoveredBy(AuthorityId.of(COMMUNE), thisYear).get(0).name()).isEqualTo("THCS Cây Xanh mới");
        });
    }

    @Test
    void anAuthorityThatSchoolsNameBeforeTheTreeHoldsItCannotBeClaimedByAnotherAuthority() {
        ApiClient admin = new ApiClient(port);
        String province = "so-gddt-doi-cat";
        String unplaced = "xa-chua-vao-cay";
        assertThat(admin.put("/api/v1/authorities/" + province, "{\"name\":\"Sở GD&ĐT Đồi Cát\",\"kind\":\"PROVINCE_DEPARTMENT\"}")
                .status()).isEqualTo(201);
        LibraryFixture.lowerSecondaryThisYear(admin, "thcs-chua-vao-cay", "THCS Chưa Vào Cây", unplaced, LocalDate.now(clock));

        // the province's administrator may add new commune offices, but not take one that schools already chose
        ApiClient provinceAdmin = admin.as(TestTokens.ofAuthority("so-doi-cat", province));
        assertThat(provinceAdmin.put("/api/v1/authorities/xa-doi-cat-moi", commune("Xã Đồi Cát mới", province)).status())
                .isEqualTo(201);
        refused(provinceAdmin.put("/api/v1/authorities/" + unplaced, commune("Xã chưa vào cây", province)), 409,
                "AUTHORITY_NAMED_BY_SCHOOLS");
        refused(provinceAdmin.get("/api/v1/authorities/" + unplaced + "/schools"), 404, "NOT_FOUND");

        // the system's administrator places it, and then the province sees the school
        assertThat(admin.put("/api/v1/authorities/" + unplaced, commune("Xã chưa vào cây", province)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
                provinceAdmin.get("/api/v1/authorities/" + unplaced + "/schools").json().path("totalItems").asLong()).isEqualTo(1));
    }

    private static String commune(String name, String parent) {
        return "{\"name\":\"" + name + "\",\"kind\":\"COMMUNE_OFFICE\",\"parentId\":\"" + parent + "\"}";
    }
}
