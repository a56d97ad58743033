package io.jenkins.plugins.multiarch.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.ReadLimits;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.engine.verify.VerifyRequest;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An inspect or verify follows at most so many children of an index (1,000 unless configured): a registry's index
 * of 100,000 entries fails at once, before any child is requested, instead of costing 100,000 requests.
 */
class ChildrenLimitIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private static Digest child;
    private static long childSize;
    private FaultInjectingProxy proxy;

    @BeforeAll
    static void push() {
        child = Digest.parse(ScratchImage.forPlatform("linux/amd64").file("/a", "child").pushTo(registry.host(),
                "children/app:1"));
        childSize = RegistryClient.builder(registry.host()).build().getManifest("children/app", child.toString())
                .bytes().length;
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
    @FaultCase(area = "bounded work", fault = "inspect of an index with 100,000 entries (15 MiB; manifest limit raised to 32 MiB)",
            outcome = "fails naming the 1,000-children limit; not one child requested")
    void inspectRefusesAHugeIndexBeforeReadingAnyChild() {
        serveIndex(100_000);

        assertThatThrownBy(() -> inspect(RegistrySettings.DEFAULT.withLimits(
                ReadLimits.DEFAULT.withManifestBytes(32L << 20))))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("lists 100000 manifests, more than the 1000 an inspect follows")
                .hasMessageContaining("the limit of index children");
        assertThat(proxy.count("GET", ".*/manifests/sha256:.*")).isZero();
    }

    @Test
    @FaultCase(area = "bounded work", fault = "verify of an index with 1,001 entries",
            outcome = "fails naming the 1,000-children limit; not one child requested")
    void verifyRefusesAnIndexOverTheLimit() {
        serveIndex(1001);

        assertThatThrownBy(() -> verify(RegistrySettings.DEFAULT))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("lists 1001 manifests, more than the 1000 a verify follows");
        assertThat(proxy.count("GET", ".*/manifests/sha256:.*")).isZero();
    }

    @Test
    @FaultCase(area = "bounded work", fault = "an index of 3 entries with the children limit set to 2, then to 3",
            outcome = "refused at 2; inspected at 3 (the limit is configurable)")
    void theLimitIsConfigurable() throws Exception {
        serveIndex(3);
        assertThatThrownBy(() -> inspect(RegistrySettings.DEFAULT.withLimits(ReadLimits.DEFAULT.withChildren(2))))
                .hasMessageContaining("more than the 2 an inspect follows");

        serveIndex(3);
        InspectResult result = inspect(RegistrySettings.DEFAULT.withLimits(ReadLimits.DEFAULT.withChildren(3)));

        assertThat(result.platforms()).hasSize(3);
    }

    private InspectResult inspect(RegistrySettings settings) throws InterruptedException {
        try (Multiarch engine = Multiarch.create()) {
            return engine.inspect(new InspectRequest(ImageReference.parse(proxy.host() + "/children/app:index"),
                    settings), Host.explicit());
        }
    }

    private void verify(RegistrySettings settings) throws InterruptedException {
        try (Multiarch engine = Multiarch.create()) {
            engine.verify(new VerifyRequest(ImageReference.parse(proxy.host() + "/children/app:index"),
                    CheckPolicy.configOnly(), settings), Host.explicit());
        }
    }

    /** An OCI index of {@code entries} children, each the pushed image, as the answer to the next GET of the tag. */
    private void serveIndex(int entries) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":"
                + "\"application/vnd.oci.image.index.v1+json\",\"manifests\":[");
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"digest\":\"").append(child).append("\",\"size\":").append(childSize)
                    .append(",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}");
        }
        json.append("]}");
        proxy.answerNext(1, "GET", ".*/manifests/index", 200,
                Map.of("Content-Type", "application/vnd.oci.image.index.v1+json"),
                json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
