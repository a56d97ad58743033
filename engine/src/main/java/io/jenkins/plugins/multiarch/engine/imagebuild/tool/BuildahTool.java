package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

/**
 * buildah: {@code buildah bud --platform P ... --tag LOCAL CONTEXT}, then
 * {@code buildah push --digestfile F LOCAL oci:LAYOUT}, then {@code buildah rmi LOCAL}; the engine uploads the layout
 * into the registry by digest (or under the per-platform tag). See {@link ContainersTool} for why.
 */
public final class BuildahTool extends ContainersTool {

    public BuildahTool(ContainersStorageOptions storage) {
        this("buildah", storage);
    }

    /** @param executable the buildah program, a name on the PATH or an absolute path */
    public BuildahTool(String executable, ContainersStorageOptions storage) {
        super(executable, "bud", storage);
    }

    @Override
    public String name() {
        return "buildah";
    }
}
