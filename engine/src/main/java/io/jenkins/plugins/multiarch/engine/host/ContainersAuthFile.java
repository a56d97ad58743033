package io.jenkins.plugins.multiarch.engine.host;

import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials {@code buildah login}, {@code podman login} and {@code skopeo login} store: a containers-auth.json
 * file, whose {@code auths} entries have the Docker config's form. Looked for where those tools look:
 * {@code $REGISTRY_AUTH_FILE}, {@code $XDG_RUNTIME_DIR/containers/auth.json}, {@code /run/containers/UID/auth.json},
 * {@code ~/.config/containers/auth.json}; the first that exists is used.
 */
final class ContainersAuthFile {

    private ContainersAuthFile() {
    }

    /** The credentials in the first auth file that exists; none if there is none. */
    static CredentialProvider fromEnvironment(Map<String, String> env, Path home) {
        return locate(env, currentUid(), home)
                .<CredentialProvider>map(DockerConfigCredentials::load)
                .orElse(CredentialProvider.none());
    }

    /** The first existing file of {@link #candidates}. */
    static Optional<Path> locate(Map<String, String> env, Optional<Integer> uid, Path home) {
        return candidates(env, uid, home).stream().filter(Files::isRegularFile).findFirst();
    }

    /** Where the containers tools look, in their order. */
    static List<Path> candidates(Map<String, String> env, Optional<Integer> uid, Path home) {
        List<Path> files = new ArrayList<>();
        String explicit = env.get("REGISTRY_AUTH_FILE");
        if (explicit != null && !explicit.isEmpty()) {
            files.add(Path.of(explicit));
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty()) {
            files.add(Path.of(runtime, "containers", "auth.json"));
        } else {
            uid.ifPresent(id -> files.add(Path.of("/run/containers", String.valueOf(id), "auth.json")));
        }
        files.add(home.resolve(".config/containers/auth.json"));
        return files;
    }

    private static Optional<Integer> currentUid() {
        try {
            return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // not Linux: the other places still count
        }
    }
}
