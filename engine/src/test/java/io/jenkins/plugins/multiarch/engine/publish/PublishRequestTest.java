package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishRequestTest {

    static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String TARGET = "registry.example.com/team/app:1.0";

    static List<PlatformSource> sources(String... specs) {
        return Arrays.stream(specs).map(PlatformSource::parse).toList();
    }

    static PublishRequest request(String target, List<String> extraTags, List<PlatformSource> sources) {
        return new PublishRequest(ImageReference.parse(target), extraTags, sources, IndexFormat.OCI, Map.of(), false);
    }

    static final List<PlatformSource> TWO = sources(
            "linux/amd64=registry.example.com/team/app:1.0-amd64",
            "linux/arm64=registry.example.com/team/app-arm64@sha256:" + HEX);

    @Test
    void validRequest() {
        PublishRequest request = new PublishRequest(ImageReference.parse(TARGET), List.of("latest"), TWO,
                IndexFormat.OCI, Map.of("b", "2", "a", "1"), true);

        assertThat(request.target()).hasToString(TARGET);
        assertThat(request.sources()).extracting(PlatformSource::platform)
                .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
        assertThat(request.format()).isEqualTo(IndexFormat.OCI);
        assertThat(request.annotations()).containsOnly(entry("a", "1"), entry("b", "2"));
        assertThat(request.dryRun()).isTrue();
        assertThat(request.tags()).containsExactly("1.0", "latest");
    }

    @Test
    @FaultCase(area = "options", fault = "an engine publish request for a Docker manifest list with annotations",
            outcome = "InvalidInputException naming the annotations, when the request is made (before any request)")
    void aDockerListWithAnnotationsIsRefusedWhenTheRequestIsMade() {
        assertThatThrownBy(() -> new PublishRequest(ImageReference.parse(TARGET), List.of(), TWO, IndexFormat.DOCKER,
                Map.of("org.opencontainers.image.source", "x"), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a Docker manifest list cannot carry annotations [org.opencontainers.image.source]");
    }

    @Test
    void formatDefaultsToOci() {
        assertThat(new PublishRequest(ImageReference.parse(TARGET), List.of(), TWO, null, Map.of(), false).format())
                .isEqualTo(IndexFormat.OCI);
    }

    @Test
    void laterChangesToTheGivenListsDoNotReachTheRequest() {
        List<String> tags = new ArrayList<>(List.of("latest"));
        List<PlatformSource> sources = new ArrayList<>(TWO);
        Map<String, String> annotations = new HashMap<>(Map.of("a", "1"));
        PublishRequest request = new PublishRequest(ImageReference.parse(TARGET), tags, sources, IndexFormat.OCI,
                annotations, false);

        tags.add("evil");
        sources.clear();
        annotations.put("b", "2");

        assertThat(request.tags()).containsExactly("1.0", "latest");
        assertThat(request.sources()).hasSize(2);
        assertThat(request.annotations()).containsOnlyKeys("a");
    }

    @ParameterizedTest(name = "target 1.0 + {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "                          | 1.0",
            "latest                    | 1.0,latest",
            "1.0                       | 1.0",
            "latest,1,1.0,latest,1     | 1.0,latest,1",
            "1,latest                  | 1.0,1,latest",
    })
    void tagsStartWithTheTargetsAndHaveNoRepeats(String extra, String expected) {
        List<String> extraTags = extra == null ? List.of() : List.of(extra.split(","));

        assertThat(request(TARGET, extraTags, TWO).tags()).containsExactly(expected.split(","));
    }

    @Test
    void furtherTargetsGetTheirOwnTagOrEveryTagAndEachRepositoryOnce() {
        ImageReference target = ImageReference.parse(TARGET);
        PublishRequest request = new PublishRequest(target, List.of("latest"), TWO, IndexFormat.OCI, Map.of(), false,
                null, null, List.of(ImageReference.parse("mirror.example.com/app"),
                        ImageReference.parse("mirror.example.com/other:stable")));

        assertThat(request.tagsFor(request.alsoTo().get(0))).containsExactlyElementsOf(request.tags());
        assertThat(request.tagsFor(request.alsoTo().get(1))).containsExactly("stable");
        assertThatThrownBy(() -> new PublishRequest(target, List.of(), TWO, IndexFormat.OCI, Map.of(), false, null,
                null, List.of(ImageReference.parse(target.repositoryName() + ":other"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("repository " + target.repositoryName() + " is given as a target twice");
        assertThatThrownBy(() -> new PublishRequest(target, List.of(), TWO, IndexFormat.OCI, Map.of(), false, null,
                null, List.of(ImageReference.parse("mirror.example.com/app@sha256:" + "a".repeat(64)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("further target 'mirror.example.com/app@sha256:").hasMessageContaining("names a digest");
    }

    @Test
    @FaultCase(area = "parsers", fault = "a publish target without a tag",
            outcome = "InvalidInputException before any request, with an example")
    void targetWithoutTag() {
        assertThatThrownBy(() -> request("registry.example.com/team/app", List.of(), TWO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("target 'registry.example.com/team/app' has no tag; give one, e.g. "
                        + "registry.example.com/team/app:1.0");
    }

    @Test
    void targetWithDigest() {
        assertThatThrownBy(() -> request(TARGET + "@sha256:" + HEX, List.of(), TWO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("target '" + TARGET + "@sha256:" + HEX + "' names a digest")
                .hasMessageContaining("publish to a tag, e.g. " + TARGET);
    }

    @Test
    void targetWithOnlyADigestIsMissingItsTag() {
        assertThatThrownBy(() -> request("registry.example.com/team/app@sha256:" + HEX, List.of(), TWO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no tag");
    }

    @Test
    @FaultCase(area = "parsers", fault = "a publish without sources",
            outcome = "InvalidInputException naming what to give")
    void noSources() {
        assertThatThrownBy(() -> request(TARGET, List.of(), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no sources given: name one image per platform")
                .hasMessageContaining("e.g. linux/amd64=registry.example.com/team/app:amd64 and "
                        + "linux/arm64=registry.example.com/team/app:arm64");
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "linux/arm64,  linux/arm64,    linux/arm64",
            "linux/arm64,  aarch64,        linux/arm64",
            "linux/arm64,  linux/arm64/v8, linux/arm64",
            "linux/amd64,  x86_64,         linux/amd64",
            "linux/arm/v7, linux/armhf,    linux/arm/v7",
            "linux/arm,    linux/arm/7,    linux/arm/v7",
    })
    void samePlatformTwice(String first, String second, String named) {
        List<PlatformSource> sources = sources(
                first + "=registry.example.com/team/app:a",
                "linux/s390x=registry.example.com/team/app:s",
                second + "=registry.example.com/team/app:b");

        assertThatThrownBy(() -> request(TARGET, List.of(), sources))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("platform " + named + " is given twice; each platform may have one source");
    }

    @Test
    void windowsMayBeGivenOncePerOsVersionWhichOnlyTheConfigsTell() {
        List<PlatformSource> sources = sources(
                "windows/amd64=registry.example.com/team/app:ltsc2019",
                "windows/amd64=registry.example.com/team/app:ltsc2022");

        assertThat(request(TARGET, List.of(), sources).sources()).hasSize(2);
    }

    @Test
    void armVariantsAreDifferentPlatforms() {
        List<PlatformSource> sources = sources(
                "linux/arm/v6=registry.example.com/team/app:v6", "linux/arm/v7=registry.example.com/team/app:v7");

        assertThat(request(TARGET, List.of(), sources).sources()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ghcr.io/team/app:1.0-arm64,                  ghcr.io",
            "registry.example.com:5000/team/app:arm64,    registry.example.com:5000",
            "team/app:arm64,                              docker.io",
    })
    void sourcesMayBeOnOtherRegistries(String source, String sourceRegistry) {
        List<PlatformSource> sources = sources("linux/amd64=registry.example.com/team/app:amd64", "linux/arm64=" + source);

        assertThat(request(TARGET, List.of(), sources).sources().get(1).reference().registry()).isEqualTo(sourceRegistry);
    }

    @Test
    void sourcesMayBeInOtherRepositoriesOfTheSameRegistry() {
        List<PlatformSource> sources = sources("linux/amd64=registry.example.com/ci/app-amd64:42",
                "linux/arm64=registry.example.com/other/thing@sha256:" + HEX);

        assertThat(request(TARGET, List.of(), sources).sources()).hasSize(2);
    }

    @ParameterizedTest(name = "--tag ''{0}''")
    @ValueSource(strings = {"-x", ".hidden", "", "has space", "a/b", "a:b", "1.0@sha256:" + HEX})
    void badExtraTag(String tag) {
        assertThatThrownBy(() -> request(TARGET, List.of("latest", tag), TWO))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("tag '" + tag + "'")
                .hasMessageContaining("letters, digits, '_', '.', '-'");
    }

    @Test
    void tooLongExtraTag() {
        String tag = "v".repeat(129);

        assertThatThrownBy(() -> request(TARGET, List.of(tag), TWO))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("tag '" + tag + "'")
                .hasMessageContaining("1-128");
    }

    // ---- annotations ----

    @Test
    void parsesAnnotations() {
        Map<String, String> annotations = PublishRequest.parseAnnotations(List.of(
                "org.opencontainers.image.source=https://github.com/example/app",
                "org.opencontainers.image.description=a=b, c",
                "empty="));

        assertThat(annotations).containsExactly(
                entry("empty", ""),
                entry("org.opencontainers.image.description", "a=b, c"),
                entry("org.opencontainers.image.source", "https://github.com/example/app"));
    }

    @ParameterizedTest(name = "''{0}''")
    @FaultCase(area = "parsers", fault = "an annotation without KEY=VALUE",
            outcome = "InvalidInputException naming it")
    @ValueSource(strings = {"no-equals-sign", "=value", "", " "})
    void badAnnotation(String pair) {
        assertThatThrownBy(() -> PublishRequest.parseAnnotations(List.of("ok=1", pair)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid annotation '" + pair + "': expected KEY=VALUE, "
                        + "e.g. org.opencontainers.image.source=https://example.com/app");
    }

    @Test
    void duplicateAnnotationKey() {
        assertThatThrownBy(() -> PublishRequest.parseAnnotations(List.of("a=1", "b=2", "a=3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("annotation 'a' is given twice");
    }

    // ---- PlatformSource ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "linux/arm64=registry.example.com/app:1.0-arm64,   linux/arm64,  registry.example.com/app:1.0-arm64",
            "aarch64=registry.example.com/app:1.0-arm64,       linux/arm64,  registry.example.com/app:1.0-arm64",
            "linux/armhf=localhost:5000/app@sha256:" + HEX + ", linux/arm/v7, localhost:5000/app@sha256:" + HEX,
            "LINUX/AMD64=alpine:3,                              linux/amd64,  docker.io/library/alpine:3",
    })
    void parsesPlatformSources(String text, String platform, String reference) {
        PlatformSource source = PlatformSource.parse(text);

        assertThat(source.platform()).isEqualTo(Platform.parse(platform));
        assertThat(source.reference()).isEqualTo(ImageReference.parse(reference));
        assertThat(source).hasToString(platform + "=" + reference);
        assertThat(PlatformSource.parse(source.toString())).isEqualTo(source);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"linux/arm64", "registry.example.com/app:1.0", "=registry.example.com/app:1.0", "linux/arm64=",
            "="})
    void sourceWithoutPlatformOrReference(String text) {
        assertThatThrownBy(() -> PlatformSource.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid source '" + text
                        + "': expected PLATFORM=REFERENCE, e.g. linux/arm64=registry.example.com/app:1.0-arm64");
    }

    @Test
    void sourceWithBadPlatform() {
        assertThatThrownBy(() -> PlatformSource.parse("linux/sparc=registry.example.com/app:1"))
                .isInstanceOf(InvalidPlatformException.class)
                .hasMessageContaining("unknown architecture 'sparc'");
    }

    @Test
    void sourceWithBadReference() {
        assertThatThrownBy(() -> PlatformSource.parse("linux/arm64=registry.example.com/App:1"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("repository names must be lowercase");
    }
}
