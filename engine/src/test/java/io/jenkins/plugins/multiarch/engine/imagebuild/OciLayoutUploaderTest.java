package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads hand-written OCI layouts into a real registry (Distribution 2.8) and reads them back. */
class OciLayoutUploaderTest {

    @TempDir
    Path temp;

    @Nested
    class Anonymous {

        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.anonymous();

        private RegistryClient client() {
            return RegistryClient.builder(registry.host()).build();
        }

        @Test
        void uploadsByDigestAndLeavesNoTagAtAll() throws Exception {
            LayoutFixture layout = LayoutFixture.oci(temp.resolve("layout"), "by-digest", 3);

            LayoutUpload upload = new OciLayoutUploader(client(), 2).upload(layout.directory, "up/plain", List.of());

            assertThat(upload.digest()).isEqualTo(layout.manifest).isEqualTo(Digest.sha256(layout.manifestBytes));
            assertThat(upload.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
            assertThat(upload.tags()).isEmpty();
            assertThat(upload.blobsUploaded()).isEqualTo(4);
            assertThat(upload.blobsPresent()).isZero();
            assertThat(upload.bytesUploaded()).isEqualTo(sizeOfBlobs(layout));
            RegistryClient reader = client();
            ManifestResponse served = reader.getManifest("up/plain", layout.manifest.toString());
            assertThat(served.bytes()).isEqualTo(layout.manifestBytes);
            assertThat(served.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
            for (Digest blob : blobs(layout)) {
                assertThat(reader.getBlob("up/plain", blob)).isEqualTo(Files.readAllBytes(layout.blobFile(blob)));
            }
            // Read back by an independent client too.
            assertThat(Skopeo.rawManifest(registry.host() + "/up/plain@" + layout.manifest, null))
                    .isEqualTo(new String(layout.manifestBytes, StandardCharsets.UTF_8));
            // Distribution answers 404 NAME_UNKNOWN for a repository that holds manifests but no tag.
            TagList tags = TagList.of(registry, "up/plain");
            assertThat(tags.status()).isEqualTo(404);
            assertThat(tags.errorCode()).isEqualTo("NAME_UNKNOWN");
            assertThat(tags.none()).isTrue();
        }

        @Test
        void aSecondUploadSendsNoBlobAndGivesTheSameDigest() throws Exception {
            LayoutFixture layout = LayoutFixture.oci(temp.resolve("layout"), "twice", 2);
            OciLayoutUploader uploader = new OciLayoutUploader(client());

            LayoutUpload first = uploader.upload(layout.directory, "up/twice", List.of());
            LayoutUpload second = uploader.upload(layout.directory, "up/twice", List.of());

            assertThat(first.blobsUploaded()).isEqualTo(3);
            assertThat(second.blobsUploaded()).isZero();
            assertThat(second.blobsPresent()).isEqualTo(3);
            assertThat(second.bytesUploaded()).isZero();
            assertThat(second.summary()).isEqualTo("0 blobs uploaded (0 B), 3 already there");
            assertThat(second.digest()).isEqualTo(first.digest());
        }

        @Test
        void tagsAreWrittenOnlyWhenAsked() throws Exception {
            LayoutFixture layout = LayoutFixture.oci(temp.resolve("layout"), "tagged", 1);

            LayoutUpload upload = new OciLayoutUploader(client()).upload(layout.directory, "up/tagged",
                    List.of("arm64-1.0", "arm64"));

            assertThat(upload.tags()).containsExactly("arm64-1.0", "arm64");
            assertThat(TagList.of(registry, "up/tagged").tags()).containsExactlyInAnyOrder("arm64-1.0", "arm64");
            assertThat(client().headManifest("up/tagged", "arm64-1.0")).hasValueSatisfying(
                    d -> assertThat(d.digest()).isEqualTo(layout.manifest));
        }

        @Test
        void aDockerManifestKeepsItsMediaType() throws Exception {
            LayoutFixture layout = LayoutFixture.docker(temp.resolve("layout"), "docker");

            LayoutUpload upload = new OciLayoutUploader(client()).upload(layout.directory, "up/docker", List.of());

            assertThat(upload.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
            assertThat(client().getManifest("up/docker", layout.manifest.toString()).mediaType())
                    .isEqualTo(MediaTypes.DOCKER_MANIFEST);
        }

        @Test
        void anIncompleteLayoutWritesNothing() throws Exception {
            LayoutFixture layout = LayoutFixture.oci(temp.resolve("layout"), "incomplete", 2);
            Files.delete(layout.blobFile(layout.layers.get(1)));

            assertThatThrownBy(() -> new OciLayoutUploader(client()).upload(layout.directory, "up/incomplete", List.of()))
                    .isInstanceOf(InvalidLayoutException.class)
                    .hasMessageContaining("has no blob " + layout.layers.get(1));

            assertThat(client().blobExists("up/incomplete", layout.config)).isFalse();
            assertThat(client().blobExists("up/incomplete", layout.layers.get(0))).isFalse();
        }

        @Test
        void aBlobWhoseContentDoesNotMatchItsDigestIsRefusedAndNoManifestIsWritten() throws Exception {
            LayoutFixture layout = LayoutFixture.oci(temp.resolve("layout"), "corrupt", 2);
            Path file = layout.blobFile(layout.layers.get(0));
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x55; // same size, other content
            Files.write(file, bytes);

            assertThatThrownBy(() -> new OciLayoutUploader(client()).upload(layout.directory, "up/corrupt", List.of()))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith("uploading 1 of 3 blobs from " + layout.directory + " to " + registry.host()
                            + "/up/corrupt failed (no manifest was written): " + layout.layers.get(0) + ": ")
                    .hasMessageContaining("DIGEST_INVALID");

            assertThat(client().headManifest("up/corrupt", layout.manifest.toString())).isEmpty();
        }

        @Test
        void forABuildTheReportedDigestMustBeTheLayoutsAndTheTargetRepositoryIsUsed() throws Exception {
            LayoutFixture layout = LayoutFixture.oci(temp.resolve("layout"), "build", 1);
            PlatformBuild build = BuildRequest.builder(ImageReference.parse(registry.host() + "/up/app:1.0"), temp)
                    .platform(Platform.LINUX_ARM64).build().platformBuilds().get(0);
            Digest other = Digest.sha256(new byte[] {1});
            OciLayoutUploader uploader = new OciLayoutUploader(client());

            assertThatThrownBy(() -> uploader.upload(build, layout.directory, other))
                    .isInstanceOf(InvalidLayoutException.class)
                    .hasMessage("the builder reported " + other + " for linux/arm64 but the manifest in its OCI layout "
                            + layout.directory + " is " + layout.manifest + "; nothing was uploaded");
            assertThat(client().blobExists("up/app", layout.config)).isFalse();

            LayoutUpload upload = uploader.upload(build, layout.directory, layout.manifest);
            assertThat(upload.digest()).isEqualTo(layout.manifest);
            assertThat(client().headManifest("up/app", layout.manifest.toString())).isPresent();
            assertThat(TagList.of(registry, "up/app").none()).isTrue();

            PlatformBuild elsewhere = BuildRequest.builder(ImageReference.parse("registry.example.com/up/app:1.0"), temp)
                    .platform(Platform.LINUX_ARM64).build().platformBuilds().get(0);
            assertThatThrownBy(() -> uploader.upload(elsewhere, layout.directory, layout.manifest))
                    .hasMessage("this uploader writes to " + registry.host() + ", but the build of linux/arm64 goes to"
                            + " registry.example.com");
        }

        @Test
        void atLeastOneUploadAtATime() {
            assertThatThrownBy(() -> new OciLayoutUploader(client(), 0))
                    .hasMessage("parallel uploads must be at least 1, got 0");
        }
    }

    @Nested
    class WithPassword {

        static final String PASSWORD = "layout-Up-s3cret";

        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.htpasswd("uploader", PASSWORD);

        @Test
        void uploadsWithCredentialsAndIsRefusedWithout() throws Exception {
            LayoutFixture layout = LayoutFixture.oci(temp.resolve("layout"), "private", 1);
            RegistryClient withPassword = RegistryClient.builder(registry.host())
                    .credentials(CredentialProvider.fixed(registry.host(), Credentials.of("uploader", PASSWORD))).build();

            assertThat(new OciLayoutUploader(withPassword).upload(layout.directory, "private/app", List.of()).digest())
                    .isEqualTo(layout.manifest);

            RegistryClient anonymous = RegistryClient.builder(registry.host()).build();
            LayoutFixture other = LayoutFixture.oci(temp.resolve("other"), "anonymous", 1);
            assertThatThrownBy(() -> new OciLayoutUploader(anonymous).upload(other.directory, "private/app", List.of()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("registry " + registry.host() + " requires authentication and no credentials were given for it");
        }
    }

    private static List<Digest> blobs(LayoutFixture layout) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(layout.config), layout.layers.stream()).toList();
    }

    private static long sizeOfBlobs(LayoutFixture layout) throws Exception {
        long total = 0;
        for (Digest blob : blobs(layout)) {
            total += Files.size(layout.blobFile(blob));
        }
        return total;
    }

    /** A registry that answers the ping, then never answers a blob request: only an interrupt ends the wait. */
    @Test
    void anInterruptStopsTheWaitForBlobUploads() throws Exception {
        java.util.concurrent.CountDownLatch blobRequested = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/v2/")) {
                blobRequested.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/v2/") ? 200 : 500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String host = "127.0.0.1:" + server.getAddress().getPort();
            LayoutFixture layout = LayoutFixture.oci(temp.resolve("layout"), "stalled", 2);
            OciLayoutUploader uploader = new OciLayoutUploader(RegistryClient.builder(host).build(), 2);
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            Thread uploading = new Thread(() -> {
                try {
                    uploader.upload(layout.directory, "up/stalled", List.of());
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            uploading.start();
            assertThat(blobRequested.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("a blob request arrived").isTrue();

            uploading.interrupt();
            uploading.join(10_000);

            assertThat(uploading.isAlive()).as("still waiting for the registry").isFalse();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
