package io.jenkins.plugins.multiarch.engine.imagebuild;

import java.util.Optional;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildahTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PodmanTool;
import io.jenkins.plugins.multiarch.engine.process.LocalCommandRunner;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.TagList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real buildah and podman builds for three platforms, written to OCI layouts and uploaded by digest to a real
 * registry (Distribution, with htpasswd auth so the credentials given are what make the upload work), then checked
 * with skopeo and by reading the layer back. Needs buildah, podman, skopeo and docker-registry installed; a missing
 * one fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainersToolRegistryIntegrationTest {

    private static final String USER = "builder";
    private static final String PASSWORD = "It-s3cret:" + Long.toHexString(new SecureRandom().nextLong());
    private static final List<Platform> PLATFORMS =
            List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64, Platform.parse("linux/arm/v7"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd(USER, PASSWORD);

    @TempDir
    static Path temp;

    private Path context;
    private Path skopeoAuth;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void startRegistryAndWriteContext() throws Exception {
        for (String tool : List.of("buildah", "podman", "skopeo")) {
            requireTool(tool);
        }
        context = Files.createDirectories(temp.resolve("context"));
        Files.writeString(context.resolve("Containerfile"), "FROM scratch\nARG TARGETARCH\nCOPY hello-${TARGETARCH} /hello\n");
        for (String arch : List.of("amd64", "arm64", "arm")) {
            Files.writeString(context.resolve("hello-" + arch), "hello from " + arch + "\n");
        }
        skopeoAuth = temp.resolve("skopeo-auth.json");
        Files.createFile(skopeoAuth, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(skopeoAuth, DockerConfigJson.render(credentials()));
    }

    private Map<String, Credentials> credentials() {
        return Map.of(registry.host(), Credentials.of(USER, PASSWORD));
    }

    private static RegistryClient registryClient() {
        return RegistryClient.builder(registry.host())
                .credentials(CredentialProvider.fixed(registry.host(), Credentials.of(USER, PASSWORD))).build();
    }

    private ContainersStorageOptions storage(String tool) {
        // A private store per tool: nothing touches the machine's own images, and leftovers are visible.
        return new ContainersStorageOptions("vfs", temp.resolve(tool + "-storage/root"), temp.resolve(tool + "-storage/run"));
    }

    private BuildTool builder(String tool) {
        return switch (tool) {
            case "buildah" -> new BuildahTool(storage(tool));
            case "podman" -> new PodmanTool(storage(tool));
            default -> throw new IllegalArgumentException(tool);
        };
    }

    private PlatformBuildRunner platformBuilder(String tool, Map<String, Credentials> credentials) throws IOException {
        Path workspaces = Files.createDirectories(temp.resolve("workspaces-" + tool));
        // The layouts go up with a client that has the same login the tools get (none: anonymous).
        RegistryClient uploads = RegistryClient.builder(registry.host()).credentials(registry -> Optional.ofNullable(
                credentials.get(registry))).build();
        return new PlatformBuildRunner(builder(tool), new LocalCommandRunner(), LocalBuildWorkspace.factory(workspaces),
                credentials, line -> {
                    log.add(line);
                    System.out.println(line);
                }).withLayoutUploader(new OciLayoutUploader(uploads));
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildah", "podman"})
    void buildsThreePlatformsAndPushesThemByDigest(String tool) throws Exception {
        BuildRequest request = BuildRequest.builder(ImageReference.parse(registry.host() + "/it/" + tool + "-hello:1.0"), context)
                .platforms(PLATFORMS)
                .insecureRegistry(true)
                .label("org.opencontainers.image.title", "hello")
                .build();

        List<PlatformBuildResult> results = new ParallelBuilds(platformBuilder(tool, credentials()), 2)
                .run(request.platformBuilds());

        assertThat(results).extracting(PlatformBuildResult::platform).containsExactlyElementsOf(PLATFORMS);
        assertThat(results).extracting(PlatformBuildResult::digest).doesNotHaveDuplicates();
        for (PlatformBuildResult result : results) {
            checkImage(result, "hello from " + result.platform().architecture() + "\n");
        }
        // By digest: no tag at all, neither a temporary one nor 'latest'. Distribution says so with 404 NAME_UNKNOWN.
        assertThat(results).allSatisfy(r -> {
            assertThat(r.temporaryTagName()).isEmpty();
            assertThat(r.pushedReference()).hasToString(registry.host() + "/it/" + tool + "-hello");
        });
        TagList tags = TagList.of(registry, "it/" + tool + "-hello");
        assertThat(tags.tags()).isEmpty();
        assertThat(tags.errorCode()).isEqualTo("NAME_UNKNOWN");
        assertThat(log).anyMatch(l -> l.matches("\\[linux/arm64] 2 blobs uploaded \\(.*\\), 0 already there"));
        assertThat(log).noneMatch(l -> l.contains(PASSWORD));
        assertThat(temp.resolve("workspaces-" + tool)).isEmptyDirectory();
        // Our uniquely named images are removed; podman keeps its layer cache (untagged), as it does for any build.
        assertThat(localImages(tool)).as("images left in the local store").noneMatch(l -> l.contains("multiarch-build"));
    }

    /**
     * What the OCI-layout path relies on: the tool's digest file names the manifest in the layout, and the tool
     * compresses layers the same way for a layout as for a registry, so a direct push would give the same digest.
     */
    @ParameterizedTest
    @ValueSource(strings = {"buildah", "podman"})
    void theDigestFileNamesTheLayoutsManifestAndADirectPushGivesTheSameDigest(String tool) throws Exception {
        List<String> cli = new ArrayList<>(List.of(tool));
        cli.addAll(storage(tool).globalArgs());
        String local = "localhost/multiarch-digest-check:" + tool;
        Path dir = Files.createDirectories(temp.resolve("digest-check-" + tool));
        Path layout = dir.resolve("layout");
        try {
            runChecked(concat(cli, tool.equals("buildah") ? "bud" : "build", "--platform", "linux/arm64",
                    "--build-arg", "TARGETARCH=arm64", "--tag", local, context.toString()));
            runChecked(concat(cli, "push", "--digestfile", dir.resolve("layout-digest").toString(), local, "oci:" + layout));
            runChecked(concat(cli, "push", "--digestfile", dir.resolve("direct-digest").toString(), "--tls-verify=false",
                    "--authfile", skopeoAuth.toString(), local, "docker://" + registry.host() + "/it/direct:" + tool));
        } finally {
            runChecked(concat(cli, "rmi", local));
        }
        Digest reported = Digest.parse(Files.readString(dir.resolve("layout-digest")).strip());
        OciLayout oci = OciLayout.open(layout);
        assertThat(oci.onlyImageManifest().digest()).isEqualTo(reported);
        byte[] manifest = oci.readBlob(oci.onlyImageManifest()); // checks the bytes hash to that digest
        assertThat(Digest.parse(Files.readString(dir.resolve("direct-digest")).strip())).isEqualTo(reported);
        assertThat(skopeoRaw("it/direct:" + tool, "--raw")).isEqualTo(manifest);
    }

    private static List<String> concat(List<String> start, String... more) {
        List<String> all = new ArrayList<>(start);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void perPlatformTagPointsAtThePushedDigest() throws Exception {
        BuildRequest request = BuildRequest.builder(ImageReference.parse(registry.host() + "/it/tagged:2.0"), context)
                .platform(Platform.LINUX_ARM64)
                .perPlatformTags("{os}-{arch}{variant}-{version}")
                .insecureRegistry(true)
                .build();

        PlatformBuildResult result = platformBuilder("buildah", credentials()).build(request.platformBuilds().get(0));

        assertThat(result.pushedReference().tag()).contains("linux-arm64-2.0");
        assertThat(result.temporaryTagName()).isEmpty();
        assertThat(TagList.of(registry, "it/tagged").tags()).containsExactly("linux-arm64-2.0");
        assertThat(skopeoRaw("it/tagged:linux-arm64-2.0", "--raw")).satisfies(raw -> assertThat(Digest.sha256(raw)).isEqualTo(result.digest()));
    }

    /** The registry serves plain HTTP with a password: the build's pull needs --tls-verify=false and the auth file. */
    @ParameterizedTest
    @ValueSource(strings = {"buildah", "podman"})
    void aBaseImageIsPulledFromTheInsecureTargetRegistry(String tool) throws Exception {
        PlatformBuild base = BuildRequest.builder(ImageReference.parse(registry.host() + "/it/" + tool + "-base:1.0"), context)
                .platform(Platform.LINUX_ARM64).perPlatformTags("{arch}").insecureRegistry(true).build()
                .platformBuilds().get(0);
        platformBuilder(tool, credentials()).build(base);
        Path derived = Files.createDirectories(temp.resolve("derived-" + tool));
        Files.writeString(derived.resolve("Containerfile"),
                "FROM " + registry.host() + "/it/" + tool + "-base:arm64\nCOPY extra /extra\n");
        Files.writeString(derived.resolve("extra"), "extra\n");
        PlatformBuild build = BuildRequest.builder(ImageReference.parse(registry.host() + "/it/" + tool + "-derived:1.0"), derived)
                .platform(Platform.LINUX_ARM64).insecureRegistry(true).build().platformBuilds().get(0);

        PlatformBuildResult result = platformBuilder(tool, credentials()).build(build);

        JsonNode layers = JSON.readTree(skopeoRaw(result.pushedReference().repository() + "@" + result.digest(), "--raw"))
                .path("layers");
        assertThat(layers).as("the base image's layer and ours").hasSize(2);
    }

    @Test
    void withoutCredentialsTheRegistryRefusesTheUploadAndCleanupStillRuns() throws Exception {
        BuildRequest request = BuildRequest.builder(ImageReference.parse(registry.host() + "/it/refused:1.0"), context)
                .platform(Platform.LINUX_AMD64)
                .insecureRegistry(true)
                .build();
        PlatformBuildRunner anonymous = platformBuilder("buildah", Map.of());

        assertThatThrownBy(() -> anonymous.build(request.platformBuilds().get(0)))
                .isInstanceOfSatisfying(PlatformBuildException.class, e -> {
                    assertThat(e.getMessage()).startsWith("linux/amd64: could not upload the image to " + registry.host()
                                    + "/it/refused@sha256:")
                            .contains("registry " + registry.host() + " requires authentication and no credentials were given for it");
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
        byte[] layer = registryClient().getBlob(repository, Digest.parse(layers.get(0).path("digest").asText()));
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
}
