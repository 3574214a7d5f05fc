package io.sitkit.kafka.embedded;

import io.sitkit.core.SitkitException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The SCRAM password of the broker's own user, kept in the data dir (readable by its owner only) so a
 * broker restarted on a formatted dir still matches the credential in its bootstrap records.
 *
 * <p>Thread-safety: stateless.
 */
final class InterBrokerSecret {
    private InterBrokerSecret() {
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data dir's own ACL applies
            }
            return secret;
        } catch (IOException e) {
            throw new SitkitException("could not read or write the inter-broker secret " + file + ": " + e.getMessage(), e);
        }
    }
}
