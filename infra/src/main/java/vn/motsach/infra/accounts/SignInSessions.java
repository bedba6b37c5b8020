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
 * short-lived access token. Each renewal replaces the refresh token; one presented again after
 * being replaced ends the whole chain of renewals of that sign-in (its family), since only a
 * copy taken from the browser can be presented twice. The session ends at the time set at
 * sign-in, and at once when the account changes in a way that ends its access tokens
 * ({@link TokenVersions}), or when the browser signs out.
 */
final class SignInSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long after a renewal its old token may still arrive from the same browser's other tab. */
    static final Duration RACING_TABS = Duration.ofSeconds(30);

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
        // every ended session goes, not only this account's: an account that never signs in
        // again would otherwise keep its rows for ever
        jdbc.sql("delete from sign_in_sessions where expires_at <= ?").param(utc(now)).update();
        String token = newToken();
        String family = hash(token);
        insert(family, token, account, now.plus(lifetime));
        return new Session(token, now.plus(lifetime));
    }

    /**
     * The session's account and its next refresh token, or nothing when the token is unknown,
     * used already, expired, or its account disabled or changed since.
     */
    Optional<Renewed> renew(String refreshToken) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            // marked replaced in the statement that reads it, so of two renewals with the same
            // token one finds it current and the other finds it replaced
            Optional<Stored> stored = jdbc.sql("""
                            update sign_in_sessions set replaced_at = coalesce(before.replaced_at, ?)
                            from (select token_hash, replaced_at from sign_in_sessions where token_hash = ? for update) before
                            where sign_in_sessions.token_hash = before.token_hash
                            returning sign_in_sessions.family_id, sign_in_sessions.username,
                                      sign_in_sessions.token_version, sign_in_sessions.expires_at, before.replaced_at""")
                    .params(utc(now), hash(refreshToken))
                    .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
                    .optional();
            if (stored.isPresent() && stored.get().replacedAt().isPresent()) {
                // two tabs of one desk renewing at once send the same cookie: the later is refused
                // (its tab takes the browser's new cookie next time) but ends nothing
                if (stored.get().replacedAt().get().plus(RACING_TABS).isBefore(now)) {
                    endFamily(stored.get().family());
                }
                return Optional.<Renewed>empty();
            }
            return stored.filter(session -> now.isBefore(session.expiresAt()))
                    .flatMap(session -> accounts.find(session.username())
                            .filter(account -> account.enabled() && account.tokenVersion() == session.tokenVersion())
                            .map(account -> {
                                String token = newToken();
                                insert(session.family(), token, account, session.expiresAt());
                                return new Renewed(account, new Session(token, session.expiresAt()));
                            }));
        });
    }

    /** Signs the browser out: no token of its sign-in renews anything any more. */
    void end(String refreshToken) {
        jdbc.sql("""
                        delete from sign_in_sessions
                        where family_id = (select family_id from sign_in_sessions where token_hash = ?)""")
                .param(hash(refreshToken)).update();
    }

    private void endFamily(String family) {
        jdbc.sql("delete from sign_in_sessions where family_id = ?").param(family).update();
    }

    private void insert(String family, String token, Account account, Instant expiresAt) {
        jdbc.sql("""
                        insert into sign_in_sessions (token_hash, family_id, username, token_version, expires_at)
                        values (?, ?, ?, ?, ?)""")
                .params(hash(token), family, account.username(), account.tokenVersion(), utc(expiresAt))
                .update();
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
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

    private record Stored(String family, String username, long tokenVersion, Instant expiresAt, Optional<Instant> replacedAt) {
    }
}
