package io.jenkins.plugins.multiarch.engine.publish;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.AuthenticationException;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.testing.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.engine.testing.RegistryExtension;
import io.jenkins.plugins.multiarch.engine.testing.ScratchImage;
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
    void aFailedTagLookupIsReportedInTheRegistrysOwnWords() {
        proxy.failNext(1, "HEAD", ".*/manifests/denied", 403);

        assertThatThrownBy(() -> publish("faults/app:denied", List.of(), "linux/amd64=faults/app:amd64"))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("registry " + proxy.host() + " denied HEAD faults/app:denied")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("io.jenkins");
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
