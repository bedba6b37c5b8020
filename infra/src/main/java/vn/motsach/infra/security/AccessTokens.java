package vn.motsach.infra.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Our own short-lived access tokens: a signed JWT saying who the caller is and what they may do. */
public final class AccessTokens {

    static final String ROLES = "roles";
    static final String SCHOOL = "school";
    static final String AUTHORITY = "authority";
    static final String CLASSES = "classes";
    /** The account's token version when the token was issued: see {@link TokenVersionCheck}. */
    static final String VERSION = "ver";

    private final JwtEncoder encoder;
    private final SecuritySettings settings;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, SecuritySettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for the caller of an account whose tokens are at {@code tokenVersion}. */
    public Issued issue(Caller caller, long tokenVersion) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.tokenLifetime());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(caller.username())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expires)
                .claim(ROLES, caller.roles().stream().map(Role::name).sorted().toList())
                .claim(CLASSES, caller.classIds().stream().sorted().toList())
                .claim(VERSION, tokenVersion);
        if (caller.schoolId() != null) {
            claims.claim(SCHOOL, caller.schoolId());
        }
        if (caller.authorityId() != null) {
            claims.claim(AUTHORITY, caller.authorityId());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return new Issued(token, expires);
    }

    /** The caller our own token describes. */
    static Caller callerOf(Jwt jwt) {
        return callerOf(jwt, jwt.getSubject(), ROLES, SCHOOL, AUTHORITY, CLASSES);
    }

    /** The caller a token describes, with its claims named as the issuer names them. */
    static Caller callerOf(Jwt jwt, String username, String rolesClaim, String schoolClaim, String authorityClaim,
            String classesClaim) {
        Set<Role> roles = strings(jwt.getClaim(rolesClaim)).stream()
                .map(name -> name.toUpperCase(java.util.Locale.ROOT))
                .filter(name -> java.util.Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name)))
                .map(Role::valueOf)
                .collect(Collectors.toSet());
        return new Caller(username, roles, jwt.getClaimAsString(schoolClaim), jwt.getClaimAsString(authorityClaim),
                Set.copyOf(strings(jwt.getClaim(classesClaim))));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    public record Issued(String token, Instant expiresAt) {
    }
}
