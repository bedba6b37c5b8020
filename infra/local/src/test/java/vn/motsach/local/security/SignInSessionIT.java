package vn.motsach.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;

/**
 * A browser's sign-in session through HTTP: the refresh token only in an HttpOnly, SameSite=Strict
 * cookie scoped to the auth path, renewing the access token and replaced each time; signing out
 * and a change to the account end it.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInSessionIT {

    private static final String ACCOUNT = "{\"password\":\"muon-tra-ca-ngay\",\"roles\":[\"%s\"],\"schoolId\":\"th-phien\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeskStaysSignedInThroughRefreshesUntilItSignsOut() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/thu-thu-phien", ACCOUNT.formatted("LIBRARIAN")).status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);

        // a plain sign-in is as before: a token, no cookie
        ApiClient.Answer plain = anonymous.post("/api/v1/auth/token",
                "{\"username\":\"thu-thu-phien\",\"password\":\"muon-tra-ca-ngay\"}");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Set-Cookie")).isEmpty();

        ApiClient.Answer signedIn = signIn(anonymous, "thu-thu-phien");
        String cookie = signedIn.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("motsach_refresh=").contains("HttpOnly", "SameSite=Strict", "Path=/api/v1/auth")
                .containsPattern("Max-Age=43(1\\d\\d|200);").doesNotContain("Secure");
        assertThat(signedIn.body()).doesNotContain(value(cookie));
        assertThat(works(anonymous, signedIn.text("accessToken"))).isTrue();

        // the cookie renews the access token, and is replaced: the old one no longer works
        ApiClient.Answer renewed = refresh(anonymous, cookie);
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(works(anonymous, renewed.text("accessToken"))).isTrue();
        String next = renewed.header("Set-Cookie").orElseThrow();
        assertThat(value(next)).isNotEqualTo(value(cookie));
        assertThat(next).contains("HttpOnly", "SameSite=Strict", "Path=/api/v1/auth");
        ApiClient.Answer reused = refresh(anonymous, cookie);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.text("code")).isEqualTo("SESSION_EXPIRED");
        assertThat(reused.text("detail")).isEqualTo("Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại.");

        // signing out ends the session and clears the cookie
        ApiClient.Answer signedOut = anonymous.post("/api/v1/auth/logout", "", "Cookie", value(next));
        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(signedOut.header("Set-Cookie").orElseThrow()).startsWith("motsach_refresh=;").contains("Max-Age=0");
        assertThat(refresh(anonymous, next).status()).isEqualTo(401);
        // and without a cookie there is nothing to renew or end
        assertThat(anonymous.post("/api/v1/auth/refresh", "").text("code")).isEqualTo("SESSION_EXPIRED");
        assertThat(anonymous.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
    }

    @Test
    void aChangeToTheAccountEndsItsSessions() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/thu-thu-doi-vai", ACCOUNT.formatted("LIBRARIAN")).status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        String cookie = signIn(anonymous, "thu-thu-doi-vai").header("Set-Cookie").orElseThrow();
        String other = signIn(anonymous, "thu-thu-doi-vai").header("Set-Cookie").orElseThrow();
        assertThat(refresh(anonymous, cookie).status()).isEqualTo(200);

        assertThat(admin.put("/api/v1/accounts/thu-thu-doi-vai", ACCOUNT.formatted("TEACHER")).status()).isEqualTo(200);
        assertThat(refresh(anonymous, other).status()).isEqualTo(401);

        // disabled: a session begun after the change ends too
        String third = signIn(anonymous, "thu-thu-doi-vai").header("Set-Cookie").orElseThrow();
        assertThat(admin.put("/api/v1/accounts/thu-thu-doi-vai",
                "{\"roles\":[\"TEACHER\"],\"schoolId\":\"th-phien\",\"enabled\":false}").status()).isEqualTo(200);
        assertThat(refresh(anonymous, third).status()).isEqualTo(401);
    }

    @Test
    void aSessionEndsAtTheTimeSetAtSignIn() throws Exception {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/thu-thu-het-gio", ACCOUNT.formatted("LIBRARIAN")).status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        String cookie = signIn(anonymous, "thu-thu-het-gio").header("Set-Cookie").orElseThrow();
        String token = value(cookie).substring("motsach_refresh=".length());
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        // only the token's hash is kept, never the token
        assertThat(jdbc.sql("select count(*) from sign_in_sessions where token_hash = ?").param(token).query(Long.class).single())
                .isZero();

        // the working day is over: the same session, its end now passed
        assertThat(jdbc.sql("update sign_in_sessions set expires_at = now() - interval '1 minute' where token_hash = ?")
                .param(hash).update()).isEqualTo(1);
        ApiClient.Answer late = refresh(anonymous, cookie);
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.text("code")).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void aReplacedTokenPresentedAgainLaterEndsTheWholeSignIn() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/thu-thu-bi-lo", ACCOUNT.formatted("LIBRARIAN")).status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        String stolen = signIn(anonymous, "thu-thu-bi-lo").header("Set-Cookie").orElseThrow();
        String rightful = refresh(anonymous, stolen).header("Set-Cookie").orElseThrow();

        // at once, as a second tab of the same desk would: refused, nothing else ends
        assertThat(refresh(anonymous, stolen).status()).isEqualTo(401);
        rightful = refresh(anonymous, rightful).header("Set-Cookie").orElseThrow();

        // a minute after its replacement the old cookie can only be a copy: the sign-in ends for both
        assertThat(jdbc.sql("update sign_in_sessions set replaced_at = now() - interval '1 minute' where replaced_at is not null")
                .update()).isPositive();
        ApiClient.Answer reused = refresh(anonymous, stolen);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.text("code")).isEqualTo("SESSION_EXPIRED");
        assertThat(refresh(anonymous, rightful).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from sign_in_sessions where username = 'thu-thu-bi-lo'").query(Long.class).single())
                .isZero();
    }

    @Test
    void endedSessionsArePrunedWhoeverSignsInNext() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/thu-thu-nghi-viec", ACCOUNT.formatted("LIBRARIAN")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/accounts/thu-thu-moi", ACCOUNT.formatted("LIBRARIAN")).status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        signIn(anonymous, "thu-thu-nghi-viec");
        jdbc.sql("update sign_in_sessions set expires_at = now() - interval '1 minute' where username = 'thu-thu-nghi-viec'")
                .update();

        signIn(anonymous, "thu-thu-moi");
        assertThat(jdbc.sql("select count(*) from sign_in_sessions where username = 'thu-thu-nghi-viec'").query(Long.class).single())
                .isZero();
    }

    private static ApiClient.Answer signIn(ApiClient anonymous, String username) {
        ApiClient.Answer answer = anonymous.post("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"muon-tra-ca-ngay\",\"refreshCookie\":true}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static ApiClient.Answer refresh(ApiClient anonymous, String setCookie) {
        return anonymous.post("/api/v1/auth/refresh", "", "Cookie", value(setCookie));
    }

    /** {@code name=value} of a Set-Cookie header, as a browser sends it back. */
    private static String value(String setCookie) {
        return List.of(setCookie.split(";")).get(0);
    }

    private static boolean works(ApiClient anonymous, String token) {
        return anonymous.as(token).get("/api/v1/schools/th-phien/titles").status() == 200;
    }
}
