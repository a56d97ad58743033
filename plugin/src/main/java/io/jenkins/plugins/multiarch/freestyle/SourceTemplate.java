package io.jenkins.plugins.multiarch.freestyle;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.TagTemplate;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sources named by a per-platform tag in the target repository, as Makefile flows push them
 * ({@code app:amd64-1.4.2}, {@code app:arm64-1.4.2}): a tag template such as {@code {arch}-{version}} rendered
 * for each platform, with the build's tag template rules ({@link TagTemplate}).
 */
public final class SourceTemplate {

    private SourceTemplate() {
    }

    /**
     * @param image the target image; its repository holds the sources
     * @param platforms platforms as {@code os/arch[/variant]} or axis values ({@code arm-v7})
     * @return platform → source reference, in the order given
     * @throws InvalidInputException for a bad template, image or platform, or no platform
     */
    public static Map<String, String> sources(String image, String template, String version, List<String> platforms) {
        if (platforms.isEmpty()) {
            throw new InvalidInputException(Messages.SourceTemplate_NoPlatforms(template));
        }
        TagTemplate tags = TagTemplate.parse(template);
        ImageReference target = ImageReference.parse(image);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String text : platforms) {
            Platform platform = text.contains("/") ? Platform.parse(text) : AxisPlatform.parse(text);
            sources.put(platform.toString(), target.withTag(tags.render(platform, version)).toString());
        }
        return sources;
    }
}
