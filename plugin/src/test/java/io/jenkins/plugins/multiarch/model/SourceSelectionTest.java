package io.jenkins.plugins.multiarch.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSelectionTest {

    private static final String IMAGE = "registry.example.com/team/app";
    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    private static final String D3 = "sha256:" + "3".repeat(64);

    private static PlatformBuildRecord build(String image, String platform, String digest) {
        return new PlatformBuildRecord(image, platform, digest, "agent-" + platform, "buildah", 0, 1000);
    }

    private static PublishSpec spec(PublishArguments args) {
        return PublishSpec.resolve(args.image(IMAGE + ":1.0"), Map.of(), RegistryChoice.NONE, true, null, false);
    }

    private static List<String> texts(List<PlatformSource> sources) {
        return sources.stream().map(PlatformSource::toString).toList();
    }

    @Test
    void everyPlatformThisRunBuiltForTheImageTheLatestBuildOfEach() {
        List<PlatformBuildRecord> builds = List.of(build(IMAGE, "linux/amd64", D1), build(IMAGE, "linux/arm64", D2),
                build("registry.example.com/team/other", "linux/s390x", D3), build(IMAGE, "linux/amd64", D3));
        assertThat(texts(SourceSelection.select(spec(new PublishArguments()), builds)), contains(
                "linux/arm64=" + IMAGE + "@" + D2, "linux/amd64=" + IMAGE + "@" + D3));
    }

    @Test
    void onlyThePlatformsAskedForInTheirOrder() {
        List<PlatformBuildRecord> builds = List.of(build(IMAGE, "linux/amd64", D1), build(IMAGE, "linux/arm64", D2));
        assertThat(texts(SourceSelection.select(spec(new PublishArguments().platforms(List.of("linux/arm64"))), builds)),
                contains("linux/arm64=" + IMAGE + "@" + D2));
    }

    @Test
    void aPlatformNotBuiltIsNamedWithWhatWasBuilt() {
        List<PlatformBuildRecord> builds = List.of(build(IMAGE, "linux/amd64", D1));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SourceSelection.select(spec(new PublishArguments().platforms(List.of("linux/arm64"))), builds));
        assertThat(e.getMessage(), allOf(containsString("platform linux/arm64 was not built in this run for " + IMAGE),
                containsString("(built: linux/amd64)")));
    }

    @Test
    void nothingBuiltSaysRunMultiArchBuildOrPassSources() {
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> SourceSelection.select(spec(new PublishArguments()), List.of()));
        assertThat(none.getMessage(), allOf(containsString("run multiArchBuild for it first"), containsString("sources:")));
        InvalidInputException other = assertThrows(InvalidInputException.class,
                () -> SourceSelection.select(spec(new PublishArguments()),
                        List.of(build("registry.example.com/team/other", "linux/amd64", D1))));
        assertThat(other.getMessage(), containsString("only for registry.example.com/team/other"));
    }

    @Test
    void explicitSourcesWinOverTheRunsBuilds() {
        PublishSpec spec = spec(new PublishArguments().sources(Map.of("linux/arm64", IMAGE + ":arm64-1.0")));
        assertThat(texts(SourceSelection.select(spec, List.of(build(IMAGE, "linux/amd64", D1)))),
                contains("linux/arm64=" + IMAGE + ":arm64-1.0"));
    }
}
