package vn.motsach.infra.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import vn.motsach.infra.web.RequestCheck;

/**
 * What a password must be: at least {@value #MINIMUM_LENGTH} characters, at most
 * {@value #MAXIMUM_BYTES} bytes (BCrypt ignores the rest, so a longer one would let anyone in who
 * typed its first 72 bytes), not the account's name, not one character repeated, and not one of
 * the passwords guessers try first.
 */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 10;
    static final int MAXIMUM_BYTES = 72;
    private static final String COMMON = "/security/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Records in {@code check} why {@code password} may not be the password of {@code username}, if it may not. */
    void check(RequestCheck check, String username, String password) {
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            check.problem("password", "weakPassword");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            check.problem("password", "passwordTooLong", MAXIMUM_BYTES);
        } else if (username != null && password.equalsIgnoreCase(username)) {
            check.problem("password", "passwordIsUsername");
        } else if (password.codePoints().distinct().count() == 1) {
            check.problem("password", "passwordOneCharacter");
        } else if (common.contains(password.toLowerCase(Locale.ROOT))) {
            check.problem("password", "passwordCommon");
        }
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + COMMON);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
