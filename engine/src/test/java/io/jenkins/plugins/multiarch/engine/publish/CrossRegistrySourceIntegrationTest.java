package io.jenkins.plugins.multiarch.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sources on another registry (with a password, behind a proxy that counts requests) published into the target
 * repository: every blob streamed across once, then the index; a re-run copies nothing.
 */
class CrossRegistrySourceIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RegistryExtension origin = RegistryExtension.htpasswd("reader", "origin-s3cret");

    @RegisterExtension
    static final RegistryExtension target = RegistryExtension.anonymous();

    @Test
    void imagesFromAnotherRegistryAreStreamedInEachBlobOnce() throws Exception {
        TarLayer base = TarLayer.builder().text("etc/os-release", "ID=shared\n").build();
        String amd64 = UploadedImage.forPlatform("linux/amd64").layer(base)
                .layer(TarLayer.withFile("hello", "amd64".getBytes(StandardCharsets.UTF_8))).pushTo(origin, "ci/app:amd64");
        String arm64 = UploadedImage.forPlatform("linux/arm64").layer(base)
                .layer(TarLayer.withFile("hello", "arm64".getBytes(StandardCharsets.UTF_8))).pushTo(origin, "ci/app:arm64");

        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(origin)) {
            PublishResult result = publish(proxy, amd64, arm64);

            assertThat(result.tagsWritten()).containsExactly("1.0");
            String index = Skopeo.rawManifest(target.host() + "/team/app:1.0", null);
            assertThat(Digest.sha256(index.getBytes(StandardCharsets.UTF_8))).isEqualTo(result.indexDigest());
            RegistryClient client = RegistryClient.builder(target.host()).build();
            for (String child : List.of(amd64, arm64)) {
                JsonNode manifest = JSON.readTree(Skopeo.rawManifest(target.host() + "/team/app@" + child, null));
                for (JsonNode layer : manifest.path("layers")) {
                    assertThat(client.blobExists("team/app", Digest.parse(layer.path("digest").asText()))).isTrue();
                }
                assertThat(Skopeo.rawConfig(target.host() + "/team/app@" + child, null)).contains("\"architecture\"");
            }
            // the layer both platforms share was read from the other registry once
            assertThat(proxy.count("GET", "/v2/ci/app/blobs/" + base.digest())).isEqualTo(1);

            proxy.clearRequests();
            PublishResult again = publish(proxy, amd64, arm64);
            assertThat(again.tagsUnchanged()).containsExactly("1.0");
            assertThat(proxy.count("GET", "/v2/ci/app/blobs/sha256:.*"))
                    .as("a re-run reads only the configs, to resolve").isEqualTo(2);
        }
    }

    private static PublishResult publish(FaultInjectingProxy proxy, String amd64, String arm64) throws Exception {
        PublishRequest request = new PublishRequest(ImageReference.parse(target.host() + "/team/app:1.0"), List.of(),
                List.of(PlatformSource.parse("linux/amd64=" + proxy.host() + "/ci/app@" + amd64),
                        PlatformSource.parse("linux/arm64=" + proxy.host() + "/ci/app@" + arm64)),
                IndexFormat.OCI, Map.of(), false, CheckPolicy.configOnly(), RegistrySettings.DEFAULT);
        Host host = Host.explicit().withCredentials(CredentialProvider.fixed(proxy.host(),
                Credentials.of("reader", "origin-s3cret")));
        try (Multiarch engine = Multiarch.create()) {
            return engine.publish(request, host);
        }
    }
}
