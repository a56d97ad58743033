package io.jenkins.plugins.multiarch.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.model.PublishArguments;
import io.jenkins.plugins.multiarch.model.PublishSpec;
import io.jenkins.plugins.multiarch.model.RegistryChoice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the freestyle publisher's sources come from, resolved as multiArchPublish resolves its arguments. */
class PublisherSourcesTest {

    private static final String IMAGE = "registry.example.com/team/app:1.4.2";

    private static PublishSpec spec(String sources, String template, String version, String platforms) {
        PublishArguments arguments = PublisherSources.apply(new PublishArguments().image(IMAGE).tags(List.of("1.4", "latest")),
                IMAGE, sources, template, version, platforms);
        return PublishSpec.resolve(arguments, Map.of(), RegistryChoice.NONE, true, null, false);
    }

    private static Map<String, String> sources(PublishSpec spec) {
        Map<String, String> sources = new LinkedHashMap<>();
        spec.explicitSources().forEach(s -> sources.put(s.platform().toString(), s.reference().toString()));
        return sources;
    }

    @Test
    void explicitSourceLinesBecomeTheSourcesMap() {
        PublishSpec spec = spec("linux/amd64=registry.example.com/team/app:amd64\nlinux/arm64=registry.example.com/team/app:arm64", null, null, null);
        assertEquals(Map.of("linux/amd64", "registry.example.com/team/app:amd64",
                "linux/arm64", "registry.example.com/team/app:arm64"), sources(spec));
        assertEquals(List.of("1.4.2", "1.4", "latest"), spec.tags());
    }

    @Test
    void aSourceTagTemplateRendersSourcesForThePlatforms() {
        assertEquals(Map.of("linux/amd64", "registry.example.com/team/app:amd64-1.4.2",
                "linux/arm64", "registry.example.com/team/app:arm64-1.4.2"), sources(spec(null, "{arch}-{version}", "1.4.2", "amd64 arm64")));
    }

    @Test
    void withNeitherTheRecordedBuildsAreTheSourcesNarrowedToThePlatforms() {
        PublishSpec spec = spec(null, null, null, "linux/arm64");
        assertEquals(Map.of(), sources(spec));
        assertEquals("[linux/arm64]", spec.platforms().toString());
    }

    @Test
    void sourcesAndATemplateAtOnceAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> spec("linux/amd64=registry.example.com/team/app:amd64", "{arch}", null, "amd64"));
        assertEquals("give either sources or a source tag template, not both", e.getMessage());
    }
}
