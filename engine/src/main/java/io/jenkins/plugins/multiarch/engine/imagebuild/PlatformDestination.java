package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import java.util.Objects;

/**
 * Where each platform's image is pushed: into the target repository by digest (the default; the index made
 * later is what people pull) or under a per-platform tag from a template.
 */
public sealed interface PlatformDestination {

    /** Push into the target repository with no per-platform tag; see {@link PlatformBuild#pushReference()}. */
    record ByDigest() implements PlatformDestination {
    }

    /** Push under the tag the template gives for each platform. */
    record Tagged(TagTemplate template) implements PlatformDestination {
        public Tagged {
            Objects.requireNonNull(template, "template");
        }
    }

    static PlatformDestination byDigest() {
        return new ByDigest();
    }

    static PlatformDestination tagged(TagTemplate template) {
        return new Tagged(template);
    }
}
