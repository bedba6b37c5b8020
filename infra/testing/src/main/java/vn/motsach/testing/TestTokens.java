package vn.motsach.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Access tokens for tests, made without going through HTTP: signed with the key every test
 * application is given, valid whatever a test's clock says.
 */
public final class TestTokens {

    /** The signing key of every application started by a test (see {@link TestInfrastructureEnvironment}). */
    public static final String SECRET = "mot-sach test signing key, never used outside tests";
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    private TestTokens() {
    }

    public static String systemAdmin() {
        return token("test-admin", List.of("SYSTEM_ADMIN"), null, null, List.of());
    }

    public static String ofSchool(String username, String role, String schoolId, String... classIds) {
        return token(username, List.of(role), schoolId, null, List.of(classIds));
    }

    public static String ofAuthority(String username, String authorityId) {
        return token(username, List.of("AUTHORITY_ADMIN"), null, authorityId, List.of());
    }

    public static String token(String username, List<String> roles, String schoolId, String authorityId, List<String> classIds) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("mot-sach")
                .subject(username)
                .expirationTime(Date.from(FAR_FUTURE))
                .claim("roles", roles)
                .claim("classes", classIds);
        if (schoolId != null) {
            claims.claim("school", schoolId);
        }
        if (authorityId != null) {
            claims.claim("authority", authorityId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
