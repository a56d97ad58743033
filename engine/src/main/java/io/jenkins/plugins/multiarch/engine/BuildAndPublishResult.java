package io.jenkins.plugins.multiarch.engine;

import io.jenkins.plugins.multiarch.engine.imagebuild.BuildResult;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import java.util.Objects;

/** What {@link Multiarch#buildAndPublish} did: the images it built, then the index it published over them. */
public final class BuildAndPublishResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final BuildResult build;
    private final PublishResult published;

    public BuildAndPublishResult(BuildResult build, PublishResult published) {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(published, "published");
        this.build = build;
        this.published = published;
    }

    /** The images, one per platform. */
    public BuildResult build() {
        return build;
    }

    /** The index and the tags it went under. */
    public PublishResult published() {
        return published;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuildAndPublishResult other && java.util.Objects.equals(build, other.build) && java.util.Objects.equals(published, other.published);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(build, published);
    }

    @Override
    public String toString() {
        return "BuildAndPublishResult[build=" + build + ", published=" + published + "]";
    }
}
