package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolSupervisionChanged;
import vn.motsach.events.school.Supervision;
import vn.motsach.query.authorities.AuthorityCoverage;
import vn.motsach.query.authorities.AuthorityCoverage.CoveredSchool;
import vn.motsach.testing.TestTokens;

/**
 * The schools an authority covers in a school year, at any depth of the tree, with a school
 * moved from a legacy district office to a commune office after the 2024-2025 year: its old
 * year stays with the district office. The tree's rows are written as the command side writes
 * them with the tree's events; the schools come through the real event store.
 */
class AuthorityCoverageIT extends RunningQuerySide {

    private static final List<EducationLevel> PRIMARY = List.of(EducationLevel.PRIMARY);
    private static final SchoolYear Y2024 = SchoolYear.of("2024-2025");
    private static final SchoolYear Y2025 = SchoolYear.of("2025-2026");

    @Autowired
    AuthorityCoverage coverage;

    @Test
    void aProvinceCoversEverySchoolBelowItAndAMovedSchoolKeepsItsOldYear() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        AuthorityId province = AuthorityId.of("so-" + run);
        AuthorityId commune = AuthorityId.of("xa-a-" + run);
        AuthorityId sibling = AuthorityId.of("xa-b-" + run);
        AuthorityId district = AuthorityId.of("huyen-" + run);
        AuthorityId otherProvince = AuthorityId.of("so-khac-" + run);
        tree(province, null, "PROVINCE_DEPARTMENT");
        tree(commune, province, "COMMUNE_OFFICE");
        tree(sibling, province, "COMMUNE_OFFICE");
        tree(district, province, "DISTRICT_OFFICE");
        tree(otherProvince, null, "PROVINCE_DEPARTMENT");
        SchoolId ofCommune = SchoolId.of("th-a-" + run);
        SchoolId ofSibling = SchoolId.of("th-b-" + run);
        SchoolId ofDistrict = SchoolId.of("th-c-" + run);
        SchoolId moved = SchoolId.of("th-d-" + run);
        SchoolId upperSecondary = SchoolId.of("thpt-" + run);
        SchoolId elsewhere = SchoolId.of("th-e-" + run);
        feed.append(new SchoolRegistered(ofCommune, "TH A", PRIMARY, commune));
        feed.append(new SchoolRegistered(ofSibling, "TH B", PRIMARY, sibling));
        feed.append(new SchoolRegistered(ofDistrict, "TH C", PRIMARY, district));
        feed.append(new SchoolRegistered(upperSecondary, "THPT Một", List.of(EducationLevel.UPPER_SECONDARY), province));
        feed.append(new SchoolRegistered(elsewhere, "TH E", PRIMARY, otherProvince));
        feed.append(new SchoolRegistered(moved, "TH D", PRIMARY, district));
        long position = feed.append(new SchoolDetailsChanged(moved, "TH D", PRIMARY, commune),
                new SchoolSupervisionChanged(moved, List.of(new Supervision(null, district), new Supervision(Y2025, commune))));
        // the projections have caught up once the query side answers at that position
        assertThat(api.as(TestTokens.systemAdmin()).get("/api/v1/schools/" + moved.value(), "X-Min-Event-Position",
                Long.toString(position)).status()).isEqualTo(200);

        assertThat(ids(coverage.schoolsCoveredBy(province, Y2024)))
                .containsExactly(ofCommune.value(), ofSibling.value(), ofDistrict.value(), moved.value(), upperSecondary.value());
        assertThat(ids(coverage.schoolsCoveredBy(province, Y2025)))
                .containsExactly(ofCommune.value(), ofSibling.value(), ofDistrict.value(), moved.value(), upperSecondary.value());
        assertThat(ids(coverage.schoolsCoveredBy(commune, Y2024))).containsExactly(ofCommune.value());
        assertThat(ids(coverage.schoolsCoveredBy(commune, Y2025))).containsExactly(ofCommune.value(), moved.value());
        assertThat(ids(coverage.schoolsCoveredBy(district, Y2024))).containsExactly(ofDistrict.value(), moved.value());
        assertThat(ids(coverage.schoolsCoveredBy(district, Y2025))).containsExactly(ofDistrict.value());
        assertThat(ids(coverage.schoolsCoveredBy(sibling, Y2025))).containsExactly(ofSibling.value());
        assertThat(coverage.schoolsCoveredBy(district, Y2024)).contains(
                new CoveredSchool(moved.value(), "TH D", PRIMARY, district.value()));
        assertThat(coverage.schoolsCoveredBy(commune, Y2025)).contains(
                new CoveredSchool(moved.value(), "TH D", PRIMARY, commune.value()));

        // the system's administrator's directory: the tree's authorities and one only a school names
        AuthorityId unplaced = AuthorityId.of("xa-ngoai-" + run);
        long named = feed.append(new SchoolRegistered(SchoolId.of("th-f-" + run), "TH F", PRIMARY, unplaced));
        Map<String, String> directory = new HashMap<>();
        api.as(TestTokens.systemAdmin()).get("/api/v1/authorities?size=200", "X-Min-Event-Position", Long.toString(named)).json()
                .path("items").forEach(item -> directory.put(item.path("authorityId").asString(), item.path("schoolCount").asLong()
                        + "/" + item.path("schoolsBelow").asLong() + " " + item.path("inTree").asBoolean() + " "
                        + item.path("kind").asString("-") + " " + item.path("parentId").asString("-")));
        assertThat(directory).containsEntry(province.value(), "1/5 true PROVINCE_DEPARTMENT -")
                .containsEntry(commune.value(), "2/2 true COMMUNE_OFFICE " + province.value())
                .containsEntry(district.value(), "1/1 true DISTRICT_OFFICE " + province.value())
                .containsEntry(otherProvince.value(), "1/1 true PROVINCE_DEPARTMENT -")
                .containsEntry(unplaced.value(), "1/1 false - -");
    }

    @Test
    void anAuthorityListsTheSchoolsBelowItButNotASiblingsOrItsParents() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        AuthorityId province = AuthorityId.of("so-" + run);
        AuthorityId commune = AuthorityId.of("xa-a-" + run);
        AuthorityId sibling = AuthorityId.of("xa-b-" + run);
        tree(province, null, "PROVINCE_DEPARTMENT");
        tree(commune, province, "COMMUNE_OFFICE");
        tree(sibling, province, "COMMUNE_OFFICE");
        feed.append(new SchoolRegistered(SchoolId.of("th-a-" + run), "TH A", PRIMARY, commune));
        long position = feed.append(new SchoolRegistered(SchoolId.of("th-b-" + run), "TH B", PRIMARY, sibling));

        JsonNode ofProvince = api.as(TestTokens.ofAuthority("so", province.value()))
                .get("/api/v1/authorities/" + province.value() + "/schools", "X-Min-Event-Position", Long.toString(position)).json();
        assertThat(ofProvince.path("totalItems").asLong()).isEqualTo(2);
        // the province's administrator reads a commune office's list too, at any depth
        assertThat(api.as(TestTokens.ofAuthority("so", province.value()))
                .get("/api/v1/authorities/" + commune.value() + "/schools").json().path("totalItems").asLong()).isEqualTo(1);
        // a commune office sees neither its sibling's schools nor its province's list
        assertThat(api.as(TestTokens.ofAuthority("xa", commune.value()))
                .get("/api/v1/authorities/" + sibling.value() + "/schools").status()).isEqualTo(404);
        assertThat(api.as(TestTokens.ofAuthority("xa", commune.value()))
                .get("/api/v1/authorities/" + province.value() + "/schools").status()).isEqualTo(404);
    }

    /** The tree's row, as the command side writes it with the tree's events. */
    private void tree(AuthorityId authority, AuthorityId parent, String kind) {
        jdbc.sql("insert into authority_tree (authority_id, name, kind, parent_id) values (?, ?, ?, ?)")
                .params(authority.value(), authority.value(), kind, parent == null ? null : parent.value())
                .update();
    }

    private static List<String> ids(List<CoveredSchool> schools) {
        return schools.stream().map(CoveredSchool::schoolId).toList();
    }
}
