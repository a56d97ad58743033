package io.jenkins.plugins.multiarch.engine.gitmeta;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which tags git gives a repository: the git working tree to read (where the build's commands run) and the target
 * repository, whose existing release tags decide whether {@code 1.2}, {@code 1} and {@code latest} move.
 */
public final class GitTagRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ImageReference repository;
    private final String gitDirectory;
    private final RegistrySettings registries;

    /**
     * @param repository   the target; only its registry and repository matter
     * @param gitDirectory the working tree (or a directory in it)
     * @param registries   how the registry is reached
     */
    public GitTagRequest(ImageReference repository, Path gitDirectory, RegistrySettings registries) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.gitDirectory = Objects.requireNonNull(gitDirectory, "gitDirectory").toString();
        this.registries = registries == null ? RegistrySettings.DEFAULT : registries;
    }

    public ImageReference repository() {
        return repository;
    }

    public Path gitDirectory() {
        return Path.of(gitDirectory);
    }

    public RegistrySettings registries() {
        return registries;
    }
}
