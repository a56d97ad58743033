package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.engine.registry.auth.DockerConfigCredentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link LayoutUploader} a {@link PlatformBuildRunner} uses unless given another: an {@link OciLayoutUploader} on
 * this machine, with one registry client per target registry, and the same credentials the builder tools get
 * (the Docker config where none is given for a registry). A build marked insecure reaches its registry over plain
 * HTTP; loopback registries always are.
 */
final class RegistryLayoutUploader implements LayoutUploader {

    private final CredentialProvider credentials;
    private final Map<String, OciLayoutUploader> uploaders = new ConcurrentHashMap<>();

    RegistryLayoutUploader(CredentialProvider credentials) {
        this.credentials = credentials;
    }

    /** The given credentials first, then {@code $DOCKER_CONFIG/config.json} (read when first needed). */
    static RegistryLayoutUploader withCredentials(List<RegistryCredentials> given) {
        CredentialProvider explicit = registry -> given.stream()
                .filter(c -> c.registry().equals(registry))
                .findFirst()
                .map(c -> Credentials.of(c.username(), c.password()));
        CredentialProvider dockerConfig = registry -> DockerConfigCredentials.fromEnvironment().find(registry);
        return new RegistryLayoutUploader(explicit.orElse(dockerConfig));
    }

    @Override
    public LayoutUpload upload(PlatformBuild build, Path layout, Digest reported)
            throws IOException, InterruptedException {
        String registry = build.target().registry();
        OciLayoutUploader uploader = uploaders.computeIfAbsent(registry + (build.insecureRegistry() ? " insecure" : ""),
                key -> new OciLayoutUploader(RegistryClient.builder(registry)
                        .insecureRegistries(build.insecureRegistry() ? Set.of(registry) : Set.of())
                        .credentials(credentials)
                        .build()));
        return uploader.upload(build, layout, reported);
    }
}
