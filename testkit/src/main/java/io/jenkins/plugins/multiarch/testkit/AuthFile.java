package io.jenkins.plugins.multiarch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A containers-auth.json file ({@code --authfile} of buildah and skopeo), so credentials never go on a command line.
 * Without credentials it lists no registries, which also keeps a user's own login files out of the tests.
 */
final class AuthFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthFile() {
    }

    /** Writes {@code dir/auth.json} granting {@code credentials} (may be {@code null}) for {@code registryHost}. */
    static Path write(Path dir, String registryHost, RegistryCredentials credentials) {
        Map<String, Object> auths = credentials == null ? Map.of()
                : Map.of(registryHost, Map.of("auth", credentials.base64UserColonPassword()));
        Path file = dir.resolve("auth.json");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writeValue(file.toFile(), Map.of("auths", auths));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
