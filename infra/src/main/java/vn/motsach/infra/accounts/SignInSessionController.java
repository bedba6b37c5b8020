package vn.motsach.infra.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.security.AccessTokens;
import vn.motsach.infra.web.ApiProblem;

/**
 * The web app's sign-in session: the refresh token travels only in an HttpOnly cookie scoped to
 * {@code /api/v1/auth} (SameSite=Strict, Secure over https), so no script on a page can read it
 * and no other site can send it; the access token it renews is kept in the page's memory only.
 */
@Tag(name = "accounts", description = "Tài khoản và đăng nhập")
@RestController
class SignInSessionController {

    static final String COOKIE = "motsach_refresh";
    static final String COOKIE_PATH = "/api/v1/auth";

    private final SignInSessions sessions;
    private final AccessTokens tokens;
    private final ClientAddress clients;
    private final Clock clock;

    SignInSessionController(SignInSessions sessions, AccessTokens tokens, ClientAddress clients, Clock clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.clients = clients;
        this.clock = clock;
    }

    @Refusals(unauthorized = "SESSION_EXPIRED")
    @Operation(summary = "Gia hạn mã truy cập bằng phiên đăng nhập của trình duyệt (cookie HttpOnly)")
    @PostMapping(COOKIE_PATH + "/refresh")
    ResponseEntity<AccountsController.TokenBody> refresh(HttpServletRequest request) {
        Optional<SignInSessions.Renewed> renewed = refreshToken(request).flatMap(sessions::renew);
        if (renewed.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "SESSION_EXPIRED");
        }
        return signedIn(renewed.get().account(), renewed.get().session(), request);
    }

    @Operation(summary = "Đăng xuất: kết thúc phiên đăng nhập của trình duyệt")
    @PostMapping(COOKIE_PATH + "/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        refreshToken(request).ifPresent(sessions::end);
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString()).build();
    }

    /** The answer to a sign-in or a renewal: a fresh access token, and the session's cookie. */
    ResponseEntity<AccountsController.TokenBody> signedIn(Account account, SignInSessions.Session session,
            HttpServletRequest request) {
        AccessTokens.Issued issued = tokens.issue(account.caller(), account.tokenVersion());
        Duration left = Duration.between(clock.instant(), session.expiresAt());
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie(session.refreshToken(), left, request).toString())
                .body(new AccountsController.TokenBody(issued.token(), "Bearer",
                        Duration.between(clock.instant(), issued.expiresAt()).toSeconds(), issued.expiresAt().toString()));
    }

    /** Secure whenever the browser came over HTTPS, a TLS-ending proxy included, so it is never sent back in clear. */
    private ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(clients.overHttps(request))
                .sameSite("Strict")
                .path(COOKIE_PATH)
                .maxAge(maxAge)
                .build();
    }

    private static Optional<String> refreshToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(cookie -> COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank())
                        .map(Cookie::getValue).findFirst();
    }
}
