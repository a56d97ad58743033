package io.jenkins.plugins.multiarch.engine.build.builder;

/**
 * podman: {@code podman build --platform P ... --tag LOCAL CONTEXT}, then
 * {@code podman push --digestfile F LOCAL docker://REF}, then {@code podman rmi LOCAL}.
 * See {@link ContainersToolBuilder} for the push and TLS rules.
 */
public final class PodmanBuilder extends ContainersToolBuilder {

    public PodmanBuilder(ContainersStorageOptions storage) {
        this("podman", storage);
    }

    /** @param executable the podman program, a name on the PATH or an absolute path */
    public PodmanBuilder(String executable, ContainersStorageOptions storage) {
        super(executable, "build", storage);
    }

    @Override
    public String name() {
        return "podman";
    }
}
