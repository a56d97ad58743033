package io.jenkins.plugins.multiarch.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.testkit.DockerCli;
import io.jenkins.plugins.multiarch.testkit.ImageFixtures;
import io.jenkins.plugins.multiarch.testkit.ManifestFormat;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import io.jenkins.plugins.multiarch.engine.verify.ImageCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Publishes indexes over real buildah-built images in a real Distribution registry, and reads the result back with
 * independent clients: skopeo and the docker CLI.
 */
class PublishIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> digests = new HashMap<>();

    @BeforeAll
    static void pushPlatformImages() {
        for (String platform : List.of("linux/amd64", "linux/arm64", "linux/arm/v7")) {
            String tag = platform.substring("linux/".length()).replace("/", "");
            digests.put(platform, ScratchImage.forPlatform(platform).file("/hello", "hello from " + platform)
                    .entrypoint("/hello").pushTo(registry.host(), "demo/app:" + tag));
        }
        for (String platform : List.of("linux/amd64", "linux/arm64")) {
            String tag = platform.substring("linux/".length());
            digests.put("docker " + platform, ScratchImage.forPlatform(platform).file("/hello", "docker " + platform)
                    .format(ManifestFormat.DOCKER).pushTo(registry.host(), "demo/docker:" + tag));
        }
        digests.put("other linux/arm64", ScratchImage.forPlatform("linux/arm64").file("/hello", "elsewhere")
                .pushTo(registry.host(), "other/place:arm64"));
    }

    @Test
    void publishesAThreePlatformIndexThatSkopeoAndDockerReadBack() throws Exception {
        PublishResult result = publish(request("demo/app:1.0", List.of("latest"), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm64=demo/app:arm64", "linux/arm/v7=demo/app:armv7"));

        assertThat(result.tagsWritten()).containsExactly("1.0", "latest");
        assertThat(result.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        Map<String, String> expected = Map.of("linux/amd64", digests.get("linux/amd64"),
                "linux/arm64", digests.get("linux/arm64"), "linux/arm/v7", digests.get("linux/arm/v7"));

        String raw = Skopeo.rawManifest(registry.host() + "/demo/app:1.0", null);
        assertThat(Digest.sha256(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(result.indexDigest());
        assertThat(platformsToDigests(JSON.readTree(raw))).isEqualTo(expected);
        assertThat(JSON.readTree(raw).path("mediaType").asText()).isEqualTo(MediaTypes.OCI_INDEX);

        String docker = DockerCli.manifestInspect(registry.host() + "/demo/app:latest");
        assertThat(platformsToDigests(JSON.readTree(docker))).isEqualTo(expected);
    }

    @Test
    void requestCountsAreTwoPerPlatformPlusOnePerTagEachWay() {
        PublishResult result = publish(request("demo/app:counted", List.of("counted-too"), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm64=demo/app:arm64", "linux/arm/v7=demo/app:armv7"));

        // ping; per platform one manifest GET and one config GET; per tag one HEAD and one PUT
        assertThat(result.requests()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET ping", 1L, "GET manifest", 3L, "GET blob", 3L, "HEAD manifest", 2L, "PUT manifest", 2L));
    }

    @Test
    void aRerunWithTheSameImagesWritesNothing() {
        PublishRequest request = request("demo/app:rerun", List.of(), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm64=demo/app:arm64");
        PublishResult first = publish(request);
        PublishResult second = publish(request);

        assertThat(second.indexDigest()).isEqualTo(first.indexDigest());
        assertThat(second.tagsWritten()).isEmpty();
        assertThat(second.tagsUnchanged()).containsExactly("rerun");
        assertThat(second.requests()).doesNotContainKey("PUT manifest");
    }

    @Test
    void theOrderOfSourcesDoesNotChangeTheDigest() {
        PublishResult forward = publish(request("demo/app:order-a", List.of(), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm64=demo/app:arm64", "linux/arm/v7=demo/app:armv7"));
        PublishResult backward = publish(request("demo/app:order-b", List.of(), IndexFormat.OCI, Map.of(),
                "linux/arm/v7=demo/app:armv7", "linux/arm64=demo/app:arm64", "linux/amd64=demo/app:amd64"));

        assertThat(backward.indexDigest()).isEqualTo(forward.indexDigest());
    }

    @Test
    void aMislabelledImageIsRefusedAndNoTagIsWritten() {
        PublishRequest request = request("demo/app:mislabelled", List.of("also"), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm64=demo/app:amd64");

        assertThatThrownBy(() -> publish(request))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("nothing was published")
                .hasMessageContaining("linux/arm64 source " + registry.host() + "/demo/app:amd64")
                .hasMessageContaining("is linux/amd64: publishing it would make arm64 hosts fail with 'exec format error'");
        RegistryClient client = client();
        assertThat(client.headManifest("demo/app", "mislabelled")).isEmpty();
        assertThat(client.headManifest("demo/app", "also")).isEmpty();
    }

    @Test
    void aFailedPublishLeavesAnExistingTagWhereItWas() {
        PublishResult good = publish(request("demo/app:stable", List.of(), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm64=demo/app:arm64"));

        assertThatThrownBy(() -> publish(request("demo/app:stable", List.of(), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm/v7=demo/app:arm64")))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("is linux/arm64: publishing it would make arm/v7 hosts fail with 'exec format error'");
        assertThat(client().headManifest("demo/app", "stable")).map(d -> d.digest()).contains(good.indexDigest());
    }

    @Test
    void everyFailingSourceIsReportedInOneRun() {
        assertThatThrownBy(() -> publish(request("demo/app:many", List.of(), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:no-such-tag", "linux/arm64=demo/app:also-missing", "linux/arm/v7=demo/app:armv7")))
                .isInstanceOf(PublishException.class)
                .satisfies(e -> assertThat(((PublishException) e).problems()).hasSize(2))
                .hasMessageContaining("2 of 3 sources could not be read")
                .hasMessageContaining("linux/amd64 source " + registry.host() + "/demo/app:no-such-tag")
                .hasMessageContaining("was not found (HTTP 404");
    }

    @Test
    void anIndexSourceGivesItsChildForThePlatform() {
        ImageFixtures.pushIndex(registry, "demo/app:buildx-style", null,
                digests.get("linux/amd64"), digests.get("linux/arm64"));

        PublishResult result = publish(request("demo/app:from-index", List.of(), IndexFormat.OCI, Map.of(),
                "linux/arm64=demo/app:buildx-style", "linux/arm/v7=demo/app:armv7"));

        assertThat(result.platforms()).extracting(p -> p.platform().toString() + "=" + p.digest())
                .containsExactly("linux/arm/v7=" + digests.get("linux/arm/v7"), "linux/arm64=" + digests.get("linux/arm64"));
    }

    @Test
    void anIndexSourceWithoutThePlatformIsRefusedNamingWhatItHas() {
        ImageFixtures.pushIndex(registry, "demo/app:two-only", null, digests.get("linux/amd64"), digests.get("linux/arm64"));

        assertThatThrownBy(() -> publish(request("demo/app:x", List.of(), IndexFormat.OCI, Map.of(),
                "linux/arm/v7=demo/app:two-only")))
                .hasMessageContaining("is an index without a linux/arm/v7 image; it has linux/amd64, linux/arm64");
    }

    @Test
    void imagesFromAnotherRepositoryAreMountedIntoTheTarget() throws Exception {
        PublishResult result = publish(request("demo/mounted:1.0", List.of(), IndexFormat.OCI, Map.of(),
                "linux/arm64=other/place:arm64", "linux/amd64=demo/app:amd64"));

        assertThat(result.requests()).containsKey("POST blob upload");
        RegistryClient client = client();
        for (PlatformResult platform : result.platforms()) {
            assertThat(client.headManifest("demo/mounted", platform.digest().toString())).isPresent();
        }
        String config = Skopeo.rawConfig(registry.host() + "/demo/mounted@" + digests.get("other linux/arm64"), null);
        assertThat(JSON.readTree(config).path("architecture").asText()).isEqualTo("arm64");
    }

    @Test
    void dockerFormatPublishesAManifestListThatDockerReads() throws Exception {
        PublishResult result = publish(request("demo/docker:list", List.of(), IndexFormat.DOCKER, Map.of(),
                "linux/amd64=demo/docker:amd64", "linux/arm64=demo/docker:arm64"));

        assertThat(result.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
        String docker = DockerCli.manifestInspect(registry.host() + "/demo/docker:list");
        JsonNode list = JSON.readTree(docker);
        assertThat(list.path("mediaType").asText()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
        assertThat(platformsToDigests(list)).isEqualTo(Map.of("linux/amd64", digests.get("docker linux/amd64"),
                "linux/arm64", digests.get("docker linux/arm64")));
    }

    @Test
    void autoFormatFollowsTheImages() {
        PublishResult docker = publish(request("demo/docker:auto", List.of(), IndexFormat.AUTO, Map.of(),
                "linux/amd64=demo/docker:amd64", "linux/arm64=demo/docker:arm64"));
        PublishResult oci = publish(request("demo/app:auto", List.of(), IndexFormat.AUTO, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm64=demo/app:arm64"));

        assertThat(docker.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
        assertThat(oci.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    }

    @Test
    void dockerFormatRefusesOciImagesBeforeWritingAnything() {
        assertThatThrownBy(() -> publish(request("demo/app:docker-of-oci", List.of(), IndexFormat.DOCKER, Map.of(),
                "linux/amd64=demo/app:amd64")))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("a Docker manifest list needs Docker v2 schema 2 images");
        assertThat(client().headManifest("demo/app", "docker-of-oci")).isEmpty();
    }

    @Test
    void annotationsAreWrittenIntoTheIndex() throws Exception {
        publish(request("demo/app:annotated", List.of(), IndexFormat.OCI,
                Map.of("org.opencontainers.image.source", "https://example.com/app", "org.opencontainers.image.version", "1.0"),
                "linux/amd64=demo/app:amd64"));

        JsonNode index = JSON.readTree(Skopeo.rawManifest(registry.host() + "/demo/app:annotated", null));
        assertThat(index.path("annotations").path("org.opencontainers.image.source").asText()).isEqualTo("https://example.com/app");
        assertThat(index.path("annotations").path("org.opencontainers.image.version").asText()).isEqualTo("1.0");
    }

    @Test
    void aDryRunVerifiesButWritesNothing() {
        PublishResult result = publish(request("demo/app:dry", List.of(), IndexFormat.OCI, Map.of(),
                "linux/amd64=demo/app:amd64", "linux/arm64=demo/app:arm64"));
        PublishResult dry = publish(new PublishRequest(ImageReference.parse(registry.host() + "/demo/app:dry-run"),
                List.of(), sources("linux/amd64=demo/app:amd64", "linux/arm64=demo/app:arm64"), IndexFormat.OCI,
                Map.of(), true));

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.indexDigest()).isEqualTo(result.indexDigest());
        assertThat(dry.requests()).doesNotContainKeys("PUT manifest", "POST blob upload");
        assertThat(client().headManifest("demo/app", "dry-run")).isEmpty();
    }

    @Test
    void windowsImagesOfTwoOsVersionsAreBothPublishedWithTheirOsVersion() throws Exception {
        String ltsc2019 = UploadedImage.forPlatform("windows/amd64").osVersion("10.0.17763.5458")
                .layer(TarLayer.withFile("Files/app.exe", "2019".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .pushTo(registry, "demo/windows:ltsc2019");
        String ltsc2022 = UploadedImage.forPlatform("windows/amd64").osVersion("10.0.20348.2227")
                .layer(TarLayer.withFile("Files/app.exe", "2022".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .pushTo(registry, "demo/windows:ltsc2022");

        PublishResult result = publish(request("demo/windows:1.0", List.of(), IndexFormat.OCI, Map.of(),
                "windows/amd64=demo/windows:ltsc2022", "windows/amd64=demo/windows:ltsc2019"));

        JsonNode index = JSON.readTree(Skopeo.rawManifest(registry.host() + "/demo/windows:1.0", null));
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : index.path("manifests")) {
            entries.add(entry.path("digest").asText() + " " + entry.path("platform"));
        }
        assertThat(entries).containsExactly(
                ltsc2019 + " {\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\"10.0.17763.5458\"}",
                ltsc2022 + " {\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\"10.0.20348.2227\"}");
        assertThat(result.platforms()).extracting(p -> p.platform().osVersion())
                .containsExactly("10.0.17763.5458", "10.0.20348.2227");
    }

    @Test
    void windowsImagesOfTheSameOsVersionAreRefusedBeforeAnythingIsWritten() {
        UploadedImage.forPlatform("windows/amd64").osVersion("10.0.17763.5458")
                .layer(TarLayer.withFile("Files/a.exe", "a".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .pushTo(registry, "demo/windows:same-a");
        UploadedImage.forPlatform("windows/amd64").osVersion("10.0.17763.5458")
                .layer(TarLayer.withFile("Files/b.exe", "b".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .pushTo(registry, "demo/windows:same-b");

        assertThatThrownBy(() -> publish(request("demo/windows:same", List.of(), IndexFormat.OCI, Map.of(),
                "windows/amd64=demo/windows:same-a", "windows/amd64=demo/windows:same-b")))
                .isInstanceOf(PublishException.class)
                .hasMessage("nothing was published: platform windows/amd64 (os.version 10.0.17763.5458) is given twice;"
                        + " each platform may appear once per OS version");
        assertThat(client().headManifest("demo/windows", "same")).isEmpty();
    }

    @Test
    void corruptContentServedForADigestIsRefused() throws Exception {
        String digest = ScratchImage.forPlatform("linux/amd64").file("/x", "to be corrupted")
                .pushTo(registry.host(), "demo/corrupt:amd64");
        java.nio.file.Path data = registry.storageDir().resolve("docker/registry/v2/blobs/sha256/"
                + digest.substring(7, 9) + "/" + digest.substring(7) + "/data");
        assertThat(data).exists();
        // Same JSON, one more space: a registry (or a disk) that changed the bytes behind a digest.
        java.nio.file.Files.writeString(data, java.nio.file.Files.readString(data) + " ");

        assertThatThrownBy(() -> client().getManifest("demo/corrupt", digest))
                .hasMessageContaining("does not hash to that digest; refusing it");
    }

    // ---- helpers ----

    private static PublishResult publish(PublishRequest request) {
        return new Publisher(client(), List.of(ImageCheck.configPlatform()), line -> { }).publish(request);
    }

    private static RegistryClient client() {
        return RegistryClient.builder(registry.host()).build();
    }

    private static PublishRequest request(String target, List<String> extraTags, IndexFormat format,
                                          Map<String, String> annotations, String... sources) {
        return new PublishRequest(ImageReference.parse(registry.host() + "/" + target), extraTags, sources(sources),
                format, annotations, false);
    }

    private static List<PlatformSource> sources(String... sources) {
        List<PlatformSource> list = new ArrayList<>();
        for (String source : sources) {
            int eq = source.indexOf('=');
            list.add(PlatformSource.parse(source.substring(0, eq + 1) + registry.host() + "/" + source.substring(eq + 1)));
        }
        return list;
    }

    /** platform → digest of each entry of an index or manifest list, as a client reads it. */
    static Map<String, String> platformsToDigests(JsonNode index) {
        Map<String, String> map = new HashMap<>();
        for (JsonNode entry : index.path("manifests")) {
            JsonNode p = entry.path("platform");
            String platform = p.path("os").asText() + "/" + p.path("architecture").asText()
                    + Optional.ofNullable(p.get("variant")).map(v -> "/" + v.asText()).orElse("");
            map.put(platform, entry.path("digest").asText());
        }
        return map;
    }
}
