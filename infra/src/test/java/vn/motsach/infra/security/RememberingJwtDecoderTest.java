package vn.motsach.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberingJwtDecoderTest {

    private static final Instant ISSUED = Instant.parse("2026-11-02T01:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofHours(1));

    private final AtomicInteger verifications = new AtomicInteger();
    private Clock clock = Clock.fixed(ISSUED.plusSeconds(60), ZoneOffset.UTC);
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!clock.instant().isBefore(EXPIRES)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("thu-thu").issuedAt(ISSUED).expiresAt(EXPIRES).build();
    };
    private final RememberingJwtDecoder decoder = new RememberingJwtDecoder(verifier, new Clock() {
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
            return clock.instant();
        }
    }, 2);

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        decoder.decode("token-a");
        Jwt again = decoder.decode("token-a");

        assertThat(again.getSubject()).isEqualTo("thu-thu");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsNoLongerTakenFromMemory() {
        decoder.decode("token-a");
        clock = Clock.fixed(EXPIRES, ZoneOffset.UTC);

        assertThat(decoder.known("token-a")).isEmpty();
        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void onlyTheNewestTokensAreKept() {
        decoder.decode("token-a");
        decoder.decode("token-b");
        decoder.decode("token-c");

        assertThat(decoder.known("token-a")).isEmpty();
        assertThat(decoder.known("token-c")).isPresent();
    }
}
