package vn.motsach.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Who may read the meters ({@code /actuator/prometheus}): a system administrator, or a
 * Prometheus presenting the scrape token configured in {@code motsach.metrics.scrape-token}
 * (a secret of at least 32 characters; without one, only administrators). The scrape token
 * opens the meters and nothing else: it grants an authority no other route accepts.
 */
final class MetricsScrape implements AuthenticationManagerResolver<HttpServletRequest> {

    static final String PATH = "/actuator/prometheus";
    static final String AUTHORITY = "METRICS_SCRAPE";
    private static final int SHORTEST_TOKEN = 32;

    private final byte[] scrapeToken;
    private final AuthenticationManagerResolver<HttpServletRequest> tokens;
    private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

    /** @param tokens the verifier of every other bearer token (an administrator's) */
    MetricsScrape(String scrapeToken, AuthenticationManagerResolver<HttpServletRequest> tokens) {
        if (scrapeToken != null && !scrapeToken.isEmpty() && scrapeToken.length() < SHORTEST_TOKEN) {
            throw new IllegalStateException("motsach.metrics.scrape-token must be at least " + SHORTEST_TOKEN + " characters");
        }
        this.scrapeToken = scrapeToken == null || scrapeToken.isEmpty() ? null : scrapeToken.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String token = bearer.resolve(request);
        // compared in constant time: a scraper's token must not be guessable from answer times
        if (scrapeToken != null && token != null && MessageDigest.isEqual(scrapeToken, token.getBytes(StandardCharsets.UTF_8))) {
            return presented -> UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY)));
        }
        return tokens.resolve(request);
    }
}
