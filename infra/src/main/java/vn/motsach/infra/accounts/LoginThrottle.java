package vn.motsach.infra.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing with waits that grow, rather than locking anyone out: after
 * {@code perAccount} failed sign-ins of one account from one address, or {@code perAddress} from
 * one address whatever the account, each further attempt must wait, one second after the next
 * failure, then two, four... up to {@code longestWait}. A success clears its account's count.
 * <p>
 * An account is counted per address, so that guesses at {@code admin} from somewhere else never
 * keep the real administrator out; the per-address count is much higher, as a whole school's
 * desks often share one address, and drains by {@code perAddress} failures an hour, so that a
 * school's typos over a day never add up to a wait while a guesser's quick failures do. An attempt is counted when it starts, under one lock, so that
 * parallel guesses cannot all pass the limit before any of them fails; a success gives its count
 * back. The counts are kept in {@link ThrottleCounts}: in the security schema where instances share
 * a database, so that a guesser spread over instances meets one limit.
 */
final class LoginThrottle {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration ADDRESS_DRAIN = Duration.ofHours(1);
    /** A count left alone this long starts again, and is dropped when the counts are pruned. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    private final ThrottleCounts counts;
    private final int perAccount;
    private final int perAddress;
    private final Duration longestWait;
    private final Clock clock;
    /** How often an address's count loses one failure. */
    private final Duration addressDrip;

    /** A throttle of its own, for one instance alone. */
    LoginThrottle(int perAccount, int perAddress, Duration longestWait, Clock clock) {
        this(perAccount, perAddress, longestWait, clock, new ThrottleCounts.InMemory());
    }

    LoginThrottle(int perAccount, int perAddress, Duration longestWait, Clock clock, ThrottleCounts counts) {
        this.counts = counts;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.longestWait = longestWait;
        this.clock = clock;
        this.addressDrip = ADDRESS_DRAIN.dividedBy(Math.max(1, perAddress));
    }

    /**
     * Claims an attempt to sign in, counted as failed until {@link #succeeded} says otherwise.
     *
     * @return seconds to wait when the attempt is refused (and not counted), else 0
     */
    long attempt(String username, String address) {
        Instant now = clock.instant();
        return counts.change(accountKey(username, address), addressKey(address), forgottenBefore(now), (account, fromAddress) -> {
            fromAddress.drain(addressDrip, now);
            long wait = Math.max(waitSeconds(account, perAccount, now), waitSeconds(fromAddress, perAddress, now));
            if (wait > 0) {
                return wait;
            }
            account.claim(now);
            fromAddress.claim(now);
            return 0L;
        });
    }

    /** The attempt failed: the wait before the next one runs from now. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        counts.change(accountKey(username, address), addressKey(address), forgottenBefore(now), (account, fromAddress) -> {
            account.last = now;
            fromAddress.drain(addressDrip, now);
            fromAddress.last = now;
            return null;
        });
    }

    /** The attempt succeeded: the account starts again, and the address gets its attempt back. */
    void succeeded(String username, String address) {
        Instant now = clock.instant();
        counts.change(accountKey(username, address), addressKey(address), forgottenBefore(now), (account, fromAddress) -> {
            account.clear();
            if (fromAddress.failures > 0) {
                fromAddress.failures--;
            }
            return null;
        });
    }

    private long waitSeconds(ThrottleCounts.Count count, int limit, Instant now) {
        if (count.failures < limit) {
            return 0;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(count.failures - limit, 30));
        if (wait.compareTo(longestWait) > 0) {
            wait = longestWait;
        }
        Duration left = Duration.between(now, count.last.plus(wait));
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    /** A count whose last attempt is before this starts again. */
    private Instant forgottenBefore(Instant now) {
        return now.minus(FORGOTTEN_AFTER).minus(longestWait);
    }

    private static String accountKey(String username, String address) {
        return "account:" + username + "@" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
