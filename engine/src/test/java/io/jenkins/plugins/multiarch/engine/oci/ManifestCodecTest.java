package io.jenkins.plugins.multiarch.engine.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestCodecTest {

    static byte[] resource(String path) {
        try (InputStream in = ManifestCodecTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Digest digest(char c) {
        return new Digest("sha256", String.valueOf(c).repeat(64));
    }

    // ---- real-world shapes ----

    @Test
    void dockerManifestList() {
        Manifest manifest = ManifestCodec.parse(resource("samples/docker-manifest-list.json"), "application/json");

        assertThat(manifest).isInstanceOf(ManifestIndex.class);
        ManifestIndex list = (ManifestIndex) manifest;
        assertThat(list.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
        assertThat(list.annotations()).isEmpty();
        assertThat(list.manifests()).extracting(d -> d.platform().toString()).containsExactly(
                "linux/amd64", "linux/arm/v5", "linux/arm/v7", "linux/arm64", "linux/386", "linux/ppc64le", "linux/s390x");
        assertThat(list.manifests()).allSatisfy(d -> assertThat(d.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST));
        assertThat(list.manifests().get(0).size()).isEqualTo(1570);
        assertThat(list.manifests().get(0).digest().hex()).hasSize(64);

        assertThat(list.childFor(Platform.parse("linux/arm/v5")).orElseThrow()).isSameAs(list.manifests().get(1));
        assertThat(list.childFor(Platform.parse("arm64")).orElseThrow()).isSameAs(list.manifests().get(3));
        assertThat(list.childFor(Platform.parse("linux/arm/v6"))).isEmpty();
        assertThat(list.childFor(Platform.parse("linux/riscv64"))).isEmpty();
    }

    @Test
    void buildxIndexWithAttestations() {
        ManifestIndex index = (ManifestIndex) ManifestCodec.parse(
                resource("samples/oci-index-buildx-attestations.json"), MediaTypes.OCI_INDEX);

        assertThat(index.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(index.manifests()).hasSize(4);
        Descriptor attestation = index.manifests().get(3);
        assertThat(attestation.platform()).isEqualTo(new Platform("unknown", "unknown", null));
        assertThat(attestation.annotations()).containsEntry("vnd.docker.reference.type", "attestation-manifest");

        Descriptor arm64 = index.childFor(Platform.LINUX_ARM64).orElseThrow();
        assertThat(arm64.platform()).as("arm64/v8 normalized").isEqualTo(Platform.LINUX_ARM64);
        assertThat(arm64.annotations()).isEmpty();
        assertThat(arm64.digest()).hasToString(attestation.annotations().get("vnd.docker.reference.digest"));
        assertThat(index.childFor(Platform.LINUX_AMD64).orElseThrow()).isSameAs(index.manifests().get(0));
        assertThat(index.childFor(Platform.LINUX_ARM_V7)).isEmpty();
    }

    @Test
    void ociManifestWithoutMediaTypeTakesItFromContentType() {
        Manifest manifest = ManifestCodec.parse(resource("samples/oci-manifest-without-media-type.json"),
                "application/vnd.oci.image.manifest.v1+json; charset=utf-8");

        assertThat(manifest).isInstanceOf(ImageManifest.class);
        ImageManifest image = (ImageManifest) manifest;
        assertThat(image.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(image.isDocker()).isFalse();
        assertThat(image.config().mediaType()).isEqualTo(MediaTypes.OCI_CONFIG);
        assertThat(image.config().size()).isEqualTo(1470);
        assertThat(image.layers()).extracting(Descriptor::size).containsExactly(3623807L, 1024L);
        assertThat(image.contentSize()).isEqualTo(1470 + 3623807 + 1024);
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @NullSource
    @ValueSource(strings = {"", "  "})
    void withoutAnyMediaTypeTheShapeDecides(String contentType) {
        assertThat(ManifestCodec.parse(resource("samples/oci-manifest-without-media-type.json"), contentType).mediaType())
                .isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(ManifestCodec.parse(utf8("{\"schemaVersion\":2,\"manifests\":[]}"), contentType).mediaType())
                .isEqualTo(MediaTypes.OCI_INDEX);
    }

    @Test
    void mediaTypeFieldWinsOverContentType() {
        Manifest manifest = ManifestCodec.parse(resource("samples/docker-manifest.json"), MediaTypes.OCI_INDEX);

        assertThat(manifest).isInstanceOf(ImageManifest.class);
        ImageManifest image = (ImageManifest) manifest;
        assertThat(image.isDocker()).isTrue();
        assertThat(image.config().mediaType()).isEqualTo(MediaTypes.DOCKER_CONFIG);
        assertThat(image.contentSize()).isEqualTo(7023 + 32654 + 16724 + 73109);
    }

    @Test
    void indexAnnotationsAndChildAnnotationsAreRead() {
        Manifest manifest = ManifestCodec.parse(utf8("""
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json",
                 "manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",
                   "digest":"sha256:%s","size":7,"annotations":{"k":"v"}}],
                 "annotations":{"org.opencontainers.image.source":"https://example.com/app","n":5}}
                """.formatted("c".repeat(64))), null);

        ManifestIndex index = (ManifestIndex) manifest;
        assertThat(index.annotations()).containsOnly(
                entry("org.opencontainers.image.source", "https://example.com/app"), entry("n", "5"));
        assertThat(index.manifests().get(0).annotations()).containsOnly(entry("k", "v"));
        assertThat(index.manifests().get(0).platform()).as("no platform given").isNull();
        assertThat(index.childFor(Platform.LINUX_AMD64)).isEmpty();
    }

    @Test
    void childWithoutVariantServesAnyVariantOfItsArchitecture() {
        Descriptor amd64 = new Descriptor(MediaTypes.OCI_MANIFEST, digest('1'), 1, Platform.LINUX_AMD64, Map.of());
        ManifestIndex index = new ManifestIndex(MediaTypes.OCI_INDEX, List.of(amd64), Map.of());

        assertThat(index.childFor(Platform.parse("linux/amd64/v3"))).containsSame(amd64);
        assertThat(index.childFor(Platform.parse("linux/arm64"))).isEmpty();
    }

    @Test
    void exactMatchWinsOverAChildWithoutVariant() {
        Descriptor generic = new Descriptor(MediaTypes.OCI_MANIFEST, digest('1'), 1, Platform.LINUX_AMD64, Map.of());
        Descriptor v3 = new Descriptor(MediaTypes.OCI_MANIFEST, digest('2'), 1, Platform.parse("linux/amd64/v3"), Map.of());
        ManifestIndex index = new ManifestIndex(MediaTypes.OCI_INDEX, List.of(generic, v3), Map.of());

        assertThat(index.childFor(Platform.parse("linux/amd64/v3"))).containsSame(v3);
        assertThat(index.childFor(Platform.LINUX_AMD64)).containsSame(generic);
    }

    // ---- configs ----

    @Test
    void dockerConfig() {
        ImageConfig config = ManifestCodec.parseConfig(resource("samples/docker-config-arm-v7.json"));

        assertThat(config.os()).isEqualTo("linux");
        assertThat(config.architecture()).isEqualTo("arm");
        assertThat(config.variant()).isEqualTo("v7");
        assertThat(config.osVersion()).isNull();
        assertThat(config.platformText()).isEqualTo("linux/arm/v7");
        assertThat(config.entrypoint()).containsExactly("/usr/local/bin/docker-entrypoint.sh");
        assertThat(config.cmd()).containsExactly("app", "--listen", ":8080");
        assertThat(config.env()).containsExactly(
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_HOME=/srv/app");
        assertThat(config.workingDir()).isEqualTo("/srv/app");
    }

    @Test
    void configThatLeavesThingsOut() {
        ImageConfig config = ManifestCodec.parseConfig(utf8(
                "{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\"10.0.17763.5329\","
                        + "\"config\":{\"Cmd\":null,\"Entrypoint\":[\"cmd\",\"/S\"]}}"));

        assertThat(config.platformText()).isEqualTo("windows/amd64");
        assertThat(config.osVersion()).isEqualTo("10.0.17763.5329");
        assertThat(config.variant()).isNull();
        assertThat(config.cmd()).isNull();
        assertThat(config.entrypoint()).containsExactly("cmd", "/S");
        assertThat(config.env()).isEmpty();
        assertThat(config.workingDir()).isNull();
    }

    @Test
    void configWithoutPlatform() {
        ImageConfig config = ManifestCodec.parseConfig(utf8("{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"));

        assertThat(config.os()).isNull();
        assertThat(config.architecture()).isNull();
        assertThat(config.entrypoint()).isNull();
    }

    // ---- what is not a manifest ----

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"schemaVersion\":2,                                                | manifest is not valid JSON",
            "<html>502 Bad Gateway</html>                                          | manifest is not valid JSON",
            "[]                                                                    | manifest is not a JSON object",
            "\"application/vnd.oci.image.manifest.v1+json\"                        | manifest is not a JSON object",
            "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}        | image manifest has no config descriptor",
            "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":\"x\"} | image manifest has no config descriptor",
            "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":{}} | 'manifests' is not an array",
            "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"digest\":\"sha256:1\"}]} | lacks mediaType, digest or size",
            "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":\"m\",\"digest\":\"sha256:abc\",\"size\":1}]} | descriptor has an invalid digest: invalid sha256 digest 'sha256:abc'",
            "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":\"m\",\"digest\":\"sha256:abc\",\"size\":\"big\"}]} | lacks mediaType, digest or size",
            "{\"schemaVersion\":1,\"mediaType\":\"application/vnd.docker.distribution.manifest.v1+prettyjws\"} | unsupported manifest media type 'application/vnd.docker.distribution.manifest.v1+prettyjws'; supported: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json",
    })
    void invalidManifestsSayWhatIsWrong(String json, String message) {
        assertThatThrownBy(() -> ManifestCodec.parse(utf8(json), null))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining(message);
    }

    @Test
    void emptyBodyIsNotAManifest() {
        assertThatThrownBy(() -> ManifestCodec.parse(new byte[0], MediaTypes.OCI_MANIFEST))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("manifest is not");
    }

    @Test
    void invalidConfigJson() {
        assertThatThrownBy(() -> ManifestCodec.parseConfig(utf8("{\"architecture\":")))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("image config is not valid JSON");
    }

    // ---- writing ----

    @Test
    void writesCompactJsonWithFieldsInFixedOrder() {
        Descriptor child = new Descriptor(MediaTypes.OCI_MANIFEST, digest('a'), 42, Platform.LINUX_ARM_V7,
                Map.of("z", "1", "a", "2"));
        ManifestIndex index = new ManifestIndex(MediaTypes.OCI_INDEX, List.of(child), Map.of());

        assertThat(new String(ManifestCodec.write(index), StandardCharsets.UTF_8)).isEqualTo(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                        + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
                        + "a".repeat(64) + "\",\"size\":42,\"platform\":{\"architecture\":\"arm\",\"os\":\"linux\","
                        + "\"variant\":\"v7\"},\"annotations\":{\"a\":\"2\",\"z\":\"1\"}}]}");
    }

    @Test
    void writtenIndexParsesBackToTheSameIndex() {
        Descriptor child = new Descriptor(MediaTypes.DOCKER_MANIFEST, digest('b'), 9, Platform.LINUX_ARM64,
                Map.of("k", "v \"quoted\" \u00e9"));
        ManifestIndex index = new ManifestIndex(MediaTypes.OCI_INDEX, List.of(child), Map.of("org.example", "x"));

        Manifest parsed = ManifestCodec.parse(ManifestCodec.write(index), null);

        assertThat(parsed).isEqualTo(index);
    }

    // ---- Windows: os.version ----

    static final String WINDOWS_INDEX = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":["
            + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "1".repeat(64)
            + "\",\"size\":10,\"platform\":{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":"
            + "\"10.0.17763.5458\"}},"
            + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "2".repeat(64)
            + "\",\"size\":20,\"platform\":{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":"
            + "\"10.0.20348.2227\"}}]}";

    @Test
    void osVersionIsReadFromIndexEntries() {
        ManifestIndex index = (ManifestIndex) ManifestCodec.parse(utf8(WINDOWS_INDEX), null);

        assertThat(index.manifests()).extracting(Descriptor::platform).containsExactly(
                new Platform("windows", "amd64", null, "10.0.17763.5458"),
                new Platform("windows", "amd64", null, "10.0.20348.2227"));
    }

    @Test
    void osVersionIsWrittenAfterOsAndTheBytesRoundTrip() {
        ManifestIndex index = (ManifestIndex) ManifestCodec.parse(utf8(WINDOWS_INDEX), null);

        assertThat(new String(ManifestCodec.write(index), StandardCharsets.UTF_8)).isEqualTo(WINDOWS_INDEX);
    }

    @Test
    void aPlatformWithoutOsVersionGetsNoOsVersionKey() {
        Descriptor child = new Descriptor(MediaTypes.OCI_MANIFEST, digest('c'), 5, Platform.parse("windows/amd64"), Map.of());

        String written = new String(ManifestCodec.write(new ManifestIndex(MediaTypes.OCI_INDEX, List.of(child), Map.of())),
                StandardCharsets.UTF_8);

        assertThat(written).contains("\"platform\":{\"architecture\":\"amd64\",\"os\":\"windows\"}")
                .doesNotContain("os.version");
    }

    @Test
    void anUnknownPlatformKeepsItsOsVersionToo() {
        String json = WINDOWS_INDEX.replace("\"amd64\",\"os\":\"windows\",\"os.version\":\"10.0.17763.5458\"",
                "\"unknown\",\"os\":\"unknown\",\"os.version\":\"1.2\"");

        ManifestIndex index = (ManifestIndex) ManifestCodec.parse(utf8(json), null);

        assertThat(index.manifests().get(0).platform()).isEqualTo(new Platform("unknown", "unknown", null, "1.2"));
    }
}
