package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ProxiedRequest;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import java.nio.charset.StandardCharsets;
import io.jenkins.plugins.multiarch.engine.verify.ImageCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A publish through a proxy in front of a real registry that fails chosen requests, and records every request: what
 * the user is told, and what the registry is asked.
 */
class PublishFaultIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private FaultInjectingProxy proxy;

    @BeforeAll
    static void pushPlatformImages() {
        ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64").pushTo(registry.host(), "faults/app:amd64");
        ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64").pushTo(registry.host(), "faults/app:arm64");
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(registry);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    @FaultCase(area = "publish", fault = "a failing tag lookup before the write",
            outcome = "AccessDeniedException in the registry's own words, no Java class name")
    void aFailedTagLookupIsReportedInTheRegistrysOwnWords() {
        proxy.failNext(1, "HEAD", ".*/manifests/denied", 403);

        assertThatThrownBy(() -> publish("faults/app:denied", List.of(), "linux/amd64=faults/app:amd64"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageStartingWith("registry " + proxy.host() + " denied HEAD faults/app:denied")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("io.jenkins");
    }

    @Test
    @FaultCase(area = "publish", fault = "a tag PUT that fails after earlier tags were written",
            outcome = "stops there; TagWriteException names the tags written and not written")
    void aFailedTagWriteStopsThereAndNamesTheTagsWrittenAndNotWritten() {
        proxy.failNext(1, "PUT", ".*/manifests/latest", 400);

        TagWriteException e = catchThrowableOfType(() -> publish("faults/app:1.0", List.of("latest", "stable"),
                "linux/amd64=faults/app:amd64", "linux/arm64=faults/app:arm64"), TagWriteException.class);

        assertThat(e).hasMessage("index " + e.indexDigest() + " written under 1.0; writing latest failed: registry "
                + proxy.host() + " answered PUT faults/app:latest with HTTP 400: UNAVAILABLE injected by"
                + " FaultInjectingProxy; not written: latest, stable");
        assertThat(e.tagsWritten()).containsExactly("1.0");
        assertThat(e.tagsNotWritten()).containsExactly("latest", "stable");
        // One after another, the target's tag first, and nothing after the failure.
        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("PUT"))
                .extracting(r -> r.path() + " " + r.status())
                .containsExactly("/v2/faults/app/manifests/1.0 201", "/v2/faults/app/manifests/latest 400");
        RegistryClient direct = RegistryClient.builder(registry.host()).build();
        assertThat(direct.headManifest("faults/app", "1.0")).map(Descriptor::digest).contains(e.indexDigest());
        assertThat(direct.headManifest("faults/app", "latest")).isEmpty();
        assertThat(direct.headManifest("faults/app", "stable")).isEmpty();
    }

    @Test
    void aLayerTwoPlatformsShareIsMountedOnce() {
        TarLayer base = TarLayer.builder().text("etc/os-release", "ID=shared-base\n").build();
        String amd64 = UploadedImage.forPlatform("linux/amd64").layer(base)
                .layer(TarLayer.withFile("hello", "amd64".getBytes(StandardCharsets.UTF_8)))
                .pushTo(registry, "faults/elsewhere:amd64");
        String arm64 = UploadedImage.forPlatform("linux/arm64").layer(base)
                .layer(TarLayer.withFile("hello", "arm64".getBytes(StandardCharsets.UTF_8)))
                .pushTo(registry, "faults/elsewhere:arm64");

        publish("faults/shared:1.0", List.of(), "linux/amd64=faults/elsewhere@" + amd64,
                "linux/arm64=faults/elsewhere@" + arm64);

        // Two configs, two top layers and the shared base: five distinct blobs, one mount each.
        List<String> mounted = proxy.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v2/faults/shared/blobs/uploads/"))
                .map(r -> r.query().replaceAll(".*mount=([^&]+).*", "$1"))
                .toList();
        assertThat(mounted).hasSize(5).doesNotHaveDuplicates().contains(base.digest());
        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("PUT"))
                .extracting(ProxiedRequest::path)
                .containsExactlyInAnyOrder("/v2/faults/shared/manifests/" + amd64, "/v2/faults/shared/manifests/" + arm64,
                        "/v2/faults/shared/manifests/1.0");
    }

    // ---- helpers ----

    private PublishResult publish(String target, List<String> extraTags, String... sources) {
        List<PlatformSource> parsed = Arrays.stream(sources).map(s -> PlatformSource.parse(
                s.substring(0, s.indexOf('=') + 1) + proxy.host() + "/" + s.substring(s.indexOf('=') + 1))).toList();
        PublishRequest request = new PublishRequest(ImageReference.parse(proxy.host() + "/" + target), extraTags,
                parsed, IndexFormat.OCI, Map.of(), false);
        return new Publisher(client(), List.of(ImageCheck.configPlatform()), line -> { }).publish(request);
    }

    private RegistryClient client() {
        return RegistryClient.builder(proxy.host()).build();
    }
}
