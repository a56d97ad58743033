package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.List;
import java.util.Objects;

/** What a build pushed: one image per platform, in the order the platforms were asked for. */
public final class BuildResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final ImageReference target;
    private final String tool;
    private final List<PlatformBuildResult> images;

    public BuildResult(ImageReference target, String tool, List<PlatformBuildResult> images) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tool, "tool");
        images = List.copyOf(images);
        this.target = target;
        this.tool = tool;
        this.images = images;
    }

    /** The multi-arch image the images are for; they are in its repository. */
    public ImageReference target() {
        return target;
    }

    /** The builder tool that built them, e.g. {@code buildah}. */
    public String tool() {
        return tool;
    }

    /** One per platform, in request order. */
    public List<PlatformBuildResult> images() {
        return images;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuildResult other && java.util.Objects.equals(target, other.target) && java.util.Objects.equals(tool, other.tool) && java.util.Objects.equals(images, other.images);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(target, tool, images);
    }

    @Override
    public String toString() {
        return "BuildResult[target=" + target + ", tool=" + tool + ", images=" + images + "]";
    }
}
