package vn.motsach.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;

/**
 * Tokens of an external OpenID Connect issuer (here a small issuer on loopback standing in for
 * a province's Keycloak) are accepted, with the role and authority taken from its claims; the
 * same access rules apply to them.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.security.oidc.roles-claim=motsach_roles", "motsach.security.oidc.authority-claim=motsach_authority"})
class ExternalIssuerIT {

    private static final RSAKey KEY = generate();
    private static final HttpServer ISSUER = start();
    private static final String ISSUER_URI = "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/so-gddt-ha-noi";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("motsach.security.oidc.issuer-uri", () -> ISSUER_URI);
    }

    @AfterAll
    static void stop() {
        ISSUER.stop(0);
    }

    @Test
    void anAuthorityAdministratorOfTheProvinceIsLetIntoTheirAuthorityOnly() throws Exception {
        ApiClient province = new ApiClient(port).as(token(List.of("authority_admin"), "so-gddt-ha-noi"));

        ApiClient.Answer own = province.get("/api/v1/authorities/so-gddt-ha-noi");
        ApiClient.Answer other = province.get("/api/v1/authorities/so-gddt-hue");
        ApiClient.Answer school = province.get("/api/v1/schools/th-a/titles");

        assertThat(own.status()).as(own.body()).isIn(200, 503);
        assertThat(other.status()).isEqualTo(404);
        assertThat(school.status()).isEqualTo(404);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(KEY.getKeyID()).generate();
        ApiClient forged = new ApiClient(port).as(sign(stranger, List.of("SYSTEM_ADMIN"), null));

        assertThat(forged.get("/api/v1/authorities/so-gddt-ha-noi").status()).isEqualTo(401);
    }

    private static String token(List<String> roles, String authority) throws Exception {
        return sign(KEY, roles, authority);
    }

    private static String sign(RSAKey key, List<String> roles, String authority) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER_URI)
                .subject("3f1c-keycloak-user")
                .claim("preferred_username", "chuyen-vien-so")
                .claim("motsach_roles", roles)
                .expirationTime(Date.from(Instant.parse("2100-01-01T00:00:00Z")));
        if (authority != null) {
            claims.claim("motsach_authority", authority);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("so-gddt-key-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The discovery document and the public keys, as an OpenID Connect issuer publishes them. */
    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/so-gddt-ha-noi";
            server.createContext("/realms/so-gddt-ha-noi/.well-known/openid-configuration", exchange -> answer(exchange,
                    "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/certs\",\"subject_types_supported\":[\"public\"],"
                            + "\"response_types_supported\":[\"code\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/realms/so-gddt-ha-noi/certs",
                    exchange -> answer(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
