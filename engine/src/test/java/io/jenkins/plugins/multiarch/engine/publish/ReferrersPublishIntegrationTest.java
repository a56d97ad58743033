package io.jenkins.plugins.multiarch.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.image.InspectRequest;
import io.jenkins.plugins.multiarch.engine.image.InspectResult;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.oci.Referrer;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.ReferrerList;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.testkit.ReferrerFixture;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OCI 1.1 referrers (a cosign-style signature and an SBOM whose subject is the arm64 image) carried along when the
 * images cross into another repository and onto another registry. Distribution 2.8 has no referrers API, so both
 * the reading and the writing go through the tag-schema fallback tag. Read back with skopeo.
 */
class ReferrersPublishIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    @RegisterExtension
    static final RegistryExtension mirror = RegistryExtension.anonymous();

    static String amd64;
    static String arm64;
    static ReferrerFixture.Pushed signature;
    static ReferrerFixture.Pushed sbom;

    @BeforeAll
    static void pushImagesAndReferrers() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64 signed").pushTo(registry.host(),
                "src/app:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64 signed").pushTo(registry.host(),
                "src/app:arm64");
        signature = ReferrerFixture.push(registry.host(), null, "src/app", arm64, ReferrerFixture.SIGNATURE,
                "{\"critical\":{\"image\":{\"docker-manifest-digest\":\"" + arm64 + "\"}}}");
        sbom = ReferrerFixture.push(registry.host(), null, "src/app", arm64, ReferrerFixture.SBOM,
                "{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"arm64\"}");
        ReferrerFixture.listUnderFallbackTag(registry.host(), null, "src/app", arm64, List.of(sbom, signature));
    }

    @Test
    void distributionHasNoReferrersApiSoTheFallbackTagIsRead() {
        RegistryClient client = RegistryClient.builder(registry.host()).build();

        ReferrerList listed = client.referrers("src/app", Digest.parse(arm64));
        ReferrerList none = client.referrers("src/app", Digest.parse(amd64));

        assertThat(listed.viaApi()).isFalse();
        assertThat(listed.referrers()).extracting(r -> r.digest().toString(), Referrer::artifactType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(signature.digest(), ReferrerFixture.SIGNATURE),
                        org.assertj.core.groups.Tuple.tuple(sbom.digest(), ReferrerFixture.SBOM));
        assertThat(none.referrers()).isEmpty();
    }

    @Test
    void referrersComeAlongIntoTheTargetAndTheFurtherTargetAndAReRunWritesNothing() throws Exception {
        PublishResult result = publish("team/app:1.0", true, List.of(mirror.host() + "/mirror/app"));

        assertThat(result.referrers()).containsOnlyKeys(arm64);
        assertThat(result.referrers().get(arm64)).extracting(r -> r.digest().toString())
                .containsExactlyInAnyOrder(signature.digest(), sbom.digest());
        for (String repo : List.of(registry.host() + "/team/app", mirror.host() + "/mirror/app")) {
            // the referrer manifests byte for byte, with their blobs, and the fallback tag listing both
            assertThat(Skopeo.rawManifest(repo + "@" + signature.digest(), null).getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(signature.manifest());
            assertThat(Skopeo.rawManifest(repo + "@" + sbom.digest(), null).getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(sbom.manifest());
            JsonNode fallback = JSON.readTree(Skopeo.rawManifest(repo + ":" + ReferrerFixture.fallbackTag(arm64), null));
            List<String> listed = new ArrayList<>();
            fallback.path("manifests").forEach(e -> listed.add(e.path("digest").asText() + " "
                    + e.path("artifactType").asText()));
            assertThat(listed).containsExactlyInAnyOrder(signature.digest() + " " + ReferrerFixture.SIGNATURE,
                    sbom.digest() + " " + ReferrerFixture.SBOM);
        }
        RegistryClient target = RegistryClient.builder(registry.host()).build();
        String layer = JSON.readTree(signature.manifest()).path("layers").get(0).path("digest").asText();
        assertThat(target.blobExists("team/app", Digest.parse(layer))).isTrue();
        assertThat(target.headManifest("team/app", ReferrerFixture.fallbackTag(amd64))).isEmpty();
        Digest fallbackBefore = target.headManifest("team/app", ReferrerFixture.fallbackTag(arm64)).orElseThrow()
                .digest();

        publish("team/app:1.0", true, List.of(mirror.host() + "/mirror/app"));

        assertThat(target.headManifest("team/app", ReferrerFixture.fallbackTag(arm64)).orElseThrow().digest())
                .isEqualTo(fallbackBefore);

        try (Multiarch engine = Multiarch.create()) {
            InspectResult inspected = engine.inspect(InspectRequest.of(
                    ImageReference.parse(registry.host() + "/team/app:1.0")), Host.explicit());
            assertThat(inspected.platforms()).filteredOn(e -> e.digest().toString().equals(arm64)).singleElement()
                    .satisfies(e -> assertThat(e.referrers()).extracting(Referrer::artifactType)
                            .containsExactlyInAnyOrder(ReferrerFixture.SIGNATURE, ReferrerFixture.SBOM));
            assertThat(inspected.platforms()).filteredOn(e -> e.digest().toString().equals(amd64)).singleElement()
                    .satisfies(e -> assertThat(e.referrers()).isEmpty());
        }
    }

    @Test
    void withoutReferrersNoneIsCopied() throws Exception {
        PublishResult result = publish("team/plain:1.0", false, List.of());

        assertThat(result.referrers()).isEmpty();
        RegistryClient target = RegistryClient.builder(registry.host()).build();
        assertThat(target.headManifest("team/plain", signature.digest())).isEmpty();
        assertThat(target.headManifest("team/plain", ReferrerFixture.fallbackTag(arm64))).isEmpty();
        assertThat(target.listTags("team/plain")).containsExactly("1.0");
    }

    @Test
    void aFallbackTagAlreadyInTheTargetKeepsItsEntries() throws Exception {
        ReferrerFixture.Pushed own = ReferrerFixture.push(registry.host(), null, "src/app", arm64,
                ReferrerFixture.SIGNATURE, "{\"another\":\"signature\"}");
        publish("team/merged:0", false, List.of()); // puts the arm64 image there
        ReferrerFixture.Pushed there = ReferrerFixture.push(registry.host(), null, "team/merged", arm64,
                ReferrerFixture.SIGNATURE, "{\"signed\":\"in the target\"}");
        ReferrerFixture.listUnderFallbackTag(registry.host(), null, "team/merged", arm64, List.of(there));

        publish("team/merged:1.0", true, List.of());

        JsonNode fallback = JSON.readTree(Skopeo.rawManifest(registry.host() + "/team/merged:"
                + ReferrerFixture.fallbackTag(arm64), null));
        List<String> digests = new ArrayList<>();
        fallback.path("manifests").forEach(e -> digests.add(e.path("digest").asText()));
        assertThat(digests).containsExactlyInAnyOrder(there.digest(), signature.digest(), sbom.digest());
        assertThat(digests).isSorted();
        assertThat(own.digest()).isNotIn(digests); // pushed to the source but not listed in its fallback tag
    }

    private static PublishResult publish(String target, boolean referrers, List<String> alsoTo) throws Exception {
        PublishRequest request = new PublishRequest(ImageReference.parse(registry.host() + "/" + target), List.of(),
                List.of(PlatformSource.parse("linux/amd64=" + registry.host() + "/src/app@" + amd64),
                        PlatformSource.parse("linux/arm64=" + registry.host() + "/src/app@" + arm64)),
                IndexFormat.OCI, Map.of(), false, CheckPolicy.standard(), RegistrySettings.DEFAULT,
                alsoTo.stream().map(ImageReference::parse).toList(), true, referrers);
        try (Multiarch engine = Multiarch.create()) {
            return engine.publish(request, Host.explicit());
        }
    }
}
