package vn.motsach.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdFormatsTest {

    private static final String ALPHABET = "abcxyzABCXYZ0189-_./|~ đĐé\u00a0:";

    @Test
    void localIdsAreTheirPattern() {
        agreeOnRandomIds(11, IdFormats::isLocalId, LocalId.FORMAT);
        assertThat(IdFormats.isLocalId(null)).isFalse();
    }

    @Test
    void schoolAndAuthorityIdsAreTheirPatterns() {
        agreeOnRandomIds(12, SchoolId::isValid, SchoolId.FORMAT);
        agreeOnRandomIds(13, AuthorityId::isValid, AuthorityId.FORMAT);
        assertThat(SchoolId.isValid(null)).isFalse();
    }

    private static void agreeOnRandomIds(long seed, Predicate<String> check, Pattern format) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            String value = randomId(random);
            assertThat(check.test(value)).as(value).isEqualTo(format.matcher(value).matches());
        }
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
