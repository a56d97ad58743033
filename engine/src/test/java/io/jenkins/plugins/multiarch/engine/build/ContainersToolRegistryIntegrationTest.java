package io.jenkins.plugins.multiarch.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.build.builder.BuildahBuilder;
import io.jenkins.plugins.multiarch.engine.build.builder.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.build.builder.ImageBuilder;
import io.jenkins.plugins.multiarch.engine.build.builder.PodmanBuilder;
import io.jenkins.plugins.multiarch.engine.build.process.LocalCommandRunner;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real buildah and podman builds for three platforms, pushed by digest to a real registry (Distribution, with
 * htpasswd auth so the private auth file is what makes the push work), then checked with skopeo and by reading
 * the layer back. Needs buildah, podman, skopeo and docker-registry installed; a missing one fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainersToolRegistryIntegrationTest {

    private static final String USER = "builder";
    private static final String PASSWORD = "It-s3cret:" + Long.toHexString(new SecureRandom().nextLong());
    private static final List<Platform> PLATFORMS =
            List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64, Platform.parse("linux/arm/v7"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private OneOffRegistry registry;
    private Path context;
    private Path skopeoAuth;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void startRegistryAndWriteContext() throws Exception {
        for (String tool : List.of("buildah", "podman", "skopeo", "docker-registry")) {
            requireTool(tool);
        }
        registry = OneOffRegistry.start(temp.resolve("registry"), USER, PASSWORD);
        context = Files.createDirectories(temp.resolve("context"));
        Files.writeString(context.resolve("Containerfile"), "FROM scratch\nARG TARGETARCH\nCOPY hello-${TARGETARCH} /hello\n");
        for (String arch : List.of("amd64", "arm64", "arm")) {
            Files.writeString(context.resolve("hello-" + arch), "hello from " + arch + "\n");
        }
        skopeoAuth = temp.resolve("skopeo-auth.json");
        Files.createFile(skopeoAuth, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(skopeoAuth, DockerConfigJson.render(List.of(credentials())));
    }

    @AfterAll
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private RegistryCredentials credentials() {
        return new RegistryCredentials(registry.host(), USER, PASSWORD);
    }

    private ContainersStorageOptions storage(String tool) {
        // A private store per tool: nothing touches the machine's own images, and leftovers are visible.
        return new ContainersStorageOptions("vfs", temp.resolve(tool + "-storage/root"), temp.resolve(tool + "-storage/run"));
    }

    private ImageBuilder builder(String tool) {
        return switch (tool) {
            case "buildah" -> new BuildahBuilder(storage(tool));
            case "podman" -> new PodmanBuilder(storage(tool));
            default -> throw new IllegalArgumentException(tool);
        };
    }

    private PlatformBuilder platformBuilder(String tool, List<RegistryCredentials> credentials) throws IOException {
        Path workspaces = Files.createDirectories(temp.resolve("workspaces-" + tool));
        return new PlatformBuilder(builder(tool), new LocalCommandRunner(), LocalBuildWorkspace.factory(workspaces),
                credentials, line -> {
                    log.add(line);
                    System.out.println(line);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildah", "podman"})
    void buildsThreePlatformsAndPushesThemByDigest(String tool) throws Exception {
        BuildRequest request = BuildRequest.builder(ImageReference.parse(registry.host() + "/it/" + tool + "-hello:1.0"), context)
                .platforms(PLATFORMS)
                .insecureRegistry(true)
                .label("org.opencontainers.image.title", "hello")
                .build();

        List<PlatformBuildResult> results = new ParallelBuilds(platformBuilder(tool, List.of(credentials())), 2)
                .run(request.platformBuilds());

        assertThat(results).extracting(PlatformBuildResult::platform).containsExactlyElementsOf(PLATFORMS);
        assertThat(results).extracting(PlatformBuildResult::digest).doesNotHaveDuplicates();
        for (PlatformBuildResult result : results) {
            checkImage(result, "hello from " + result.platform().architecture() + "\n");
        }
        // By digest: the only tags are the temporary ones the tool needed; 'latest' was never written.
        assertThat(registry.tags("it/" + tool + "-hello")).containsExactlyInAnyOrderElementsOf(
                results.stream().map(r -> r.temporaryTagName().orElseThrow()).toList());
        assertThat(log).noneMatch(l -> l.contains(PASSWORD));
        assertThat(temp.resolve("workspaces-" + tool)).isEmptyDirectory();
        // Our uniquely named images are removed; podman keeps its layer cache (untagged), as it does for any build.
        assertThat(localImages(tool)).as("images left in the local store").noneMatch(l -> l.contains("multiarch-build"));
    }

    @Test
    void perPlatformTagPointsAtThePushedDigest() throws Exception {
        BuildRequest request = BuildRequest.builder(ImageReference.parse(registry.host() + "/it/tagged:2.0"), context)
                .platform(Platform.LINUX_ARM64)
                .perPlatformTags("{os}-{arch}{variant}-{version}")
                .insecureRegistry(true)
                .build();

        PlatformBuildResult result = platformBuilder("buildah", List.of(credentials())).build(request.platformBuilds().get(0));

        assertThat(result.pushedReference().tag()).contains("linux-arm64-2.0");
        assertThat(result.temporaryTagName()).isEmpty();
        assertThat(registry.tags("it/tagged")).containsExactly("linux-arm64-2.0");
        assertThat(skopeoRaw("it/tagged:linux-arm64-2.0", "--raw")).satisfies(raw -> assertThat(Digest.sha256(raw)).isEqualTo(result.digest()));
    }

    @Test
    void withoutCredentialsTheRegistryRefusesThePushAndCleanupStillRuns() throws Exception {
        BuildRequest request = BuildRequest.builder(ImageReference.parse(registry.host() + "/it/refused:1.0"), context)
                .platform(Platform.LINUX_AMD64)
                .insecureRegistry(true)
                .build();
        PlatformBuilder anonymous = platformBuilder("buildah", List.of());

        assertThatThrownBy(() -> anonymous.build(request.platformBuilds().get(0)))
                .isInstanceOfSatisfying(PlatformBuildException.class, e -> {
                    assertThat(e.exitCode()).isPresent();
                    assertThat(e.getMessage()).startsWith("linux/amd64: buildah push failed with exit code")
                            .contains("authentication required");
                });
        assertThat(localImages("buildah")).noneMatch(l -> l.contains("multiarch-build"));
    }

    private void checkImage(PlatformBuildResult result, String expectedHello) throws Exception {
        String repository = result.pushedReference().repository();
        byte[] manifest = skopeoRaw(repository + "@" + result.digest(), "--raw");
        assertThat(Digest.sha256(manifest)).as("digest of the manifest the registry serves").isEqualTo(result.digest());

        JsonNode config = JSON.readTree(skopeoRaw(repository + "@" + result.digest(), "--config"));
        Platform platform = result.platform();
        assertThat(config.path("os").asText()).isEqualTo(platform.os());
        assertThat(config.path("architecture").asText()).isEqualTo(platform.architecture());
        assertThat(config.path("variant").asText(null)).isEqualTo(platform.variant());
        assertThat(config.path("config").path("Labels").path("org.opencontainers.image.title").asText()).isEqualTo("hello");

        JsonNode layers = JSON.readTree(manifest).path("layers");
        assertThat(layers).hasSize(1);
        byte[] layer = registry.blob(repository, layers.get(0).path("digest").asText());
        assertThat(fileInLayer(layer, "hello")).isEqualTo(expectedHello);
    }

    private byte[] skopeoRaw(String imageInRegistry, String mode) throws Exception {
        return runChecked(List.of("skopeo", "inspect", mode, "--tls-verify=false", "--authfile", skopeoAuth.toString(),
                "docker://" + registry.host() + "/" + imageInRegistry));
    }

    /** The lines of {@code TOOL images}, headings aside: repository, tag, id ... */
    private List<String> localImages(String tool) throws Exception {
        List<String> argv = new ArrayList<>(List.of(tool));
        argv.addAll(storage(tool).globalArgs());
        argv.addAll(List.of("images", "--noheading"));
        String out = new String(runChecked(argv), StandardCharsets.UTF_8).strip();
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    private static String fileInLayer(byte[] gzippedTar, String name) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(gzippedTar)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().replaceFirst("^\\./", "").equals(name)) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the layer");
    }

    private static byte[] runChecked(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out;
        byte[] err;
        try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
            out = o.readAllBytes();
            err = e.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", argv) + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void requireTool(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                fail(tool + " --version failed; this test needs a working " + tool);
            }
        } catch (IOException e) {
            fail("this test needs " + tool + " on the PATH (Debian: apt-get install -y buildah podman skopeo docker-registry)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /**
     * ONE-OFF, TO BE REPLACED by the shared registry JUnit extension: a Distribution registry on a free loopback
     * port with filesystem storage in a temp directory and one htpasswd user.
     */
    static final class OneOffRegistry implements AutoCloseable {
        private final Process process;
        private final int port;
        private final String authorization;
        private final Path logFile;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private OneOffRegistry(Process process, int port, String user, String password, Path logFile) {
            this.process = process;
            this.port = port;
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            this.logFile = logFile;
        }

        static OneOffRegistry start(Path dir, String user, String password) throws Exception {
            Files.createDirectories(dir.resolve("data"));
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            Files.writeString(dir.resolve("htpasswd"),
                    user + ":" + OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 5) + "\n");
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Files.writeString(dir.resolve("config.yml"), String.join("\n",
                    "version: 0.1",
                    "log:",
                    "  level: warn",
                    "storage:",
                    "  filesystem:",
                    "    rootdirectory: " + dir.resolve("data"),
                    "  delete:",
                    "    enabled: true",
                    "http:",
                    "  addr: 127.0.0.1:" + port,
                    "auth:",
                    "  htpasswd:",
                    "    realm: test",
                    "    path: " + dir.resolve("htpasswd"),
                    ""));
            Path logFile = dir.resolve("registry.log");
            Process process = new ProcessBuilder("docker-registry", "serve", dir.resolve("config.yml").toString())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            OneOffRegistry registry = new OneOffRegistry(process, port, user, password, logFile);
            registry.awaitReady();
            return registry;
        }

        private void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("docker-registry exited: " + Files.readString(logFile));
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 401) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            close();
            throw new AssertionError("docker-registry did not answer on " + host() + " within 20 s: " + Files.readString(logFile));
        }

        String host() {
            return "127.0.0.1:" + port;
        }

        List<String> tags(String repository) throws Exception {
            JsonNode tags = JSON.readTree(get("/v2/" + repository + "/tags/list")).path("tags");
            List<String> list = new ArrayList<>();
            tags.forEach(t -> list.add(t.asText()));
            return list;
        }

        byte[] blob(String repository, String digest) throws Exception {
            return get("/v2/" + repository + "/blobs/" + digest);
        }

        private byte[] get(String path) throws Exception {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + path))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

}
