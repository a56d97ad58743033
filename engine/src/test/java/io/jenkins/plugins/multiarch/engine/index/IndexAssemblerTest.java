package io.jenkins.plugins.multiarch.engine.index;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.oci.ManifestIndex;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Index assembly and its serialization. The golden files under {@code golden/} are the exact bytes (and so the
 * digest) of an index for a fixed input: a change that alters them changes the digest every user publishes, and
 * must be deliberate.
 */
class IndexAssemblerTest {

    static Digest digest(char c) {
        return new Digest("sha256", String.valueOf(c).repeat(64));
    }

    static Descriptor child(String platform, String mediaType, char digest, long size, Map<String, String> annotations) {
        return new Descriptor(mediaType, digest(digest), size, Platform.parse(platform), annotations);
    }

    static Descriptor oci(String platform, char digest) {
        return child(platform, MediaTypes.OCI_MANIFEST, digest, 100, Map.of());
    }

    static Descriptor docker(String platform, char digest) {
        return child(platform, MediaTypes.DOCKER_MANIFEST, digest, 100, Map.of());
    }

    static byte[] golden(String name) {
        try (InputStream in = IndexAssemblerTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden file " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three platforms as builds might report them: arm64 first, one Docker manifest, annotations out of order. */
    static List<Descriptor> threePlatforms() {
        Map<String, String> amd64Annotations = new LinkedHashMap<>();
        amd64Annotations.put("org.opencontainers.image.ref.name", "1.0");
        amd64Annotations.put("com.example.build", "42");
        return List.of(
                child("linux/aarch64", MediaTypes.OCI_MANIFEST, '1', 1234, Map.of()),
                child("x86_64", MediaTypes.OCI_MANIFEST, '2', 673, amd64Annotations),
                child("linux/armhf", MediaTypes.DOCKER_MANIFEST, '3', 528, Map.of()));
    }

    static Map<String, String> indexAnnotations() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("org.opencontainers.image.source", "https://github.com/example/app");
        annotations.put("org.opencontainers.image.revision", "0123abc");
        annotations.put("org.opencontainers.image.created", "2024-01-02T03:04:05Z");
        return annotations;
    }

    @Test
    void ociIndexOfThreePlatformsMatchesGoldenFile() {
        ManifestIndex index = IndexAssembler.assemble(IndexFormat.OCI, threePlatforms(), indexAnnotations());

        byte[] bytes = ManifestCodec.write(index);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(new String(golden("oci-index-3-platforms.json"), StandardCharsets.UTF_8));
        assertThat(bytes).isEqualTo(golden("oci-index-3-platforms.json"));
        assertThat(index.manifests()).extracting(d -> d.platform().toString())
                .containsExactly("linux/amd64", "linux/arm/v7", "linux/arm64");
    }

    @Test
    void dockerListOfTwoPlatformsMatchesGoldenFile() {
        List<Descriptor> children = List.of(
                child("linux/arm64", MediaTypes.DOCKER_MANIFEST, 'b', 527, Map.of()),
                child("linux/amd64", MediaTypes.DOCKER_MANIFEST, 'a', 525, Map.of()));

        byte[] bytes = ManifestCodec.write(IndexAssembler.assemble(IndexFormat.DOCKER, children, Map.of()));

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(new String(golden("docker-list-2-platforms.json"), StandardCharsets.UTF_8));
        assertThat(bytes).isEqualTo(golden("docker-list-2-platforms.json"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"oci-index-3-platforms.json", "docker-list-2-platforms.json"})
    void goldenFilesAreCanonical(String name) {
        byte[] bytes = golden(name);

        ManifestIndex parsed = (ManifestIndex) ManifestCodec.parse(bytes, null);

        assertThat(ManifestCodec.write(parsed)).as("parse then write gives the same bytes").isEqualTo(bytes);
    }

    static Stream<Arguments> orderings() {
        List<Arguments> all = new ArrayList<>();
        List<Descriptor> children = threePlatforms();
        int[][] permutations = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : permutations) {
            all.add(Arguments.of(List.of(children.get(p[0]), children.get(p[1]), children.get(p[2]))));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("orderings")
    void inputOrderDoesNotChangeTheBytes(List<Descriptor> children) {
        Map<String, String> reversed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(indexAnnotations().keySet());
        Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, indexAnnotations().get(k)));

        assertThat(ManifestCodec.write(IndexAssembler.assemble(IndexFormat.OCI, children, new HashMap<>(reversed))))
                .isEqualTo(golden("oci-index-3-platforms.json"));
    }

    @Test
    void sortsByOsThenArchitectureThenVariant() {
        List<Descriptor> children = List.of(oci("windows/amd64", '1'), oci("linux/arm/v7", '2'), oci("linux/arm/v6", '3'),
                oci("linux/s390x", '4'), oci("linux/amd64/v3", '5'), oci("linux/amd64", '6'), oci("linux/386", '7'));

        ManifestIndex index = IndexAssembler.assemble(IndexFormat.OCI, children, Map.of());

        assertThat(index.manifests()).extracting(d -> d.platform().toString()).containsExactly(
                "linux/386", "linux/amd64", "linux/amd64/v3", "linux/arm/v6", "linux/arm/v7", "linux/s390x",
                "windows/amd64");
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({
            "OCI,    docker+docker, application/vnd.oci.image.index.v1+json",
            "OCI,    oci+oci,       application/vnd.oci.image.index.v1+json",
            "DOCKER, docker+docker, application/vnd.docker.distribution.manifest.list.v2+json",
            "AUTO,   docker+docker, application/vnd.docker.distribution.manifest.list.v2+json",
            "AUTO,   docker,        application/vnd.docker.distribution.manifest.list.v2+json",
            "AUTO,   docker+oci,    application/vnd.oci.image.index.v1+json",
            "AUTO,   oci+docker,    application/vnd.oci.image.index.v1+json",
            "AUTO,   oci+oci,       application/vnd.oci.image.index.v1+json",
    })
    void formatDecidesTheMediaType(IndexFormat format, String kinds, String mediaType) {
        String[] platforms = {"linux/amd64", "linux/arm64"};
        List<Descriptor> children = new ArrayList<>();
        String[] kind = kinds.split("\\+");
        for (int i = 0; i < kind.length; i++) {
            children.add(kind[i].equals("oci") ? oci(platforms[i], (char) ('1' + i)) : docker(platforms[i], (char) ('1' + i)));
        }

        ManifestIndex index = IndexAssembler.assemble(format, children, Map.of());

        assertThat(index.mediaType()).isEqualTo(mediaType);
        assertThat(ManifestCodec.parse(ManifestCodec.write(index), null).mediaType()).isEqualTo(mediaType);
    }

    @Test
    void dockerListCannotHoldAnOciImage() {
        List<Descriptor> children = List.of(docker("linux/amd64", '1'), oci("linux/arm64", '2'));

        assertThatThrownBy(() -> IndexAssembler.assemble(IndexFormat.DOCKER, children, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a Docker manifest list needs Docker v2 schema 2 images")
                .hasMessageContaining("the linux/arm64 image sha256:" + "2".repeat(64)
                        + " is application/vnd.oci.image.manifest.v1+json")
                .hasMessageContaining("publish an OCI index (or auto)");
    }

    @Test
    void autoChoosesAnOciIndexWhenAnnotationsAreGivenEvenForDockerImages() {
        List<Descriptor> children = List.of(docker("linux/amd64", '1'), docker("linux/arm64", '2'));

        ManifestIndex index = IndexAssembler.assemble(IndexFormat.AUTO, children, indexAnnotations());

        assertThat(index.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(index.annotations()).isEqualTo(indexAnnotations());
    }

    @Test
    void dockerListCannotCarryAnnotations() {
        List<Descriptor> children = List.of(docker("linux/amd64", '1'), docker("linux/arm64", '2'));

        assertThatThrownBy(() -> IndexAssembler.assemble(IndexFormat.DOCKER, children, indexAnnotations()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a Docker manifest list cannot carry annotations [org.opencontainers.image.created, "
                        + "org.opencontainers.image.revision, org.opencontainers.image.source]")
                .hasMessageContaining("publish an OCI index to keep them");
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "linux/amd64,  linux/amd64,  linux/amd64",
            "linux/arm64,  linux/aarch64, linux/arm64",
            "linux/arm/v7, linux/armhf,  linux/arm/v7",
    })
    void eachPlatformOnce(String first, String second, String named) {
        List<Descriptor> children = List.of(oci(first, '1'), oci("linux/s390x", '2'), oci(second, '3'));

        assertThatThrownBy(() -> IndexAssembler.assemble(IndexFormat.OCI, children, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("platform " + named + " is given twice; each platform may appear once");
    }

    @Test
    void variantsAreDifferentPlatforms() {
        List<Descriptor> children = List.of(oci("linux/arm/v6", '1'), oci("linux/arm/v7", '2'));

        assertThat(IndexAssembler.assemble(IndexFormat.OCI, children, Map.of()).manifests()).hasSize(2);
    }

    static Descriptor windows(String osVersion, char digest) {
        return new Descriptor(MediaTypes.OCI_MANIFEST, digest(digest), 100,
                Platform.parse("windows/amd64").withOsVersion(osVersion), Map.of());
    }

    @Test
    void windowsImagesOfDifferentOsVersionsAreBothListedInOsVersionOrderWhateverTheInputOrder() {
        List<Descriptor> forward = List.of(windows("10.0.17763.5458", '1'), windows("10.0.20348.2227", '2'),
                oci("linux/amd64", '3'));
        List<Descriptor> backward = List.of(oci("linux/amd64", '3'), windows("10.0.20348.2227", '2'),
                windows("10.0.17763.5458", '1'));

        ManifestIndex index = IndexAssembler.assemble(IndexFormat.OCI, forward, Map.of());

        assertThat(index.manifests()).extracting(d -> d.platform().describe()).containsExactly("linux/amd64",
                "windows/amd64 (os.version 10.0.17763.5458)", "windows/amd64 (os.version 10.0.20348.2227)");
        assertThat(ManifestCodec.write(IndexAssembler.assemble(IndexFormat.OCI, backward, Map.of())))
                .isEqualTo(ManifestCodec.write(index));
    }

    @Test
    void theSameWindowsOsVersionTwiceIsRefused() {
        List<Descriptor> children = List.of(windows("10.0.17763.5458", '1'), windows("10.0.17763.5458", '2'));

        assertThatThrownBy(() -> IndexAssembler.assemble(IndexFormat.OCI, children, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("platform windows/amd64 (os.version 10.0.17763.5458) is given twice; each platform may"
                        + " appear once per OS version");
    }

    @Test
    void needsAtLeastOneChild() {
        assertThatThrownBy(() -> IndexAssembler.assemble(IndexFormat.OCI, List.of(), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("an index needs at least one platform image");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"oci, OCI", "OCI, OCI", "docker, DOCKER", "' Auto ', AUTO"})
    void formatParses(String text, IndexFormat format) {
        assertThat(IndexFormat.parse(text)).isEqualTo(format);
        assertThat(format.toString()).isEqualTo(format.name().toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "v2", "oci-index", "docker list"})
    void badFormatListsTheValidOnes(String text) {
        assertThatThrownBy(() -> IndexFormat.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid index format '" + text + "': valid formats are oci, docker, auto");
    }

    @Test
    void nullFormatListsTheValidOnes() {
        assertThatThrownBy(() -> IndexFormat.parse(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("valid formats are oci, docker, auto");
    }
}
