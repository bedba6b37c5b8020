package vn.motsach.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class MetricsScrapeTest {

    private static final String TOKEN = "a-scrape-token-of-at-least-32-characters";
    private static final AuthenticationManager ADMINISTRATORS = authentication -> {
        throw new IllegalStateException("verified as an administrator's token");
    };

    @Test
    void theScrapeTokenGrantsOnlyTheScrapeAuthority() {
        Authentication scraper = new MetricsScrape(TOKEN, request -> ADMINISTRATORS).resolve(bearer(TOKEN)).authenticate(null);

        assertThat(scraper.isAuthenticated()).isTrue();
        assertThat(scraper.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly(MetricsScrape.AUTHORITY);
    }

    @Test
    void anyOtherTokenIsVerifiedAsAnAdministratorsWouldBe() {
        assertThat(new MetricsScrape(TOKEN, request -> ADMINISTRATORS).resolve(bearer(TOKEN + "x"))).isSameAs(ADMINISTRATORS);
        assertThat(new MetricsScrape("", request -> ADMINISTRATORS).resolve(bearer(TOKEN))).isSameAs(ADMINISTRATORS);
    }

    @Test
    void aShortScrapeTokenIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new MetricsScrape("prometheus", request -> ADMINISTRATORS))
                .hasMessageContaining("motsach.metrics.scrape-token");
    }

    private static MockHttpServletRequest bearer(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", MetricsScrape.PATH);
        request.addHeader("Authorization", "Bearer " + token);
        return request;
    }
}
