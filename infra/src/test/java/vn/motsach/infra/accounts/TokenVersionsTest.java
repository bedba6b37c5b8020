package vn.motsach.infra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenVersionsTest {

    private final Map<String, Long> stored = new ConcurrentHashMap<>(Map.of("thu-thu", 3L));
    private final AtomicInteger reads = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-02T01:00:00Z");
    private final TokenVersions versions = new TokenVersions(username -> {
        reads.incrementAndGet();
        Long version = stored.get(username);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aVersionIsReadOnceForManyRequestsAndAgainWhenForgottenOrStale() {
        assertThat(versions.isCurrent("thu-thu", 3)).isTrue();
        assertThat(versions.isCurrent("thu-thu", 3)).isTrue();
        assertThat(versions.isCurrent("thu-thu", 2)).isFalse();
        assertThat(reads).hasValue(1);

        stored.put("thu-thu", 4L);
        versions.forget("thu-thu");
        assertThat(versions.isCurrent("thu-thu", 3)).isFalse();
        assertThat(versions.isCurrent("thu-thu", 4)).isTrue();

        // changed through another instance: seen once the remembered version is stale
        stored.put("thu-thu", 5L);
        assertThat(versions.isCurrent("thu-thu", 4)).isTrue();
        now = now.plus(TokenVersions.FRESH_FOR);
        assertThat(versions.isCurrent("thu-thu", 4)).isFalse();
    }

    @Test
    void aVersionReadWhileTheAccountChangesIsNotRemembered() {
        TokenVersions[] racing = new TokenVersions[1];
        racing[0] = new TokenVersions(username -> {
            reads.incrementAndGet();
            OptionalLong before = OptionalLong.of(stored.get(username));
            stored.put(username, 4L);
            racing[0].forget(username);
            return before;
        }, Clock.fixed(now, ZoneOffset.UTC));
        assertThat(racing[0].isCurrent("thu-thu", 3)).isTrue();
        assertThat(racing[0].isCurrent("thu-thu", 3)).isFalse();
        assertThat(reads).hasValue(2);
    }

    @Test
    void noAccountOrADisabledOneHasNoCurrentVersion() {
        assertThat(versions.isCurrent("khong-co", 0)).isFalse();
    }
}
