package io.jenkins.plugins.multiarch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import io.jenkins.plugins.multiarch.engine.error.RegistryUnreachableException;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import io.jenkins.plugins.multiarch.engine.registry.transport.Timeouts;
import io.jenkins.plugins.multiarch.testkit.BodyFault;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryCredentials;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.TokenIssuer;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Everything read from a registry is bounded in bytes and in time: bodies read into memory stop at their limit,
 * whatever the registry sends, and every request (token requests included) has a deadline as a whole, not only an
 * idle limit. A real registry behind the fault-injecting proxy; the limits are made small so each case takes well
 * under a second.
 */
class BoundedReadsIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    /** A deadline for headers and in-memory bodies of 1 s; streamed bodies: idle 500 ms, 1.5 s as a whole. */
    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofMillis(500), Duration.ofMillis(1500));
    private static final RetryPolicy ONE_RETRY = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofSeconds(30));

    private static Digest manifest;
    private static Digest config;
    private static Digest layer;
    private FaultInjectingProxy proxy;

    @BeforeAll
    static void push() {
        manifest = Digest.parse(ScratchImage.forPlatform("linux/amd64").file("/bin/app", "x".repeat(4000))
                .pushTo(registry.host(), "bounded/app:1"));
        ImageManifest image = (ImageManifest) RegistryClient.builder(registry.host()).build()
                .getManifest("bounded/app", manifest.toString()).parse();
        config = image.config().digest();
        layer = image.layers().get(0).digest();
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(registry);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private RegistryClient client() {
        return client(RegistrySettings.DEFAULT);
    }

    private RegistryClient client(RegistrySettings settings) {
        return RegistryClient.builder(proxy.host()).settings(settings.withTimeouts(SHORT).withRetryPolicy(ONE_RETRY))
                .sleeper(wait -> { }).build();
    }

    @Test
    @FaultCase(area = "bodies", fault = "a manifest body that never ends (chunked, endless)",
            outcome = "refused after 4 MiB + 1 byte, naming the 4 MiB limit; not retried")
    void aManifestThatNeverEndsStopsAtItsLimit() {
        proxy.bodyFaultNext(1, "GET", ".*/manifests/1", BodyFault.ENDLESS);

        assertThatThrownBy(() -> client().getManifest("bounded/app", "1"))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("registry " + proxy.host())
                .hasMessageContaining("more than 4 MiB, the most this client reads for a manifest");
        assertThat(proxy.count("GET", ".*/manifests/1")).isEqualTo(1);
    }

    @Test
    @FaultCase(area = "bodies", fault = "a manifest of 5 MiB (over the 4 MiB the OCI spec suggests)",
            outcome = "refused naming the 4 MiB limit")
    void aManifestOverFourMebibytesIsRefused() {
        proxy.answerNext(1, "GET", ".*/manifests/big", 200,
                Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"), bigManifest(5 << 20));

        assertThatThrownBy(() -> client().getManifest("bounded/app", "big"))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("more than 4 MiB");
    }

    @Test
    @FaultCase(area = "bodies", fault = "a manifest of 5 MiB with the manifest limit raised to 8 MiB",
            outcome = "read whole: the limit is configurable (ReadLimits)")
    void theManifestLimitIsConfigurable() {
        byte[] body = bigManifest(5 << 20);
        proxy.answerNext(1, "GET", ".*/manifests/big", 200,
                Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"), body);
        RegistrySettings settings = RegistrySettings.DEFAULT
                .withLimits(ReadLimits.DEFAULT.withManifestBytes(8L << 20));

        ManifestResponse response = client(settings).getManifest("bounded/app", "big");

        assertThat(response.bytes()).hasSize(body.length);
    }

    @Test
    @FaultCase(area = "bodies", fault = "a config blob that never ends",
            outcome = "refused after 16 MiB + 1 byte, naming the 16 MiB config limit")
    void aConfigThatNeverEndsStopsAtItsLimit() {
        proxy.bodyFaultNext(1, "GET", ".*/blobs/" + config, BodyFault.ENDLESS);

        assertThatThrownBy(() -> client().getBlob("bounded/app", config))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("more than 16 MiB, the most this client reads for a blob");
    }

    @Test
    @FaultCase(area = "bodies", fault = "a config bigger than a lowered config limit (100 bytes)",
            outcome = "refused naming '100 bytes'")
    void theConfigLimitIsConfigurable() {
        RegistrySettings settings = RegistrySettings.DEFAULT.withLimits(ReadLimits.DEFAULT.withConfigBytes(100));

        assertThatThrownBy(() -> client(settings).getBlob("bounded/app", config))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("more than 100 bytes");
    }

    @Test
    @FaultCase(area = "bodies", fault = "an error body (404) that never ends",
            outcome = "refused after the 4 MiB limit; never read to the end")
    void anErrorBodyThatNeverEndsIsBounded() {
        proxy.bodyFaultNext(1, "GET", ".*/manifests/missing", BodyFault.ENDLESS);

        assertThatThrownBy(() -> client().getManifest("bounded/app", "missing"))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("more than 4 MiB");
    }

    @Test
    @FaultCase(area = "deadlines", fault = "a manifest drip-fed one byte every 100 ms (never idle)",
            outcome = "fails at the 1 s whole-request deadline naming registry and manifest; the idle limit alone"
                    + " would never fire")
    void aDripFedManifestMeetsTheWholeRequestDeadline() {
        proxy.bodyFaultNext(2, "GET", ".*/manifests/1", BodyFault.DRIP);

        assertThatThrownBy(() -> client().getManifest("bounded/app", "1"))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("cannot reach registry " + proxy.host())
                .hasMessageContaining("GET bounded/app:1")
                .hasMessageContaining("did not arrive within the 1 s deadline of the request");
    }

    @Test
    @FaultCase(area = "deadlines", fault = "a manifest whose headers never come",
            outcome = "fails at the 1 s response deadline per attempt, naming the registry")
    void headersThatNeverComeMeetTheResponseDeadline() {
        proxy.stallNext(2, "GET", ".*/manifests/1");

        assertThatThrownBy(() -> client().getManifest("bounded/app", "1"))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("cannot reach registry " + proxy.host())
                .hasMessageContaining("within 1 s");
    }

    @Test
    @FaultCase(area = "deadlines", fault = "a layer drip-fed one byte every 100 ms",
            outcome = "the stream fails at its whole-body deadline (1.5 s), naming the blob")
    void aDripFedLayerMeetsTheStreamDeadline() throws Exception {
        proxy.bodyFaultNext(1, "GET", ".*/blobs/" + layer, BodyFault.DRIP);

        try (InputStream in = client().openBlob("bounded/app", layer)) {
            assertThatThrownBy(in::readAllBytes)
                    .hasMessageContaining("the body of blob bounded/app@" + layer)
                    .hasMessageContaining("did not arrive within the 1.5 s deadline of the request");
        }
    }

    @Test
    @FaultCase(area = "deadlines", fault = "a layer whose body stalls after the headers",
            outcome = "the stream fails after 500 ms without data, naming the blob")
    void aStalledLayerMeetsTheIdleLimit() throws Exception {
        proxy.bodyFaultNext(1, "GET", ".*/blobs/" + layer, BodyFault.STALL_AFTER_HEADERS);

        try (InputStream in = client().openBlob("bounded/app", layer)) {
            assertThatThrownBy(in::readAllBytes)
                    .hasMessageContaining("no data from the registry for 500 ms")
                    .hasMessageContaining("blob bounded/app@" + layer);
        }
    }

    @Test
    @FaultCase(area = "content", fault = "a manifest fetched by digest whose bytes were changed",
            outcome = "refused: does not hash to the digest asked for")
    void aChangedManifestIsRefused() {
        proxy.bodyFaultNext(2, "GET", ".*/manifests/" + manifest, BodyFault.WRONG_BYTES);

        assertThatThrownBy(() -> client().getManifest("bounded/app", manifest.toString()))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("does not hash to that digest");
    }

    @Test
    @FaultCase(area = "content", fault = "a manifest by tag whose bytes differ from its Docker-Content-Digest",
            outcome = "refused naming both digests")
    void aTagWhoseBytesDoNotMatchTheClaimedDigestIsRefused() {
        proxy.bodyFaultNext(1, "GET", ".*/manifests/1", BodyFault.WRONG_BYTES);

        assertThatThrownBy(() -> client().getManifest("bounded/app", "1"))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("says bounded/app:1 is " + manifest)
                .hasMessageContaining("but the bytes it served hash to");
    }

    @Test
    @FaultCase(area = "content", fault = "a config blob whose bytes were changed",
            outcome = "refused: does not hash to its digest")
    void aChangedConfigIsRefused() {
        proxy.bodyFaultNext(2, "GET", ".*/blobs/" + config, BodyFault.WRONG_BYTES);

        assertThatThrownBy(() -> client().getBlob("bounded/app", config))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("does not hash to that digest");
    }

    // ---- token requests: a challenge that sends the client to a token service behind a second proxy ----

    @Test
    @FaultCase(area = "bodies", fault = "a token response that never ends",
            outcome = "refused after 1 MiB naming the limit and the token service")
    void aTokenBodyThatNeverEndsStopsAtItsLimit() {
        try (TokenIssuer issuer = TokenIssuer.start(new RegistryCredentials("u", "p"));
             FaultInjectingProxy tokens = FaultInjectingProxy.inFrontOf(base(issuer.realm()))) {
            challengeTo(tokens.url() + "/token");
            tokens.bodyFaultNext(1, "GET", "/token", BodyFault.ENDLESS);

            assertThatThrownBy(() -> client().getManifest("bounded/app", "1"))
                    .isInstanceOf(BadContentException.class)
                    .hasMessageContaining("more than 1 MiB, the most this client reads for a token");
        }
    }

    @Test
    @FaultCase(area = "deadlines", fault = "a token response stalled after its headers",
            outcome = "fails at the 1 s deadline naming the registry and the token realm")
    void aStalledTokenBodyMeetsTheDeadline() {
        try (TokenIssuer issuer = TokenIssuer.start(new RegistryCredentials("u", "p"));
             FaultInjectingProxy tokens = FaultInjectingProxy.inFrontOf(base(issuer.realm()))) {
            challengeTo(tokens.url() + "/token");
            tokens.bodyFaultNext(2, "GET", "/token", BodyFault.STALL_AFTER_HEADERS);

            assertThatThrownBy(() -> client().getManifest("bounded/app", "1"))
                    .isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("cannot reach registry " + proxy.host())
                    .hasMessageContaining("token from " + tokens.url() + "/token")
                    .hasMessageContaining("did not arrive within the 1 s deadline of the request");
        }
    }

    private void challengeTo(String realm) {
        proxy.answerNext(1, "GET", "/v2/", 401, Map.of("WWW-Authenticate",
                "Bearer realm=\"" + realm + "\",service=\"" + TokenIssuer.SERVICE + "\""), new byte[0]);
    }

    private static String base(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** A valid image manifest padded with an annotation to {@code size} bytes. */
    private static byte[] bigManifest(int size) {
        String head = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config
                + "\",\"size\":1},\"layers\":[],\"annotations\":{\"pad\":\"";
        String tail = "\"}}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
