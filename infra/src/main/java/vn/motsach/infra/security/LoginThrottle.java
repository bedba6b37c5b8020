package vn.motsach.infra.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after too many failed sign-ins within a minute, for one
 * account or from one address, further attempts are refused until the minute has passed.
 * Kept per instance; a guesser spread over instances still meets each one's limit.
 */
final class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int perAccount;
    private final int perAddress;
    private final Clock clock;

    LoginThrottle(int perAccount, int perAddress, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** @return seconds to wait, or 0 when an attempt may be made now */
    long waitSeconds(String username, String address) {
        Instant now = clock.instant();
        return Math.max(wait("user:" + username, perAccount, now), wait("address:" + address, perAddress, now));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {"user:" + username, "address:" + address}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                forgetOld(times, now);
            }
        }
    }

    void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            forgetOld(times, now);
            if (times.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    private static void forgetOld(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
