package io.jenkins.plugins.multiarch.engine;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Build every platform, then verify the images and publish one index over them under the build target's tag and
 * {@code extraTags}: {@link Multiarch#buildAndPublish}. A failed platform publishes nothing.
 *
 * @param build       what to build; its target's tag is the index's first tag
 * @param extraTags   further tags for the index
 * @param format      the kind of index
 * @param annotations index annotations
 * @param checks      what every image must pass before the index is written
 * @param alsoTo      further targets for the same index, as {@link PublishRequest#alsoTo()}
 */
public record BuildAndPublishRequest(BuildRequest build, List<String> extraTags, IndexFormat format,
                                     Map<String, String> annotations, CheckPolicy checks,
                                     List<ImageReference> alsoTo) {

    /** To the build's target alone. */
    public BuildAndPublishRequest(BuildRequest build, List<String> extraTags, IndexFormat format,
                                  Map<String, String> annotations, CheckPolicy checks) {
        this(build, extraTags, format, annotations, checks, List.of());
    }

    public BuildAndPublishRequest {
        Objects.requireNonNull(build, "build");
        if (build.target().tag().isEmpty()) {
            throw new InvalidInputException("publishing needs a tag in the target '" + build.target() + "', e.g. "
                    + build.target().repositoryName() + ":1.0");
        }
        extraTags = List.copyOf(extraTags);
        extraTags.forEach(build.target()::withTag); // validates each tag
        build.requirePlatformTagsOutside(extraTags);
        format = format == null ? IndexFormat.OCI : format;
        annotations = Map.copyOf(new TreeMap<>(annotations));
        if (format == IndexFormat.DOCKER && !annotations.isEmpty()) {
            // Refused before hours of building, not when the index is assembled.
            throw new InvalidInputException("a Docker manifest list cannot carry annotations "
                    + new TreeMap<>(annotations).keySet() + "; publish an OCI index (or let the format be chosen"
                    + " automatically) to keep them");
        }
        checks = checks == null ? CheckPolicy.standard() : checks;
        alsoTo = alsoTo == null ? List.of() : List.copyOf(alsoTo);
    }
}
