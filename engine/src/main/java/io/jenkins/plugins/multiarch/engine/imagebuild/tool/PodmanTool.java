package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

/**
 * podman: {@code podman build --platform P ... --tag LOCAL CONTEXT}, then
 * {@code podman push --digestfile F LOCAL oci:LAYOUT}, then {@code podman rmi LOCAL}; the engine uploads the layout
 * into the registry by digest (or under the per-platform tag). See {@link ContainersTool} for why.
 *
 * <p>podman builds with {@code --layers} by default, so besides the image that cleanup removes it keeps
 * untagged intermediate images as its build cache, as it does for any build; they speed up the next build on
 * the same machine and go with {@code podman image prune}.
 */
public final class PodmanTool extends ContainersTool {

    public PodmanTool(ContainersStorageOptions storage) {
        this("podman", storage);
    }

    /** @param executable the podman program, a name on the PATH or an absolute path */
    public PodmanTool(String executable, ContainersStorageOptions storage) {
        super(executable, "build", storage);
    }

    @Override
    public String name() {
        return "podman";
    }
}
