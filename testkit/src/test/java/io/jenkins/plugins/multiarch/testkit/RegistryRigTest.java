package io.jenkins.plugins.multiarch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves the registry test rig against the real tools: registries, token issuer, buildah fixtures, fault proxy. */
class RegistryRigTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @Nested
    class Anonymous {

        @RegisterExtension
        static RegistryExtension registry = RegistryExtension.anonymous();

        @Test
        void answersV2WithoutCredentials() throws Exception {
            HttpResponse<String> response = get(registry.url() + "/v2/", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
            assertThat(registry.username()).isNull();
            assertThat(registry.credentials()).isNull();
            assertThat(registry.host()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(registry.storageDir()).isDirectory();
            assertThat(registry.logFile()).exists();
        }

        @Test
        void holdsAnOciImageBuiltWithBuildah() throws Exception {
            String digest = ImageFixtures.pushScratchImage(registry.host(), "rig/anon:arm64", "linux/arm64",
                    Map.of("hello.txt", "hello".getBytes(StandardCharsets.UTF_8)), "/hello");

            String manifest = Skopeo.rawManifest(registry.host() + "/rig/anon:arm64", null);
            assertThat(digest).isEqualTo(sha256(manifest));
            assertThat(json(manifest).path("mediaType").asText()).isEqualTo(ManifestFormat.OCI.manifestMediaType());
            JsonNode config = json(Skopeo.rawConfig(registry.host() + "/rig/anon@" + digest, null));
            assertThat(config.path("architecture").asText()).isEqualTo("arm64");
            assertThat(config.path("os").asText()).isEqualTo("linux");
            assertThat(config.path("config").path("Entrypoint").toString()).isEqualTo("[\"/hello\"]");
        }

        @Test
        void buildsArmV6AsV6AndDockerFormatOnRequest() throws Exception {
            String digest = ScratchImage.forPlatform("linux/arm/v6")
                    .file("etc/motd", "hi")
                    .format(ManifestFormat.DOCKER)
                    .pushTo(registry.host(), "rig/anon:armv6");

            String manifest = Skopeo.rawManifest(registry.host() + "/rig/anon@" + digest, null);
            assertThat(json(manifest).path("mediaType").asText()).isEqualTo(ManifestFormat.DOCKER.manifestMediaType());
            JsonNode config = json(Skopeo.rawConfig(registry.host() + "/rig/anon@" + digest, null));
            assertThat(config.path("architecture").asText()).isEqualTo("arm");
            assertThat(config.path("variant").asText()).isEqualTo("v6");
        }

        @Test
        void makesAnIndexOfPushedImages() throws Exception {
            String arm64 = ImageFixtures.pushScratchImage(registry, "rig/multi:arm64", "linux/arm64",
                    ManifestFormat.OCI, Map.of("a", new byte[] {1}));
            String armV7 = ImageFixtures.pushScratchImage(registry, "rig/multi:armv7", "linux/arm/v7",
                    ManifestFormat.OCI, Map.of("a", new byte[] {2}));

            String index = ImageFixtures.pushIndex(registry, "rig/multi:latest", ManifestFormat.OCI, arm64, armV7);

            JsonNode raw = json(Skopeo.rawManifest(registry.host() + "/rig/multi:latest", null));
            assertThat(index).isEqualTo(sha256(Skopeo.rawManifest(registry.host() + "/rig/multi:latest", null)));
            assertThat(raw.path("mediaType").asText()).isEqualTo(ManifestFormat.OCI.indexMediaType());
            assertThat(raw.path("manifests").findValuesAsText("digest")).containsExactly(arm64, armV7);
            assertThat(raw.path("manifests").get(1).path("platform").path("variant").asText()).isEqualTo("v7");
        }

        @Test
        void uploadsAnImageByteForByte() throws Exception {
            TarLayer gzip = TarLayer.withFile("hello", ElfFixtures.aarch64());
            TarLayer zstd = TarLayer.builder().text("etc/motd", "hi").build(LayerCompression.ZSTD);
            TarLayer plain = TarLayer.builder().text("etc/issue", "plain").build(LayerCompression.NONE);

            String digest = UploadedImage.forPlatform("linux/arm/v7").layer(gzip).layer(zstd).layer(plain)
                    .entrypoint("/hello").cmd("--help").env("A=b").pushTo(registry, "rig/uploaded:1");

            String manifest = Skopeo.rawManifest(registry.host() + "/rig/uploaded:1", null);
            assertThat(sha256(manifest)).isEqualTo(digest);
            JsonNode layers = json(manifest).path("layers");
            assertThat(layers.findValuesAsText("digest")).containsExactly(gzip.digest(), zstd.digest(), plain.digest());
            assertThat(layers.findValuesAsText("mediaType")).containsExactly(LayerCompression.GZIP.mediaType(),
                    LayerCompression.ZSTD.mediaType(), LayerCompression.NONE.mediaType());
            JsonNode config = json(Skopeo.rawConfig(registry.host() + "/rig/uploaded@" + digest, null));
            assertThat(config.path("architecture").asText()).isEqualTo("arm");
            assertThat(config.path("variant").asText()).isEqualTo("v7");
            assertThat(config.path("config").path("Entrypoint").toString()).isEqualTo("[\"/hello\"]");
            assertThat(config.path("config").path("Cmd").toString()).isEqualTo("[\"--help\"]");
            assertThat(config.path("config").path("Env").toString()).isEqualTo("[\"A=b\"]");
            JsonNode diffIds = config.path("rootfs").path("diff_ids");
            assertThat(diffIds).hasSize(3);
            assertThat(diffIds.get(0).asText()).isNotEqualTo(gzip.digest()).startsWith("sha256:");
            assertThat(diffIds.get(2).asText()).as("an uncompressed layer is its own diff_id").isEqualTo(plain.digest());

            // Again, into another tag: the blobs are there already, the manifest is the same.
            assertThat(UploadedImage.forPlatform("linux/arm/v7").layer(gzip).layer(zstd).layer(plain)
                    .entrypoint("/hello").cmd("--help").env("A=b").pushTo(registry, "rig/uploaded:again"))
                    .isEqualTo(digest);
        }
    }

    @Nested
    class Htpasswd {

        @RegisterExtension
        static RegistryExtension registry = RegistryExtension.htpasswd("alice", "s3cret-pw");

        @Test
        void wantsBasicCredentials() throws Exception {
            HttpResponse<String> anonymous = get(registry.url() + "/v2/", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic "));

            assertThat(get(registry.url() + "/v2/", registry.credentials().basicAuthorization()).statusCode())
                    .isEqualTo(200);
            assertThat(get(registry.url() + "/v2/", new RegistryCredentials("alice", "wrong").basicAuthorization())
                    .statusCode()).isEqualTo(401);
        }

        @Test
        void acceptsAPushWithAnAuthFile() {
            String digest = ImageFixtures.pushScratchImage(registry, "rig/basic:1", "linux/arm64",
                    ManifestFormat.DOCKER, Map.of("x", new byte[] {42}));

            String manifest = Skopeo.rawManifest(registry.host() + "/rig/basic:1", registry.credentials());
            assertThat(sha256(manifest)).isEqualTo(digest);
            assertThatThrownBy(() -> Skopeo.rawManifest(registry.host() + "/rig/basic:1", null))
                    .hasMessageContaining("command failed");
        }

        @Test
        void uploadsAnImageWithBasicCredentials() {
            String digest = UploadedImage.forPlatform("linux/arm64").layer(TarLayer.withFile("a", new byte[] {1}))
                    .pushTo(registry, "rig/basic-upload:1");

            assertThat(sha256(Skopeo.rawManifest(registry.host() + "/rig/basic-upload:1", registry.credentials())))
                    .isEqualTo(digest);
            assertThatThrownBy(() -> UploadedImage.forPlatform("linux/arm64")
                    .pushTo(registry.host(), new RegistryCredentials("alice", "wrong"), "rig/basic-upload:2"))
                    .hasMessageContaining("401");
        }
    }

    @Nested
    class TokenAuth {

        @RegisterExtension
        static RegistryExtension registry = RegistryExtension.tokenAuth("alice", "s3cret-pw");

        @Test
        void challengesWithTheIssuerAsRealm() throws Exception {
            HttpResponse<String> response = get(registry.url() + "/v2/", null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\""
                    + registry.tokenIssuer().realm() + "\",service=\"" + TokenIssuer.SERVICE + "\"");
        }

        @Test
        void acceptsTokensFromTheIssuer() throws Exception {
            TokenIssuer issuer = registry.tokenIssuer();
            issuer.reset();
            HttpResponse<String> tokenResponse = get(tokenUrl(issuer, "repository:rig/test:pull,push"),
                    registry.credentials().basicAuthorization());
            assertThat(tokenResponse.statusCode()).isEqualTo(200);
            JsonNode body = json(tokenResponse.body());
            String token = body.path("token").asText();
            assertThat(body.path("access_token").asText()).isEqualTo(token);
            assertThat(body.path("expires_in").asInt()).isEqualTo(300);
            assertThat(body.path("issued_at").asText()).isNotEmpty();

            assertThat(get(registry.url() + "/v2/", "Bearer " + token).statusCode()).isEqualTo(200);
            // Authorized for the repository: the registry answers "unknown" rather than "unauthorized".
            assertThat(get(registry.url() + "/v2/rig/test/tags/list", "Bearer " + token).statusCode()).isEqualTo(404);
            assertThat(get(registry.url() + "/v2/rig/other/tags/list", "Bearer " + token).statusCode()).isEqualTo(401);

            assertThat(issuer.tokenRequests()).isEqualTo(1);
            assertThat(issuer.requestedScopes()).containsExactly("repository:rig/test:pull,push");
            assertThat(issuer.requests().get(0).username()).isEqualTo("alice");
        }

        @Test
        void givesAnonymousClientsTokensWithoutAccess() throws Exception {
            HttpResponse<String> tokenResponse = get(tokenUrl(registry.tokenIssuer(), "repository:rig/test:pull"),
                    null);
            assertThat(tokenResponse.statusCode()).isEqualTo(200);
            String token = json(tokenResponse.body()).path("token").asText();

            assertThat(get(registry.url() + "/v2/", "Bearer " + token).statusCode()).isEqualTo(200);
            assertThat(get(registry.url() + "/v2/rig/test/tags/list", "Bearer " + token).statusCode()).isEqualTo(401);
        }

        @Test
        void refusesAWrongPassword() throws Exception {
            HttpResponse<String> response = get(tokenUrl(registry.tokenIssuer(), "repository:rig/test:pull"),
                    new RegistryCredentials("alice", "wrong").basicAuthorization());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("wrong");
        }

        @Test
        void acceptsAPushWithAnAuthFile() {
            String digest = ImageFixtures.pushScratchImage(registry, "rig/token:1", "linux/arm/v7", ManifestFormat.OCI,
                    Map.of("x", new byte[] {7}));

            String manifest = Skopeo.rawManifest(registry.host() + "/rig/token:1", registry.credentials());
            assertThat(sha256(manifest)).isEqualTo(digest);
        }

        @Test
        void uploadsAnImageWithATokenForItsRepository() {
            registry.tokenIssuer().reset();

            String digest = UploadedImage.forPlatform("linux/arm64").layer(TarLayer.withFile("a", new byte[] {2}))
                    .pushTo(registry, "rig/token-upload:1");

            assertThat(registry.tokenIssuer().requests()).hasSize(1)
                    .allSatisfy(request -> assertThat(request.username()).isEqualTo("alice"));
            assertThat(registry.tokenIssuer().requestedScopes()).containsExactly("repository:rig/token-upload:pull,push");
            assertThat(sha256(Skopeo.rawManifest(registry.host() + "/rig/token-upload:1", registry.credentials())))
                    .isEqualTo(digest);
        }
    }

    @Nested
    class FaultProxy {

        @RegisterExtension
        static RegistryExtension registry = RegistryExtension.tokenAuth("alice", "s3cret-pw");

        @Test
        void injectsAStatusThenForwards() throws Exception {
            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                proxy.failNext(1, "GET", "/v2/", 503, Duration.ofSeconds(2));

                HttpResponse<String> injected = get(proxy.url() + "/v2/", null);
                assertThat(injected.statusCode()).isEqualTo(503);
                assertThat(injected.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(json(injected.body()).path("errors").get(0).path("code").asText()).isEqualTo("UNAVAILABLE");

                HttpResponse<String> forwarded = get(proxy.url() + "/v2/", null);
                assertThat(forwarded.statusCode()).isEqualTo(401);
                assertThat(forwarded.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        challenge -> assertThat(challenge).contains(registry.tokenIssuer().realm()));

                assertThat(proxy.requests()).containsExactly(
                        new ProxiedRequest("GET", "/v2/", null, 503, true, false),
                        new ProxiedRequest("GET", "/v2/", null, 401, false, false));
                assertThat(proxy.pendingFaults()).isZero();
            }
        }

        @Test
        void dropsAConnectionOnce() throws Exception {
            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                proxy.dropConnectionOnce("*", "/v2/.*");

                // A raw socket, because java.net.http silently retries a GET whose connection closed.
                try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(proxy.host().split(":")[1]))) {
                    socket.setSoTimeout(5_000);
                    socket.getOutputStream().write(("GET /v2/ HTTP/1.1\r\nHost: " + proxy.host() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    assertThat(socket.getInputStream().read()).as("bytes of a response").isEqualTo(-1);
                }
                assertThat(get(proxy.url() + "/v2/", null).statusCode()).isEqualTo(401);
                assertThat(proxy.requests()).extracting(ProxiedRequest::status)
                        .containsExactly(ProxiedRequest.DROPPED, 401);
            }
        }

        @Test
        void carriesARealPushAndRecordsIt() throws Exception {
            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                String digest = ScratchImage.forPlatform("linux/arm64")
                        .file("hello.txt", "through the proxy")
                        .credentials(registry.credentials())
                        .pushTo(proxy.host(), "rig/proxied:1");

                assertThat(sha256(Skopeo.rawManifest(registry.host() + "/rig/proxied:1", registry.credentials())))
                        .isEqualTo(digest);
                // Upload URLs come back pointing at the proxy, so the whole upload went through it.
                assertThat(proxy.count("POST", "/v2/rig/proxied/blobs/uploads/")).isEqualTo(2);
                assertThat(proxy.count("PUT", "/v2/rig/proxied/blobs/uploads/.+")).isEqualTo(2);
                assertThat(proxy.count("PUT", "/v2/rig/proxied/manifests/1")).isEqualTo(1);
                assertThat(proxy.requests()).noneMatch(ProxiedRequest::injected);
            }
        }

        @Test
        void aRealClientSeesTheInjectedStatus() {
            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                proxy.failNext(1, "PUT", "/v2/rig/refused/manifests/.+", 503);

                // buildah does not retry a manifest PUT that got 503.
                assertThatThrownBy(() -> ScratchImage.forPlatform("linux/arm64")
                        .file("hello.txt", "refused")
                        .credentials(registry.credentials())
                        .pushTo(proxy.host(), "rig/refused:1"))
                        .hasMessageContaining("503 Service Unavailable");
                assertThat(proxy.requests()).filteredOn(ProxiedRequest::injected)
                        .containsExactly(new ProxiedRequest("PUT", "/v2/rig/refused/manifests/1", null, 503, true, true));
            }
        }

        @Test
        void addsLatency() throws Exception {
            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                proxy.latency(Duration.ofMillis(200));

                long start = System.nanoTime();
                get(proxy.url() + "/v2/", null);

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            }
        }
    }

    @Nested
    class ProxyFidelity {

        @RegisterExtension
        static RegistryExtension registry = RegistryExtension.anonymous();

        @Test
        void carriesAChunkedBlobUploadAndItsHeaders() throws Exception {
            byte[] blob = "a blob sent in chunks".getBytes(StandardCharsets.UTF_8);
            String digest = sha256(new String(blob, StandardCharsets.UTF_8));
            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(
                        URI.create(proxy.url() + "/v2/rig/chunked/blobs/uploads/"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(started.statusCode()).isEqualTo(202);
                String location = started.headers().firstValue("Location").orElseThrow();
                assertThat(location).startsWith(proxy.url() + "/v2/rig/chunked/blobs/uploads/");

                // An InputStream publisher has no length, so java.net.http sends the body chunked.
                HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(URI.create(location))
                        .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(blob)))
                        .header("Content-Type", "application/octet-stream").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(patched.statusCode()).isEqualTo(202);
                assertThat(patched.headers().firstValue("Range")).hasValue("0-" + (blob.length - 1));

                String next = patched.headers().firstValue("Location").orElseThrow();
                HttpResponse<String> finished = HTTP.send(HttpRequest.newBuilder(URI.create(next + "&digest="
                        + URLEncoder.encode(digest, StandardCharsets.UTF_8)))
                        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(finished.statusCode()).isEqualTo(201);
                assertThat(finished.headers().firstValue("Docker-Content-Digest")).hasValue(digest);

                HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(proxy.url()
                        + "/v2/rig/chunked/blobs/" + digest)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.discarding());
                assertThat(head.statusCode()).isEqualTo(200);
                assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(blob.length));
                assertThat(get(registry.url() + "/v2/rig/chunked/blobs/" + digest, null).body())
                        .isEqualTo("a blob sent in chunks");
                assertThat(proxy.requests()).extracting(ProxiedRequest::method)
                        .containsExactly("POST", "PATCH", "PUT", "HEAD");
            }
        }

        @Test
        void refusesTlsAtOnceLikeTheRegistry() throws Exception {
            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry);
                    Socket socket = new Socket("127.0.0.1", Integer.parseInt(proxy.host().split(":")[1]))) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05});

                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .startsWith("HTTP/1.0 400 Bad Request");
                assertThat(proxy.requests()).isEmpty();
            }
        }
    }

    @Nested
    class PerTest {

        @RegisterExtension
        RegistryExtension registry = RegistryExtension.anonymous();

        @Test
        void runsARegistryForOneTest() throws Exception {
            assertThat(get(registry.url() + "/v2/", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void stoppingDeletesTheRegistryDirectory() throws Exception {
        RegistryExtension registry = RegistryExtension.anonymous().start();
        var storage = registry.storageDir();
        String url = registry.url();

        registry.close();

        assertThat(storage).doesNotExist();
        assertThatThrownBy(() -> get(url + "/v2/", null)).isInstanceOf(IOException.class);
        assertThat(Files.exists(storage.getParent())).isFalse();
    }

    @Test
    void aMissingToolFailsWithTheFix() {
        assertThatThrownBy(() -> RequiredTool.locate("no-such-tool-for-the-rig", "no-such-package"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no-such-tool-for-the-rig is not installed: run bin/test (it installs it) or apt-get install "
                        + "no-such-package");
    }

    private static HttpResponse<String> get(String url, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenUrl(TokenIssuer issuer, String scope) {
        return issuer.realm() + "?service=" + TokenIssuer.SERVICE + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static String sha256(String manifest) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(manifest.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
