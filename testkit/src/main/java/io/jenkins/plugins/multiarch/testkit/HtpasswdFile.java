package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Writes an Apache htpasswd file with one bcrypt entry. The hash is made here rather than with {@code htpasswd -B} so
 * the password never appears on a command line.
 */
final class HtpasswdFile {

    /**
     * The lowest bcrypt cost. The registry checks the hash on every authenticated request, so a high cost would slow
     * every test; the secrecy of a throwaway test password does not need it.
     */
    private static final int BCRYPT_COST = 4;

    private HtpasswdFile() {
    }

    static void write(Path file, RegistryCredentials credentials) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String hash = OpenBSDBCrypt.generate("2y", credentials.password().toCharArray(), salt, BCRYPT_COST);
        try {
            Files.writeString(file, credentials.username() + ":" + hash + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
