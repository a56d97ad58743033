package io.jenkins.plugins.multiarch.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.image.InspectRequest;
import io.jenkins.plugins.multiarch.engine.image.InspectResult;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.engine.verify.PlatformVerification;
import io.jenkins.plugins.multiarch.engine.verify.VerifyRequest;
import io.jenkins.plugins.multiarch.engine.verify.VerifyResult;
import io.jenkins.plugins.multiarch.testkit.BuildxIndexFixture;
import io.jenkins.plugins.multiarch.testkit.DockerCli;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A buildx-shaped source index (images, then an attestation manifest per image: provenance and SBOM, exactly as
 * buildx writes them) published into another repository: the chosen images' attestations come along, unchanged,
 * with their blobs; verification and inspect treat them as attestations. Read back with skopeo and the docker CLI.
 */
class AttestationPublishIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    static String amd64;
    static String arm64;
    static BuildxIndexFixture.Pushed buildx;
    static String source;

    @BeforeAll
    static void pushBuildxResult() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64 attested").pushTo(registry.host(),
                "buildx/app:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64 attested").pushTo(registry.host(),
                "buildx/app:arm64");
        buildx = BuildxIndexFixture.create().image("linux/amd64", amd64).image("linux/arm64", arm64)
                .pushTo(registry.host(), "buildx/app:build-7");
        source = registry.host() + "/buildx/app:build-7";
    }

    @Test
    void eachChosenImagesAttestationIsCarriedUnchangedWithItsBlobs() throws Exception {
        PublishResult result = publish("team/app:1.0", true, IndexFormat.OCI,
                "linux/amd64=" + source, "linux/arm64=" + source);

        JsonNode published = JSON.readTree(Skopeo.rawManifest(registry.host() + "/team/app:1.0", null));
        JsonNode original = JSON.readTree(Skopeo.rawManifest(source, null));
        List<JsonNode> entries = new ArrayList<>();
        published.path("manifests").forEach(entries::add);
        assertThat(entries).extracting(e -> e.path("digest").asText()).containsExactly(amd64, arm64,
                buildx.attestationOf().get(amd64), buildx.attestationOf().get(arm64));
        // the attestation entries exactly as buildx listed them: media type, size, unknown/unknown, annotations
        for (int i = 2; i < 4; i++) {
            assertThat(entries.get(i)).isEqualTo(original.path("manifests").get(i));
        }
        assertThat(result.platforms()).extracting(p -> p.attestations().stream().map(Digest::toString).toList())
                .containsExactly(List.of(buildx.attestationOf().get(amd64)), List.of(buildx.attestationOf().get(arm64)));

        // the attestation manifests and their in-toto blobs are in the target repository
        RegistryClient client = RegistryClient.builder(registry.host()).build();
        for (String attestation : buildx.attestationOf().values()) {
            JsonNode manifest = JSON.readTree(Skopeo.rawManifest(registry.host() + "/team/app@" + attestation, null));
            assertThat(manifest.path("layers").findValuesAsText("mediaType")).containsOnly("application/vnd.in-toto+json");
            for (JsonNode layer : manifest.path("layers")) {
                assertThat(client.blobExists("team/app", Digest.parse(layer.path("digest").asText()))).isTrue();
            }
            assertThat(client.blobExists("team/app", Digest.parse(manifest.path("config").path("digest").asText())))
                    .isTrue();
        }
        // the docker CLI reads the index too (it shows no descriptor annotations)
        JsonNode docker = JSON.readTree(DockerCli.manifestInspect(registry.host() + "/team/app:1.0"));
        assertThat(docker.path("manifests").findValuesAsText("digest")).containsExactly(amd64, arm64,
                buildx.attestationOf().get(amd64), buildx.attestationOf().get(arm64));
        assertThat(docker.path("manifests").get(3).path("platform").path("os").asText()).isEqualTo("unknown");

        try (Multiarch engine = Multiarch.create()) {
            VerifyResult verified = engine.verify(VerifyRequest.of(ImageReference.parse(registry.host() + "/team/app:1.0")),
                    Host.explicit());
            assertThat(verified.passed()).as(verified.problems().toString()).isTrue();
            assertThat(verified.platforms()).extracting(PlatformVerification::digest).extracting(Digest::toString)
                    .containsExactlyInAnyOrder(amd64, arm64);

            InspectResult inspected = engine.inspect(InspectRequest.of(ImageReference.parse(registry.host()
                    + "/team/app:1.0")), Host.explicit());
            assertThat(inspected.platforms()).extracting(e -> e.attestationOf().orElse("-"))
                    .containsExactly("-", "-", amd64, arm64);
        }
    }

    @Test
    void onlyTheChosenImagesAttestationsAndNoneWhenAskedNotTo() throws Exception {
        publish("team/one:1.0", true, IndexFormat.OCI, "linux/arm64=" + source);
        JsonNode one = JSON.readTree(Skopeo.rawManifest(registry.host() + "/team/one:1.0", null));
        assertThat(one.path("manifests").findValuesAsText("digest"))
                .containsExactly(arm64, buildx.attestationOf().get(arm64));

        PublishResult without = publish("team/none:1.0", false, IndexFormat.OCI,
                "linux/amd64=" + source, "linux/arm64=" + source);
        JsonNode none = JSON.readTree(Skopeo.rawManifest(registry.host() + "/team/none:1.0", null));
        assertThat(none.path("manifests").findValuesAsText("digest")).containsExactly(amd64, arm64);
        assertThat(without.platforms()).allSatisfy(p -> assertThat(p.attestations()).isEmpty());
    }

    @Test
    void aDockerListCannotCarryThemAndNothingIsWritten() {
        assertThatThrownBy(() -> publish("team/docker:1.0", true, IndexFormat.DOCKER, "linux/amd64=" + source))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("nothing was published")
                .satisfies(e -> assertThat(((PublishException) e).problems().toString())
                        .contains("cannot carry the images' 1 attestation manifests"));
        assertThat(RegistryClient.builder(registry.host()).build().listTags("team/docker")).isEmpty();
    }

    private static PublishResult publish(String target, boolean keep, IndexFormat format, String... sources)
            throws Exception {
        PublishRequest request = new PublishRequest(ImageReference.parse(registry.host() + "/" + target), List.of(),
                java.util.Arrays.stream(sources).map(PlatformSource::parse).toList(), format, Map.of(), false,
                CheckPolicy.standard(), RegistrySettings.DEFAULT, List.of(), keep);
        try (Multiarch engine = Multiarch.create()) {
            return engine.publish(request, Host.explicit());
        }
    }
}
