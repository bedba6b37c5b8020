package vn.motsach.infra.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret the key our own access tokens are signed with (HS256, at least 32 bytes);
 *     every side of one deployment must share it. When empty, a local run keeps a generated one
 *     in {@code <data-dir>/jwt-secret}.
 * @param tokenLifetime how long an access token is valid: short, a client asks again
 * @param adminPassword the first system administrator's password; when empty, one is generated
 *     and printed once in the log at the first start
 * @param allowedOrigins front-end origins allowed by CORS
 * @param loginFailuresPerAccount failed sign-ins of an account from one address before each further
 *     attempt must wait, a wait that doubles with each failure (see {@code LoginThrottle})
 * @param loginFailuresPerAddress failed sign-ins from one address, whatever the account, before the
 *     same: much higher, as a school's desks often share one address
 * @param loginLongestWait the longest a sign-in is made to wait
 * @param trustedProxies the reverse proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For}
 *     names the client; without them, the address a request comes from is the client's
 * @param oidc an external OpenID Connect issuer whose tokens are accepted too
 */
@ConfigurationProperties("motsach.security")
public record SecuritySettings(
        String jwtSecret,
        @DefaultValue("mot-sach") String issuer,
        @DefaultValue("15m") Duration tokenLifetime,
        String adminPassword,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("5") int loginFailuresPerAccount,
        @DefaultValue("200") int loginFailuresPerAddress,
        @DefaultValue("15m") Duration loginLongestWait,
        @DefaultValue List<String> trustedProxies,
        Oidc oidc) {

    /**
     * @param issuerUri the issuer, e.g. a province's Keycloak realm
     * @param rolesClaim the claim holding our role names
     * @param schoolClaim the claim holding the school id
     */
    public record Oidc(String issuerUri, @DefaultValue("roles") String rolesClaim, @DefaultValue("school") String schoolClaim,
            @DefaultValue("authority") String authorityClaim, @DefaultValue("classes") String classesClaim,
            @DefaultValue("preferred_username") String usernameClaim) {
    }
}
