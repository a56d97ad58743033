package io.jenkins.plugins.multiarch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.NotFoundException;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.ProxiedRequest;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults a registry shows for a moment, against a real registry behind the fault-injecting proxy: resets and short
 * bodies on blobs, read-after-write lag, and a manifest PUT that finds a blob unknown right after it was put there.
 * Every wait goes through a recording sleeper.
 */
class TransientFaultIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(10), Duration.ofSeconds(1));

    private static final java.util.Map<Digest, Integer> SIZES = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private FaultInjectingProxy proxy;
    private RegistryClient client;
    private String repo;

    @BeforeEach
    void start() {
        proxy = FaultInjectingProxy.inFrontOf(registry);
        client = RegistryClient.builder(proxy.host()).retryPolicy(QUICK).sleeper(waits::add).build();
        repo = "transient/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    @FaultCase(area = "retries", fault = "the connection is reset before the answer to a config blob GET",
            outcome = "retried; the config is read and checked against its digest")
    void aResetOnAConfigBlobIsRetried() {
        byte[] config = config();
        Digest digest = upload(config);
        proxy.dropConnectionOnce("GET", ".*/blobs/" + digest);

        assertThat(freshClient().getBlob(repo, digest)).isEqualTo(config);
        assertThat(proxy.count("GET", ".*/blobs/" + digest)).isEqualTo(2);
    }

    @Test
    @FaultCase(area = "retries", fault = "a config blob body cut short (full Content-Length, connection closed)",
            outcome = "retried; the whole config is read and checked against its digest")
    void aShortConfigBodyIsRetried() {
        byte[] config = config();
        Digest digest = upload(config);
        proxy.cutBodyNext(1, "GET", ".*/blobs/" + digest, 10);

        assertThat(freshClient().getBlob(repo, digest)).isEqualTo(config);
        assertThat(proxy.count("GET", ".*/blobs/" + digest)).isEqualTo(2);
    }

    @Test
    @FaultCase(area = "retries", fault = "a layer download whose connection breaks after 300 KB of 1 MiB",
            outcome = "resumed with Range from the byte it broke at (206); the bytes read hash to the layer's digest")
    void aLayerStreamThatBreaksMidWayResumesWithARange() throws IOException {
        byte[] layer = randomBytes(1024 * 1024);
        Digest digest = upload(layer);
        proxy.cutBodyNext(1, "GET", ".*/blobs/" + digest, 300_000);

        byte[] read;
        try (InputStream in = freshClient().openBlob(repo, digest)) {
            read = in.readAllBytes();
        }

        assertThat(Digest.sha256(read)).isEqualTo(digest);
        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("GET") && r.path().endsWith("/blobs/" + digest))
                .extracting(ProxiedRequest::status).containsExactly(200, 206);
        assertThat(waits).hasSize(1);
    }

    @Test
    @FaultCase(area = "retries", fault = "a layer download that breaks every time",
            outcome = "gives up after the policy's attempts, saying how many bytes arrived; no endless loop")
    void aLayerStreamThatKeepsBreakingFailsAfterTheAttempts() {
        byte[] layer = randomBytes(256 * 1024);
        Digest digest = upload(layer);
        proxy.cutBodyNext(10, "GET", ".*/blobs/" + digest, 1000);

        assertThatThrownBy(() -> {
            try (InputStream in = freshClient().openBlob(repo, digest)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("broke after").hasMessageContaining("3 resumes");
        assertThat(proxy.count("GET", ".*/blobs/" + digest)).isEqualTo(QUICK.maxAttempts());
    }

    @Test
    @FaultCase(area = "retries", fault = "the connection is reset during a blob upload's PUT",
            outcome = "the upload starts again from the POST and the blob arrives")
    void aResetDuringABlobUploadStartsItAgain() {
        byte[] layer = randomBytes(64 * 1024);
        Digest digest = Digest.sha256(layer);
        proxy.dropConnectionOnce("PUT", ".*/blobs/uploads/.*");

        assertThat(client.uploadBlob(repo, digest, layer.length, () -> new ByteArrayInputStream(layer))).isTrue();
        assertThat(client.blobExists(repo, digest)).isTrue();
        assertThat(proxy.count("POST", ".*/blobs/uploads/")).isEqualTo(2);
    }

    @Test
    @FaultCase(area = "retries", fault = "a manifest this run just pushed answers 404 once (read-after-write lag)",
            outcome = "asked for again after one wait through the sleeper; read")
    void aManifestJustPushedThatAnswers404OnceIsReadAfterAWait() {
        byte[] manifest = manifest(upload(config()), upload(randomBytes(1000)));
        Digest digest = client.putManifest(repo, Digest.sha256(manifest).toString(), manifest, MediaTypes.OCI_MANIFEST);
        proxy.notFoundNext(1, "GET", ".*/manifests/" + digest);
        waits.clear();

        assertThat(client.getManifest(repo, digest.toString()).digest()).isEqualTo(digest);
        assertThat(waits).hasSize(1);
        assertThat(proxy.count("GET", ".*/manifests/" + digest)).isEqualTo(2);
    }

    @Test
    @FaultCase(area = "retries", fault = "a config blob listed in a manifest just read answers 404 twice",
            outcome = "waited out within the lag limit; the config is read")
    void aBlobJustToldAboutThatAnswers404IsReadAfterWaits() {
        byte[] config = config();
        Digest configDigest = upload(config);
        byte[] manifest = manifest(configDigest, upload(randomBytes(1000)));
        client.putManifest(repo, "1", manifest, MediaTypes.OCI_MANIFEST);
        RegistryClient reader = freshClient();
        reader.getManifest(repo, "1"); // tells the reader the config exists
        proxy.notFoundNext(2, "GET", ".*/blobs/" + configDigest);

        assertThat(reader.getBlob(repo, configDigest)).isEqualTo(config);
        assertThat(waits).hasSize(2);
    }

    @Test
    @FaultCase(area = "retries", fault = "a digest nobody pushed or mentioned answers 404",
            outcome = "fails at once as not found; no wait")
    void anUnknownDigestIsNotWaitedFor() {
        Digest nobody = Digest.sha256("nobody pushed this".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> freshClient().getBlob(repo, nobody)).isInstanceOf(NotFoundException.class);
        assertThat(waits).isEmpty();
        assertThat(proxy.count("GET", ".*/blobs/" + nobody)).isEqualTo(1);
    }

    @Test
    @FaultCase(area = "retries", fault = "a digest this run pushed keeps answering 404",
            outcome = "fails as not found after waits bounded by the policy's lag limit, saying it waited")
    void lagLongerThanTheLimitFailsSayingItWaited() {
        byte[] config = config();
        Digest digest = upload(config);
        proxy.notFoundNext(20, "GET", ".*/blobs/" + digest);

        assertThatThrownBy(() -> client.getBlob(repo, digest))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("still missing after");
        assertThat(waits).isNotEmpty();
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(QUICK.notFoundLag());
    }

    @Test
    @FaultCase(area = "concurrency", fault = "a manifest PUT answered 400 MANIFEST_BLOB_UNKNOWN right after its blobs"
            + " were uploaded", outcome = "each blob is confirmed with HEAD, the PUT retried once and it succeeds")
    void manifestBlobUnknownAfterAnUploadIsRetriedOnceTheBlobsAreConfirmed() {
        byte[] manifest = manifest(upload(config()), upload(randomBytes(2000)));
        proxy.failNextWithCode(1, "PUT", ".*/manifests/1", 400, "MANIFEST_BLOB_UNKNOWN");
        proxy.clearRequests();

        client.putManifest(repo, "1", manifest, MediaTypes.OCI_MANIFEST);

        assertThat(proxy.count("PUT", ".*/manifests/1")).isEqualTo(2);
        assertThat(proxy.count("HEAD", ".*/blobs/.*")).isEqualTo(2);
        assertThat(freshClient().headManifest(repo, "1")).isPresent();
    }

    @Test
    @FaultCase(area = "concurrency", fault = "a manifest PUT answered 400 DIGEST_INVALID after a blob mount",
            outcome = "the mounted blobs are confirmed, the PUT retried and it succeeds")
    void digestInvalidAfterAMountIsRetried() {
        Digest config = upload(config());
        Digest layer = upload(randomBytes(3000));
        String target = repo + "-target";
        client.mountBlob(target, config, repo);
        client.mountBlob(target, layer, repo);
        proxy.failNextWithCode(1, "PUT", ".*/manifests/1", 400, "DIGEST_INVALID");

        client.putManifest(target, "1", manifest(config, layer), MediaTypes.OCI_MANIFEST);

        assertThat(proxy.count("PUT", ".*/manifests/1")).isEqualTo(2);
    }

    @Test
    @FaultCase(area = "concurrency", fault = "a blob uploaded in this run vanished from the repository before the"
            + " manifest PUT (the registry answers MANIFEST_BLOB_UNKNOWN)", outcome = "the blob is uploaded again and"
            + " the PUT succeeds")
    void aBlobThatVanishedIsUploadedAgain() throws Exception {
        Digest config = upload(config());
        byte[] layerBytes = randomBytes(4000);
        Digest layer = upload(layerBytes);
        deleteBlob(layer); // the repository's link to the blob goes, as a racing writer can leave it

        client.putManifest(repo, "1", manifest(config, layer), MediaTypes.OCI_MANIFEST);

        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("PUT") && r.path().endsWith("/manifests/1"))
                .extracting(ProxiedRequest::status).containsExactly(400, 201);
        assertThat(proxy.count("POST", ".*/blobs/uploads/")).isEqualTo(3); // config, layer, the layer again
        assertThat(freshClient().blobExists(repo, layer)).isTrue();
    }

    @Test
    @FaultCase(area = "concurrency", fault = "a manifest PUT answered MANIFEST_BLOB_UNKNOWN for blobs this run did not"
            + " put there", outcome = "not retried: fails at once with the registry's code")
    void manifestBlobUnknownForBlobsNotPlacedInThisRunIsNotRetried() {
        byte[] manifest = manifest(upload(config()), upload(randomBytes(500)));
        RegistryClient other = freshClient();
        proxy.failNextWithCode(1, "PUT", ".*/manifests/1", 400, "MANIFEST_BLOB_UNKNOWN");

        assertThatThrownBy(() -> other.putManifest(repo, "1", manifest, MediaTypes.OCI_MANIFEST))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.hasCode("MANIFEST_BLOB_UNKNOWN")).isTrue());
        assertThat(proxy.count("PUT", ".*/manifests/1")).isEqualTo(1);
    }

    private RegistryClient freshClient() {
        return RegistryClient.builder(proxy.host()).retryPolicy(QUICK).sleeper(waits::add).build();
    }

    private Digest upload(byte[] blob) {
        Digest digest = Digest.sha256(blob);
        SIZES.put(digest, blob.length);
        client.uploadBlob(repo, digest, blob.length, () -> new ByteArrayInputStream(blob));
        return digest;
    }

    private void deleteBlob(Digest digest) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(registry.url() + "/v2/" + repo + "/blobs/" + digest)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    private static byte[] config() {
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
                + "\"config\":{\"Env\":[\"N=" + UUID.randomUUID() + "\"]}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] manifest(Digest config, Digest layer) {
        return manifest(config, SIZES.get(config), layer, SIZES.get(layer));
    }

    private static byte[] manifest(Digest config, int configSize, Digest layer, int layerSize) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config + "\",\"size\":" + configSize + "},\"layers\":"
                + "[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layer
                + "\",\"size\":" + layerSize + "}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
