package io.jenkins.plugins.multiarch.engine.build.builder;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

import java.util.List;
import java.util.Objects;

/**
 * The commands that build and push one platform's image, and those that clean up after it.
 *
 * @param steps           run in order; the first that fails ends the build
 * @param cleanup         run after the steps whatever happened; their failures are reported, not thrown
 * @param pushedReference where the image is pushed (see {@code PlatformBuildResult#pushedReference})
 * @param temporaryTag    whether the tag of {@code pushedReference} is a throw-away handle
 */
public record BuildPlan(List<Invocation> steps, List<Invocation> cleanup, ImageReference pushedReference,
                        boolean temporaryTag) {

    public BuildPlan {
        steps = List.copyOf(steps);
        cleanup = List.copyOf(cleanup);
        Objects.requireNonNull(pushedReference, "pushedReference");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a build plan needs at least one step");
        }
    }

    /** Every invocation, steps then cleanup. */
    public List<Invocation> all() {
        return java.util.stream.Stream.concat(steps.stream(), cleanup.stream()).toList();
    }
}
