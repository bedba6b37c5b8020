package vn.motsach.infra.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A browser's sign-in that lasts a working day without the password typed again: a random
 * refresh token, kept by the browser in an HttpOnly cookie and here only as its hash, renews the
 * short-lived access token. Each renewal replaces the refresh token (one used twice is refused),
 * the session ends at the time set at sign-in, and it ends at once when the account changes in a
 * way that ends its access tokens ({@link TokenVersions}), or when the browser signs out.
 */
final class SignInSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final TransactionOperations transactions;
    private final Duration lifetime;
    private final Clock clock;

    SignInSessions(JdbcClient jdbc, AccountStore accounts, TransactionOperations transactions, Duration lifetime, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.transactions = transactions;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new session for an account that has just signed in with its password. */
    Session start(Account account) {
        Instant now = clock.instant();
        jdbc.sql("delete from sign_in_sessions where username = ? and expires_at <= ?")
                .params(account.username(), utc(now)).update();
        return store(account, now.plus(lifetime));
    }

    /**
     * The session's account and its next refresh token, or nothing when the token is unknown,
     * used already, expired, or its account disabled or changed since.
     */
    Optional<Renewed> renew(String refreshToken) {
        return transactions.execute(status -> {
            Optional<Stored> stored = jdbc.sql("""
                            delete from sign_in_sessions where token_hash = ?
                            returning username, token_version, expires_at""")
                    .param(hash(refreshToken))
                    .query((rs, row) -> new Stored(rs.getString(1), rs.getLong(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()))
                    .optional();
            return stored.filter(session -> clock.instant().isBefore(session.expiresAt()))
                    .flatMap(session -> accounts.find(session.username())
                            .filter(account -> account.enabled() && account.tokenVersion() == session.tokenVersion())
                            .map(account -> new Renewed(account, store(account, session.expiresAt()))));
        });
    }

    /** Signs the browser out: its refresh token no longer renews anything. */
    void end(String refreshToken) {
        jdbc.sql("delete from sign_in_sessions where token_hash = ?").param(hash(refreshToken)).update();
    }

    private Session store(Account account, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("insert into sign_in_sessions (token_hash, username, token_version, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), account.username(), account.tokenVersion(), utc(expiresAt))
                .update();
        return new Session(token, expiresAt);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    record Session(String refreshToken, Instant expiresAt) {
    }

    record Renewed(Account account, Session session) {
    }

    private record Stored(String username, long tokenVersion, Instant expiresAt) {
    }
}
