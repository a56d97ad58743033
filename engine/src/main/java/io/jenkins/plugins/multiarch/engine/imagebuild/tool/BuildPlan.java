package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands that build and push one platform's image, and those that clean up after it.
 *
 * @param steps           run in order; the first that fails ends the build
 * @param cleanup         run after the steps whatever happened; their failures are reported, not thrown
 * @param pushedReference where the image is pushed (see {@code PlatformBuildResult#pushedReference})
 * @param temporaryTag    whether the tag of {@code pushedReference} is a throw-away handle
 * @param layout          an OCI image layout the steps leave behind for the engine to upload (see
 *                        {@code LayoutUploader}); empty when the steps push themselves
 */
public record BuildPlan(List<Invocation> steps, List<Invocation> cleanup, ImageReference pushedReference,
                        boolean temporaryTag, Optional<Path> layout) {

    public BuildPlan {
        steps = List.copyOf(steps);
        cleanup = List.copyOf(cleanup);
        Objects.requireNonNull(pushedReference, "pushedReference");
        Objects.requireNonNull(layout, "layout");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a build plan needs at least one step");
        }
    }

    /** A plan whose steps push the image themselves. */
    public BuildPlan(List<Invocation> steps, List<Invocation> cleanup, ImageReference pushedReference,
                     boolean temporaryTag) {
        this(steps, cleanup, pushedReference, temporaryTag, Optional.empty());
    }

    /** Every invocation, steps then cleanup. */
    public List<Invocation> all() {
        return java.util.stream.Stream.concat(steps.stream(), cleanup.stream()).toList();
    }
}
