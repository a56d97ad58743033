package io.jenkins.plugins.multiarch.freestyle;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.model.PublishArguments;
import java.util.List;
import java.util.Map;

/**
 * Where the freestyle publisher's sources come from, in this order: explicit {@code PLATFORM=REFERENCE} lines; a
 * source tag template rendered for the listed platforms; else the recorded platform images (only the listed
 * platforms, when some are listed).
 */
public final class PublisherSources {

    private PublisherSources() {
    }

    /**
     * Sets the sources or platforms of {@code arguments} from the form's (already expanded) fields.
     *
     * @throws InvalidInputException for a bad line or template, or both kinds of sources at once
     */
    public static PublishArguments apply(PublishArguments arguments, String image, String sources, String template,
                                         String version, String platforms) {
        Map<String, String> explicit = TextArguments.pairs("sources", sources);
        List<String> platformList = TextArguments.words(platforms);
        if (template != null) {
            if (!explicit.isEmpty()) {
                throw new InvalidInputException(Messages.MultiArchPublisher_SourcesAndTemplate());
            }
            return arguments.sources(SourceTemplate.sources(image, template, version, platformList));
        }
        if (!explicit.isEmpty()) {
            return arguments.sources(explicit);
        }
        return platformList.isEmpty() ? arguments : arguments.platforms(platformList);
    }
}
