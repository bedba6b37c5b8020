package vn.motsach.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.OPTIONS;
import static org.springframework.http.HttpMethod.POST;
import static vn.motsach.infra.security.RouteRules.DESK;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motsach.infra.security.AccessRules.Kind;

class AccessRulesTest {

    private final RouteRules administration = RouteRules.builder().system(GET, "/api/v1/admin/**").build();
    private final RouteRules audit = RouteRules.builder().open(GET, "/api/v1/admin/status").build();

    @Test
    void theMostSpecificRuleDecidesWhateverTheOrderTheSidesCameIn() {
        for (List<RouteRules> sides : List.of(List.of(administration, audit), List.of(audit, administration))) {
            AccessRules rules = new AccessRules(sides);
            assertThat(rules.ruleFor("GET", "/api/v1/admin/status")).get().extracting(AccessRules.Rule::kind).isEqualTo(Kind.OPEN);
            assertThat(rules.ruleFor("GET", "/api/v1/admin/other")).get().extracting(AccessRules.Rule::kind).isEqualTo(Kind.SYSTEM);
        }
    }

    @Test
    void aSchoolRouteIsUnderItsSchool() {
        AccessRules rules = new AccessRules(List.of(RouteRules.builder().school(GET, "/titles", DESK).build()));

        assertThat(rules.ruleFor("GET", "/api/v1/schools/th-a/titles")).get().extracting(AccessRules.Rule::roles).isEqualTo(DESK);
        assertThat(rules.ruleFor("POST", "/api/v1/schools/th-a/titles")).isEmpty();
        assertThat(rules.ruleFor("GET", "/titles")).isEmpty();
    }

    @Test
    void thePathOfARouteTellsEveryMethodItTakesWhicheverSideDeclaredThem() {
        AccessRules rules = new AccessRules(List.of(RouteRules.builder().school(POST, "/titles", DESK).build(),
                RouteRules.builder().school(GET, "/titles", DESK).build()));

        assertThat(rules.methodsAt("/api/v1/schools/th-a/titles")).containsExactly(GET, HEAD, OPTIONS, POST);
        assertThat(rules.methodsAt("/api/v1/schools/th-a/khong-co")).isEmpty();
    }

    @Test
    void aHeadIsDecidedAsTheGetOfItsRouteAndIsTakenWhereAGetIs() {
        AccessRules rules = new AccessRules(List.of(RouteRules.builder().school(GET, "/titles", DESK).school(POST, "/loans", DESK)
                .build()));

        assertThat(rules.ruleFor("HEAD", "/api/v1/schools/th-a/titles")).get().extracting(AccessRules.Rule::roles).isEqualTo(DESK);
        assertThat(rules.ruleFor("HEAD", "/api/v1/schools/th-a/loans")).isEmpty();
        assertThat(rules.methodsAt("/api/v1/schools/th-a/loans")).containsExactly(OPTIONS, POST);
    }

    @Test
    void twoSidesCannotBothDecideOneRoute() {
        RouteRules one = RouteRules.builder().school(GET, "/titles", DESK).build();
        RouteRules other = RouteRules.builder().school(GET, "/titles", RouteRules.SCHOOL_STAFF).build();

        assertThatThrownBy(() -> new AccessRules(List.of(one, other))).hasMessageContaining("/api/v1/schools/{schoolId}/titles");
    }
}
