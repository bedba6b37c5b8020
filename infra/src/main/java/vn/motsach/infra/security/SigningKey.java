package vn.motsach.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key of our tokens: configured (every side of a deployment shares it), or, for a
 * local run, generated once and kept in the data directory so tokens survive a restart.
 */
final class SigningKey {

    private static final int MINIMUM_BYTES = 32;

    private SigningKey() {
    }

    static SecretKey of(String configured, Path dataDirectory) {
        byte[] bytes = configured != null && !configured.isBlank()
                ? configured.getBytes(StandardCharsets.UTF_8)
                : kept(dataDirectory.resolve("jwt-secret"));
        if (bytes.length < MINIMUM_BYTES) {
            throw new IllegalStateException("motsach.security.jwt-secret must be at least " + MINIMUM_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] kept(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[MINIMUM_BYTES * 2];
                new SecureRandom().nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file stays readable by its owner's group on such systems; nothing better to do
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the token signing key in " + file, e);
        }
    }
}
