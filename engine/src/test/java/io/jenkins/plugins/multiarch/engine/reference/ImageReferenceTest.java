package io.jenkins.plugins.multiarch.engine.reference;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String DIGEST = "sha256:" + HEX;

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // reference,                                    registry,             repository,   tag,   digest
            "alpine,                                          docker.io,            library/alpine, -,   -",
            "alpine:3.20,                                     docker.io,            library/alpine, 3.20, -",
            "user/app,                                        docker.io,            user/app,     -,     -",
            "docker.io/alpine,                                docker.io,            library/alpine, -,   -",
            "docker.io/user/app:1,                            docker.io,            user/app,     1,     -",
            "localhost/app,                                   localhost,            app,          -,     -",
            "localhost:5000/app:1.0,                          localhost:5000,       app,          1.0,   -",
            "127.0.0.1:5000/team/app@" + DIGEST + ",          127.0.0.1:5000,       team/app,     -,     " + DIGEST,
            "127.0.0.1:5000/team/app:1.0@" + DIGEST + ",      127.0.0.1:5000,       team/app,     1.0,   " + DIGEST,
            "[::1]:5000/app,                                  [::1]:5000,           app,          -,     -",
            "[::1]/app:x,                                     [::1],                app,          x,     -",
            "registry.example.com/a/b/c:tag,                  registry.example.com, a/b/c,        tag,   -",
            "Registry.Example.com:443/app,                    Registry.Example.com:443, app,      -,     -",
            "registry.example.com/my_team/my-app.v2:Tag_1.x-y, registry.example.com, my_team/my-app.v2, Tag_1.x-y, -",
            "registry.example.com/a__b/c---d,                 registry.example.com, a__b/c---d,   -,     -",
            // a first component without '.', ':' or 'localhost' is a path on Docker Hub, not a registry
            "team/app:1.0,                                    docker.io,            team/app,     1.0,   -",
    })
    void parsesTheDockerReferenceGrammar(String text, String registry, String repository, String tag, String digest) {
        ImageReference ref = ImageReference.parse(text);

        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag().orElse(null)).isEqualTo(tag);
        assertThat(ref.digest().map(Digest::toString).orElse(null)).isEqualTo(digest);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "alpine,                              docker.io/library/alpine",
            "alpine:3.20,                         docker.io/library/alpine:3.20",
            "user/app,                            docker.io/user/app",
            "localhost:5000/app:1.0,              localhost:5000/app:1.0",
            "[::1]:5000/app,                      [::1]:5000/app",
            "registry.example.com/a/b/c:tag,      registry.example.com/a/b/c:tag",
            "127.0.0.1:5000/team/app@" + DIGEST + ", 127.0.0.1:5000/team/app@" + DIGEST,
            "r.io/app:1@" + DIGEST + ",           r.io/app:1@" + DIGEST,
    })
    void printsTheFullyQualifiedFormThatParsesBack(String text, String printed) {
        ImageReference ref = ImageReference.parse(text);

        assertThat(ref).hasToString(printed);
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref).hasSameHashCodeAs(ref);
    }

    @Test
    void shortAndFullSpellingsAreEqual() {
        assertThat(ImageReference.parse("alpine")).isEqualTo(ImageReference.parse("docker.io/library/alpine"));
        assertThat(ImageReference.parse("alpine:3")).isNotEqualTo(ImageReference.parse("alpine:4"));
        assertThat(ImageReference.parse("alpine")).isNotEqualTo(ImageReference.parse("alpine:latest"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "alpine,                     latest",
            "alpine:3.20,                3.20",
            "alpine@" + DIGEST + ",      " + DIGEST,
            "alpine:3.20@" + DIGEST + ", " + DIGEST,
    })
    void manifestReferencePrefersTheDigestThenTheTagThenLatest(String text, String expected) {
        assertThat(ImageReference.parse(text).manifestReference()).isEqualTo(expected);
    }

    @Test
    void withTagReplacesTagAndDropsDigest() {
        ImageReference ref = ImageReference.parse("registry.example.com:5000/team/app:1.0@" + DIGEST);

        ImageReference retagged = ref.withTag("2.0");

        assertThat(retagged).hasToString("registry.example.com:5000/team/app:2.0");
        assertThat(retagged.digest()).isEmpty();
        assertThat(retagged.manifestReference()).isEqualTo("2.0");
        assertThat(ImageReference.parse("alpine").withTag("edge")).hasToString("docker.io/library/alpine:edge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-x", ".x", "", "a b", "a/b", "a:b", "a@b", "1.0@" + DIGEST})
    void withTagRejectsWhatIsNotATag(String tag) {
        ImageReference ref = ImageReference.parse("registry.example.com/app:1.0");

        assertThatThrownBy(() -> ref.withTag(tag))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("tag '" + tag + "'");
    }

    @Test
    void withDigestReplacesTagAndDigest() {
        ImageReference ref = ImageReference.parse("localhost:5000/app:1.0");
        Digest digest = Digest.parse(DIGEST);

        ImageReference pinned = ref.withDigest(digest);

        assertThat(pinned).hasToString("localhost:5000/app@" + DIGEST);
        assertThat(pinned.tag()).isEmpty();
        assertThat(pinned.manifestReference()).isEqualTo(DIGEST);
        assertThat(ImageReference.parse(pinned.toString())).isEqualTo(pinned);
    }

    @Test
    void repositoryNameHasNeitherTagNorDigest() {
        assertThat(ImageReference.parse("localhost:5000/team/app:1.0@" + DIGEST).repositoryName())
                .isEqualTo("localhost:5000/team/app");
        assertThat(ImageReference.parse("alpine:3").repositoryName()).isEqualTo("docker.io/library/alpine");
    }

    @Test
    void legacyDockerHubHostMeansDockerHub() {
        assertThat(ImageReference.parse("index.docker.io/alpine:3"))
                .isEqualTo(ImageReference.parse("alpine:3"))
                .hasToString("docker.io/library/alpine:3");
        assertThat(ImageReference.parse("index.docker.io/user/app").registry()).isEqualTo("docker.io");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "App                               | repository component 'App' is not valid: repository names must be lowercase",
            "registry.example.com/Team/app     | repository component 'Team' is not valid: repository names must be lowercase",
            "app:-x                            | tag '-x' is not valid; a tag is 1-128 of letters, digits",
            "app:.hidden                       | tag '.hidden' is not valid",
            "app:                              | tag '' is not valid",
            "app:a+b                           | tag 'a+b' is not valid",
            "app@sha256:abc                    | invalid sha256 digest 'sha256:abc': expected 64 lowercase hex characters",
            "app@sha256:" + HEX + "0           | expected 64 lowercase hex characters",
            "app@                              | invalid digest '': expected sha256:<64 hex characters>",
            "app@md5                           | invalid digest 'md5'",
            "host:99999/app                    | registry port '99999' is not a number from 1 to 65535",
            "host:50a0/app                     | registry port '50a0' is not a number from 1 to 65535",
            "host:0/app                        | registry port '0' is not a number from 1 to 65535",
            "host:5000/                        | the repository name is missing",
            "localhost/                        | the repository name is missing",
            "a//b                              | repository component '' is not valid",
            "a/b/                              | repository component '' is not valid",
            "app-                              | repository component 'app-' is not valid: each path component is lowercase letters and digits",
            "_app                              | repository component '_app' is not valid",
            "my_registry.com/app               | registry 'my_registry.com' is not a valid host[:port] (e.g. registry.example.com:5000, localhost:5000, [::1]:5000)",
            "-registry.com/app                 | registry '-registry.com' is not a valid host[:port]",
            "[::1]x/app                        | registry '[::1]x' is not a valid host[:port]",
            "[zz::1]:5000/app                  | registry '[zz::1]:5000' is not a valid host[:port]",
    })
    void errorsNameTheBadPart(String text, String message) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(InvalidReferenceException.class)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("invalid image reference '" + text + "': ")
                .hasMessageContaining(message);
    }

    @Test
    @FaultCase(area = "parsers", fault = "a tag of 129 characters",
            outcome = "InvalidReferenceException naming the tag rule")
    void tagOfAtMost128Characters() {
        String longest = "t" + "1".repeat(127);
        assertThat(ImageReference.parse("app:" + longest).tag()).contains(longest);

        String tooLong = longest + "x";
        assertThatThrownBy(() -> ImageReference.parse("app:" + tooLong))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("tag '" + tooLong + "' is not valid; a tag is 1-128");
    }

    @Test
    @FaultCase(area = "parsers", fault = "a repository name over 255 characters",
            outcome = "InvalidReferenceException naming the limit")
    void nameOfAtMost255Characters() {
        String host = "registry.example.com/"; // 21 characters
        String fits = host + "a".repeat(255 - host.length());
        assertThat(ImageReference.parse(fits + ":1").repositoryName()).hasSize(255);

        assertThatThrownBy(() -> ImageReference.parse(fits + "b:1"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("the name is longer than 255 characters");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void emptyIsRejectedWithAnExample(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("it is empty")
                .hasMessageContaining("e.g. registry.example.com/team/app:1.0");
    }

    @ParameterizedTest
    @FaultCase(area = "parsers", fault = "a reference with surrounding spaces",
            outcome = "refused, not trimmed")
    @ValueSource(strings = {"alpine ", " alpine", "alpine:3\n", "\talpine"})
    void surroundingSpacesAreRejectedNotTrimmed(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("'" + io.jenkins.plugins.multiarch.engine.util.Printable.value(text) + "'")
                .hasMessageContaining("leading or trailing spaces");
    }
}
