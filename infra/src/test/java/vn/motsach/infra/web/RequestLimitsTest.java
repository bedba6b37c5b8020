package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Query parameters are checked from the query string itself, naming the parameter at fault. */
class RequestLimitsTest {

    @Test
    void aNulOrAnOverLongValueIsRefusedNamingItsParameter() {
        assertThat(RequestLimits.queryProblem("q=de%20men&page=2")).isEmpty();
        assertThat(RequestLimits.queryProblem(null)).isEmpty();
        assertThat(RequestLimits.queryProblem("q=s%00o").orElseThrow()).extracting(ApiProblem.FieldProblem::field,
                ApiProblem.FieldProblem::messageKey).containsExactly("q", "nul");
        assertThat(RequestLimits.queryProblem("page=1&actor=" + "a".repeat(RequestLimits.MAX_PARAMETER_LENGTH + 1))
                .orElseThrow().field()).isEqualTo("actor");
        assertThat(RequestLimits.queryProblem("a%00b=1").orElseThrow().field()).isEqualTo("query");
        assertThat(RequestLimits.queryProblem("q=%zz").orElseThrow().messageKey()).isEqualTo("invalid");
    }
}
