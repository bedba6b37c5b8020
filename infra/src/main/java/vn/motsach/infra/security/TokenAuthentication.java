package vn.motsach.infra.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Accepts our own tokens and, when one is configured, an external OpenID Connect issuer's
 * (a province's Keycloak, say), whose roles and school come from configured claims. The issuer
 * named in the token picks the verifier; a token of any other issuer is refused. One of our own
 * tokens is refused too once its account has changed since it was issued ({@link TokenVersionCheck});
 * an external issuer's tokens are that issuer's to revoke.
 */
final class TokenAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

    private static final int REMEMBERED_TOKENS = 10_000;

    private final Map<String, AuthenticationManager> byIssuer = new ConcurrentHashMap<>();
    private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
    private final SecuritySettings settings;
    private final RememberingJwtDecoder ours;
    private final ObjectProvider<TokenVersionCheck> versions;

    /** @param versions the accounts' token versions, where accounts are (not in analytics, which has no database) */
    TokenAuthentication(SecretKey key, SecuritySettings settings, Clock clock, ObjectProvider<TokenVersionCheck> versions) {
        this.settings = settings;
        this.versions = versions;
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        verifier.setJwtValidator(validators(settings.issuer(), clock));
        this.ours = new RememberingJwtDecoder(verifier, clock, REMEMBERED_TOKENS);
        byIssuer.put(settings.issuer(), manager(ours, jwt -> {
            requireCurrentVersion(jwt);
            return AccessTokens.callerOf(jwt);
        }));
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String token = bearer.resolve(request);
        String issuer = token == null ? issuerOf(null) : ours.known(token).map(jwt -> settings.issuer()).orElseGet(() -> issuerOf(token));
        AuthenticationManager manager = byIssuer.get(issuer);
        if (manager == null && settings.oidc() != null && settings.oidc().issuerUri() != null
                && settings.oidc().issuerUri().equals(issuer)) {
            manager = byIssuer.computeIfAbsent(issuer, this::oidcManager);
        }
        if (manager == null) {
            throw new InvalidBearerTokenException("Untrusted token issuer");
        }
        return manager;
    }

    /**
     * A token issued before its account last changed is refused. A token without a version was
     * not issued by a sign-in here: only a holder of the signing key can make one (as tests do),
     * who could as well make one with any version, so it is left to its expiry.
     */
    private void requireCurrentVersion(Jwt jwt) {
        Object version = jwt.getClaims().get(AccessTokens.VERSION);
        if (version == null) {
            return;
        }
        TokenVersionCheck current = versions.getIfAvailable();
        if (current == null) {
            return;
        }
        if (!(version instanceof Number number) || !current.isCurrent(jwt.getSubject(), number.longValue())) {
            throw new InvalidBearerTokenException("Revoked token");
        }
    }

    /** Fetched on first use: the issuer's keys come from its discovery document. */
    private AuthenticationManager oidcManager(String issuer) {
        SecuritySettings.Oidc oidc = settings.oidc();
        JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
        return manager(decoder, jwt -> AccessTokens.callerOf(jwt, jwt.getClaimAsString(oidc.usernameClaim()), oidc.rolesClaim(),
                oidc.schoolClaim(), oidc.authorityClaim(), oidc.classesClaim()));
    }

    private static AuthenticationManager manager(JwtDecoder decoder, java.util.function.Function<Jwt, Caller> callers) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(jwt -> new CallerAuthentication(jwt, callers.apply(jwt)));
        return provider::authenticate;
    }

    private static OAuth2TokenValidator<Jwt> validators(String issuer, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(java.time.Duration.ofSeconds(30));
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(timestamps, new JwtIssuerValidator(issuer)));
    }

    private static String issuerOf(String token) {
        if (token == null) {
            throw new InvalidBearerTokenException("No bearer token");
        }
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new InvalidBearerTokenException("Malformed token");
        }
    }

}
