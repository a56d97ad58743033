package io.jenkins.plugins.multiarch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RegistryClient#listTags} against a real registry (with authentication): every page, and a new repository. */
class TagListIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd("lister", "list-pass");

    @Test
    void followsTheLinkHeaderThroughEveryPage() {
        UploadedImage.forPlatform("linux/amd64")
                .layer(TarLayer.withFile("/a", "a".getBytes(StandardCharsets.UTF_8))).pushTo(registry, "tags/app:first");
        RegistryClient client = client();
        byte[] manifest = client.getManifest("tags/app", "first").bytes();
        List<String> tags = List.of("1.0.0", "1.0", "1", "latest", "sha-0123abc");
        for (String tag : tags) {
            client.putManifest("tags/app", tag, manifest, MediaTypes.OCI_MANIFEST);
        }

        // Distribution 2.8 ignores "n" and sends every tag at once:
        RegistryClient whole = client();
        assertThat(whole.listTags("tags/app", 2))
                .containsExactlyInAnyOrder("first", "1.0.0", "1.0", "1", "latest", "sha-0123abc");
        assertThat(whole.statistics().snapshot()).containsEntry("GET tag list", 1L);

        // a registry that pages: six tags, two per page, three GETs following the Link header
        try (FaultInjectingProxy paging = FaultInjectingProxy.inFrontOf(registry).paginateTagLists()) {
            RegistryClient pages = client(paging.host());
            assertThat(pages.listTags("tags/app", 2))
                    .containsExactly("1", "1.0", "1.0.0", "first", "latest", "sha-0123abc");
            assertThat(pages.statistics().snapshot()).containsEntry("GET tag list", 3L);
            assertThat(paging.count("GET", ".*/tags/list")).isEqualTo(3);
        }
    }

    @Test
    void aRepositoryThatDoesNotExistYetHasNoTags() {
        assertThat(client().listTags("tags/never-pushed")).isEmpty();
    }

    private static RegistryClient client() {
        return client(registry.host());
    }

    private static RegistryClient client(String host) {
        return RegistryClient.builder(host)
                .credentials(io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider.fixed(host,
                        io.jenkins.plugins.multiarch.engine.registry.auth.Credentials.of("lister", "list-pass")))
                .build();
    }
}
