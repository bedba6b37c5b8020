package vn.motsach.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IdFormatsTest {

    private static final String ALPHABET = "abcxyzABCXYZ0189-_./|~ đĐé\u00a0:";

    @Test
    void localIdsAreTheirPattern() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String value = randomId(random);
            assertThat(IdFormats.isLocalId(value)).as(value).isEqualTo(LocalId.FORMAT.matcher(value).matches());
        }
        assertThat(IdFormats.isLocalId(null)).isFalse();
    }

    @Test
    void schoolAndAuthorityIdsAreTheirPatterns() {
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            String value = randomId(random);
            assertThat(SchoolId.isValid(value)).as(value).isEqualTo(SchoolId.FORMAT.matcher(value).matches());
            assertThat(AuthorityId.isValid(value)).as(value).isEqualTo(AuthorityId.FORMAT.matcher(value).matches());
        }
        assertThat(SchoolId.isValid(null)).isFalse();
    }

    /** Mostly short ids of valid characters, so that both answers occur often; lengths around the limits. */
    private static String randomId(Random random) {
        int length = random.nextInt(4) == 0 ? 30 + random.nextInt(40) : random.nextInt(8);
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(random.nextInt(10) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                    : ALPHABET.charAt(random.nextInt(17)));
        }
        return id.toString();
    }
}
