package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.ProxiedRequest;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A registry that redirects blob downloads to another host (as registries on object storage do): the client
 * follows, and the password stays with the registry.
 */
class BlobRedirectIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd("alice", "redirect-S3cret");

    /** Stands in for the storage host: another registry, reached under another host name. */
    @RegisterExtension
    static final RegistryExtension storage = RegistryExtension.anonymous();

    @Test
    @FaultCase(area = "secrets", fault = "a blob download redirected to another host",
            outcome = "followed; the Authorization header never reaches the other host")
    void followsTheRedirectWithoutSendingCredentialsToTheOtherHost() {
        ScratchImage.forPlatform("linux/arm64").file("/a", "redirected").credentials(registry.credentials())
                .pushTo(registry.host(), "team/app:1");
        RegistryClient direct = client(registry.host());
        ImageManifest manifest = (ImageManifest) direct.getManifest("team/app", "1").parse();
        Digest config = manifest.config().digest();
        byte[] content = direct.getBlob("team/app", config);
        RegistryClient.builder(storage.host()).build().uploadBlob("team/app", config, content.length,
                () -> new ByteArrayInputStream(content));

        try (FaultInjectingProxy front = FaultInjectingProxy.inFrontOf(registry);
             FaultInjectingProxy storageHost = FaultInjectingProxy.inFrontOf(storage)) {
            String otherHost = "http://localhost:" + storageHost.host().substring(storageHost.host().indexOf(':') + 1);
            front.redirectNext(1, "GET", "/v2/team/app/blobs/.*", otherHost);

            byte[] fetched = client(front.host()).getBlob("team/app", config);

            assertThat(fetched).isEqualTo(content);
            assertThat(front.requests()).filteredOn(ProxiedRequest::injected)
                    .singleElement().satisfies(r -> assertThat(r.authorized()).isTrue());
            assertThat(storageHost.requests()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/v2/team/app/blobs/" + config);
                assertThat(r.authorized()).as("Authorization sent to the storage host").isFalse();
            });
        }
    }

    private static RegistryClient client(String host) {
        return RegistryClient.builder(host)
                .credentials(CredentialProvider.fixed(host, Credentials.of("alice", "redirect-S3cret")))
                .build();
    }
}
