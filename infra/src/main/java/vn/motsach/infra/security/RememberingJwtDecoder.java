package vn.motsach.infra.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified until they expire. A desk sends the same token with
 * every scan, and parsing and verifying it twice per request (issuer, then signature and
 * claims) would weigh on every checkout. A token's verdict only changes with time, and
 * expiry is checked on every use; the newest tokens are kept, up to {@code capacity}.
 */
final class RememberingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Jwt> verified;

    RememberingJwtDecoder(JwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Optional<Jwt> known = known(token);
        if (known.isPresent()) {
            return known.get();
        }
        Jwt jwt = verifier.decode(token);
        synchronized (verified) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** The token, when it was verified before and is still within its validity. */
    Optional<Jwt> known(String token) {
        Jwt jwt;
        synchronized (verified) {
            jwt = verified.get(token);
        }
        if (jwt == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean valid = (jwt.getExpiresAt() == null || now.isBefore(jwt.getExpiresAt()))
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
        if (!valid) {
            synchronized (verified) {
                verified.remove(token);
            }
            return Optional.empty();
        }
        return Optional.of(jwt);
    }
}
