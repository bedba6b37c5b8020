package vn.motsach.infra.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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
 * back. Kept per instance: a guesser spread over instances meets each one's limit.
 */
final class LoginThrottle {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration ADDRESS_DRAIN = Duration.ofHours(1);
    /** A count left alone this long starts again, and is dropped when the counts are swept. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Count> counts = new HashMap<>();
    private final int perAccount;
    private final int perAddress;
    private final Duration longestWait;
    private final Clock clock;
    /** How often an address's count loses one failure. */
    private final Duration addressDrip;

    LoginThrottle(int perAccount, int perAddress, Duration longestWait, Clock clock) {
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
    synchronized long attempt(String username, String address) {
        Instant now = clock.instant();
        if (counts.size() > SWEEP_ABOVE) {
            counts.values().removeIf(count -> count.forgotten(now));
        }
        Count account = count(accountKey(username, address), now);
        Count fromAddress = count(addressKey(address), now).drained(addressDrip, now);
        long wait = Math.max(account.waitSeconds(perAccount, now), fromAddress.waitSeconds(perAddress, now));
        if (wait > 0) {
            return wait;
        }
        account.claim(now);
        fromAddress.claim(now);
        return 0;
    }

    /** The attempt failed: the wait before the next one runs from now. */
    synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        count(accountKey(username, address), now).last = now;
        count(addressKey(address), now).drained(addressDrip, now).last = now;
    }

    /** The attempt succeeded: the account starts again, and the address gets its attempt back. */
    synchronized void succeeded(String username, String address) {
        counts.remove(accountKey(username, address));
        Count fromAddress = counts.get(addressKey(address));
        if (fromAddress != null && fromAddress.failures > 0) {
            fromAddress.failures--;
        }
    }

    private Count count(String key, Instant now) {
        Count count = counts.computeIfAbsent(key, k -> new Count());
        if (count.forgotten(now)) {
            count.failures = 0;
        }
        return count;
    }

    private static String accountKey(String username, String address) {
        return "account:" + username + "@" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private final class Count {

        private int failures;
        private Instant last = Instant.MIN;
        private Instant drainedUpTo = Instant.MIN;

        /** Takes away one failure for each {@code drip} since the last one was taken. */
        Count drained(Duration drip, Instant now) {
            if (failures == 0 || drainedUpTo.isAfter(now)) {
                drainedUpTo = now;
                return this;
            }
            long drops = Duration.between(drainedUpTo, now).dividedBy(drip);
            if (drops > 0) {
                failures = (int) Math.max(0, failures - drops);
                drainedUpTo = drainedUpTo.plus(drip.multipliedBy(drops));
            }
            return this;
        }

        long waitSeconds(int limit, Instant now) {
            if (failures < limit) {
                return 0;
            }
            Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(failures - limit, 30));
            if (wait.compareTo(longestWait) > 0) {
                wait = longestWait;
            }
            Duration left = Duration.between(now, last.plus(wait));
            if (left.isNegative() || left.isZero()) {
                return 0;
            }
            return Math.max(1, (left.toMillis() + 999) / 1000);
        }

        void claim(Instant now) {
            failures++;
            last = now;
        }

        boolean forgotten(Instant now) {
            return last.isBefore(now.minus(FORGOTTEN_AFTER).minus(longestWait));
        }
    }
}
