package vn.motsach.infra.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import vn.motsach.infra.security.TokenVersionCheck;

/**
 * Whether a token's version is still its account's: disabling an account or changing its roles,
 * school, classes or password moves the version on, and the tokens issued before stop working.
 * <p>
 * Asked on every request, so the versions read are remembered for a few seconds rather than
 * read again each time: a desk sends a request with every scan, and the answer changes only
 * when an administrator changes the account. A change made here is forgotten at once; one made
 * through another instance (the sides run as several processes) is seen within
 * {@link #FRESH_FOR}, the longest a revoked token may still be accepted.
 */
final class TokenVersions implements TokenVersionCheck {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final int REMEMBERED_ACCOUNTS = 10_000;

    private final Function<String, OptionalLong> current;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** Moves on with every change, so that a version read before a change is not remembered after it. */
    private final AtomicLong changes = new AtomicLong();

    /** @param current the version of an enabled account, empty when there is none or it is disabled */
    TokenVersions(Function<String, OptionalLong> current, Clock clock) {
        this.current = current;
        this.clock = clock;
    }

    @Override
    public boolean isCurrent(String username, long version) {
        Instant now = clock.instant();
        Known entry = known.get(username);
        if (entry == null || !entry.freshAt(now)) {
            if (known.size() >= REMEMBERED_ACCOUNTS) {
                known.clear();
            }
            long changesBefore = changes.get();
            entry = new Known(current.apply(username), now);
            known.put(username, entry);
            if (changes.get() != changesBefore) {
                known.remove(username, entry);
            }
        }
        return entry.version().isPresent() && entry.version().getAsLong() == version;
    }

    /** The account changed: read its version again on the next request. */
    void forget(String username) {
        changes.incrementAndGet();
        known.remove(username);
    }

    private record Known(OptionalLong version, Instant readAt) {

        boolean freshAt(Instant now) {
            return !now.isBefore(readAt) && now.isBefore(readAt.plus(FRESH_FOR));
        }
    }
}
