package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registry that declines cross-repository mounts: the client copies the blob instead. */
class MountFallbackIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    @Test
    @FaultCase(area = "publish", fault = "a registry that declines cross-repository mounts (202)",
            outcome = "the blob is copied streamed; the publish succeeds")
    void aDeclinedMountBecomesAStreamedCopy() throws Exception {
        ScratchImage.forPlatform("linux/arm64").file("/a", "mount me").pushTo(registry.host(), "source/app:1");
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry).declineMounts()) {
            RegistryClient client = RegistryClient.builder(proxy.host()).build();
            ImageManifest manifest = (ImageManifest) client.getManifest("source/app", "1").parse();
            Descriptor layer = manifest.layers().get(0);
            proxy.clearRequests();

            client.mountBlob("target/app", layer.digest(), "source/app");

            assertThat(client.blobExists("target/app", layer.digest())).isTrue();
            try (java.io.InputStream copied = client.openBlob("target/app", layer.digest())) {
                assertThat(io.jenkins.plugins.multiarch.engine.reference.Digest.sha256(copied.readAllBytes()))
                        .isEqualTo(layer.digest());
            }
            assertThat(proxy.count("POST", "/v2/target/app/blobs/uploads/")).as("mount, then a plain upload").isEqualTo(2);
            assertThat(proxy.count("DELETE", "/v2/target/app/blobs/uploads/.*")).as("declined session cancelled").isEqualTo(1);
            assertThat(proxy.count("PUT", "/v2/target/app/blobs/uploads/.*")).isEqualTo(1);
            assertThat(proxy.count("GET", "/v2/source/app/blobs/" + layer.digest())).isEqualTo(1);
        }
    }
}
