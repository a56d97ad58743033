package io.jenkins.plugins.multiarch.engine.host;

import io.jenkins.plugins.multiarch.engine.imagebuild.LocalBuildWorkspace;
import io.jenkins.plugins.multiarch.engine.process.LocalCommandRunner;
import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that reads this process's environment and home directory: {@code PATH}, {@code DOCKER_CONFIG},
 * {@code BUILDX_CONFIG}, {@code REGISTRY_AUTH_FILE}, {@code XDG_RUNTIME_DIR}, {@code user.home}. Everything it reads
 * is read when {@link Host#local()} is called (credential helpers run when a registry first asks), never by other engine code.
 */
final class LocalMachine {

    private LocalMachine() {
    }

    static Host host() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        Path dockerConfig = dockerConfigDirectory(env, home);
        // What docker login stored, else what buildah/podman/skopeo login stored. The files are read now, so that a
        // broken one fails at once; credential helpers run only when a registry asks.
        CredentialProvider ambient = DockerConfigCredentials.inDirectory(dockerConfig)
                .orElse(ContainersAuthFile.fromEnvironment(env, home));
        return Host.local(new LocalCommandRunner(), LocalBuildWorkspace.factory(null), ambient,
                ProgramLookup.onPath(env.get("PATH")), HostPlatform.ofThisJvm().orElse(null), dockerConfig,
                buildxConfigDirectory(env, home).orElse(null), env);
    }

    /** {@code $DOCKER_CONFIG}, else {@code ~/.docker}. */
    static Path dockerConfigDirectory(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        return dir != null && !dir.isEmpty() ? Path.of(dir) : home.resolve(".docker");
    }

    /**
     * The buildx directory that a temporary {@code DOCKER_CONFIG} would hide: {@code $DOCKER_CONFIG/buildx} or
     * {@code ~/.docker/buildx} if it exists; empty if there is none or {@code BUILDX_CONFIG} is set (the commands
     * inherit it).
     */
    static Optional<Path> buildxConfigDirectory(Map<String, String> env, Path home) {
        if (env.containsKey("BUILDX_CONFIG")) {
            return Optional.empty();
        }
        Path dir = dockerConfigDirectory(env, home).resolve("buildx");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
}
