package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code multiarch build} as a user runs it: bin/multiarch on the packaged jar, real buildah and podman builds
 * (vfs storage in a temporary directory), a real registry with a password, results read back with skopeo.
 */
class BuildCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "builder";
    private static final String PASSWORD = "build-IT-s3cret";
    private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "linux/arm/v7");

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd(USER, PASSWORD);

    @TempDir
    Path temp;

    /** A context whose image for each platform holds a file naming that platform; {@code missing} is left out. */
    private Path context(String... missing) throws Exception {
        Path context = Files.createDirectories(temp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), String.join("\n", "FROM scratch", "ARG TARGETARCH",
                "ARG TARGETVARIANT", "COPY hello-${TARGETARCH}${TARGETVARIANT} /hello", "ENTRYPOINT [\"/hello\"]", ""));
        for (String file : List.of("hello-amd64", "hello-arm64", "hello-armv7")) {
            if (!List.of(missing).contains(file)) {
                Files.writeString(context.resolve(file), file + "\n");
            }
        }
        return context;
    }

    private MultiarchProcess.Outcome build(String target, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("build", registry.host() + "/" + target,
                "--context", temp.resolve("context").toString(),
                "--storage-driver", "vfs", "--storage-root", temp.resolve("storage").toString(),
                "--username", USER, "--password-stdin"));
        args.addAll(List.of(options));
        MultiarchProcess.Outcome outcome = MultiarchProcess.run(PASSWORD + "\n", Map.of(), args.toArray(String[]::new));
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(PASSWORD);
        return outcome;
    }

    @Test
    void buildsThreePlatformsWithBuildahAndPublishesOneIndexWithoutPerPlatformTags() throws Exception {
        context();
        Path digestFile = temp.resolve("digests.txt");

        MultiarchProcess.Outcome outcome = build("cli/hello:1.0", "--platform", String.join(",", PLATFORMS),
                "--builder", "buildah", "--publish", "--tag", "latest", "--digest-file", digestFile.toString(),
                "--output", "json");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        JsonNode result = StdoutJson.parse(outcome.stdout());
        assertThat(result.path("builder").asText()).isEqualTo("buildah");
        JsonNode images = result.path("images");
        assertThat(images.findValuesAsText("platform")).containsExactlyElementsOf(PLATFORMS);
        List<String> digests = images.findValuesAsText("digest");
        assertThat(digests).hasSize(3).doesNotHaveDuplicates().allMatch(d -> d.matches("sha256:[0-9a-f]{64}"));
        assertThat(images).allSatisfy(image -> assertThat(image.path("temporaryTag").isNull()).isTrue());
        assertThat(Files.readAllLines(digestFile)).containsExactly(PLATFORMS.get(0) + " " + digests.get(0),
                PLATFORMS.get(1) + " " + digests.get(1), PLATFORMS.get(2) + " " + digests.get(2));
        JsonNode published = result.path("published");
        assertThat(published.path("tagsWritten")).map(JsonNode::asText).containsExactly("1.0", "latest");

        // The index, read back with skopeo: the three images, each with its platform, sorted by platform.
        String host = registry.host();
        JsonNode index = JSON.readTree(Skopeo.rawManifest(host + "/cli/hello:1.0", registry.credentials()));
        assertThat(index.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(index.path("manifests").findValuesAsText("digest"))
                .containsExactly(digests.get(0), digests.get(2), digests.get(1));
        List<String> platforms = new ArrayList<>();
        for (JsonNode child : index.path("manifests")) {
            JsonNode p = child.path("platform");
            platforms.add(p.path("os").asText() + "/" + p.path("architecture").asText()
                    + (p.has("variant") ? "/" + p.path("variant").asText() : ""));
        }
        assertThat(platforms).containsExactly("linux/amd64", "linux/arm/v7", "linux/arm64");
        assertThat(published.path("digest").asText())
                .isEqualTo(digestOf(Skopeo.rawManifest(host + "/cli/hello:latest", registry.credentials())));
        // Each image's config says its platform.
        for (int i = 0; i < PLATFORMS.size(); i++) {
            JsonNode config = JSON.readTree(Skopeo.rawConfig(host + "/cli/hello@" + digests.get(i), registry.credentials()));
            String[] parts = PLATFORMS.get(i).split("/");
            assertThat(config.path("architecture").asText()).isEqualTo(parts[1]);
            assertThat(config.path("variant").asText(null)).isEqualTo(parts.length > 2 ? parts[2] : null);
        }
        // The only tags are the index's: nothing per platform, nothing temporary.
        assertThat(TagList.of(registry, "cli/hello").tags()).containsExactlyInAnyOrder("1.0", "latest");
        assertThat(outcome.stderr()).contains("[linux/arm/v7] -> uploading", "[linux/arm64] -> done",
                "verified linux/arm/v7 " + digests.get(2));
    }

    @Test
    void aFailedPlatformFailsTheCommandAndNothingIsPublished() throws Exception {
        context("hello-arm64");

        MultiarchProcess.Outcome outcome = build("cli/broken:1.0", "--platform", String.join(",", PLATFORMS),
                "--builder", "buildah", "--publish");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr()).contains("multiarch: error: 1 of 3 platforms failed, nothing was published:",
                "\n  linux/arm64: buildah build failed with exit code", "[linux/arm64] -> failed");
        assertThat(TagList.of(registry, "cli/broken").none()).isTrue();
    }

    @Test
    void podmanBuildsByDigestLeavingNoTagAndPrintsPlatformDigestLines() throws Exception {
        context();

        MultiarchProcess.Outcome outcome = build("cli/podman:2.0", "--platform", "linux/arm64,linux/arm/v7",
                "--builder", "podman", "--jobs", "1");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        List<String> lines = outcome.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("linux/arm64 sha256:[0-9a-f]{64}");
        assertThat(lines.get(1)).matches("linux/arm/v7 sha256:[0-9a-f]{64}");
        for (String line : lines) {
            String digest = line.split(" ")[1];
            String manifest = Skopeo.rawManifest(registry.host() + "/cli/podman@" + digest, registry.credentials());
            assertThat(digestOf(manifest)).isEqualTo(digest);
        }
        TagList tags = TagList.of(registry, "cli/podman");
        assertThat(tags.tags()).isEmpty();
        assertThat(tags.errorCode()).isEqualTo("NAME_UNKNOWN");
    }

    @Test
    void aTagTemplateTagsEachPlatform() throws Exception {
        context();

        MultiarchProcess.Outcome outcome = build("cli/tagged:3.0", "--platform", "linux/amd64,linux/arm/v7",
                "--builder", "buildah", "--tag-template", "{arch}{variant}-{version}");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(TagList.of(registry, "cli/tagged").tags()).containsExactlyInAnyOrder("amd64-3.0", "armv7-3.0");
        String amd64 = outcome.stdout().lines().findFirst().orElseThrow().split(" ")[1];
        String byTag = Skopeo.rawManifest(registry.host() + "/cli/tagged:amd64-3.0", registry.credentials());
        assertThat(digestOf(byTag)).isEqualTo(amd64);
    }

    @Test
    void tagsAndAnnotationsFromGitDecideTheIndexTagsAndTheTemplatesVersion() throws Exception {
        context();
        io.jenkins.plugins.multiarch.testkit.GitRepository repo = io.jenkins.plugins.multiarch.testkit.GitRepository
                .init(temp.resolve("checkout"), "main").remote("git@github.com:org/hello.git");
        String sha = repo.commit("README", "hello", java.time.Instant.parse("2026-10-01T12:00:00Z"));
        repo.tag("v2.1.0");

        MultiarchProcess.Outcome outcome = build("cli/gitbuilt", "--platform", "linux/amd64", "--builder", "buildah",
                "--tag-template", "{arch}-{version}", "--publish", "--tags-from-git", "--annotations-from-git",
                "--git-dir", repo.directory().toString(), "--output", "json");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        JsonNode published = StdoutJson.parse(outcome.stdout()).path("published");
        assertThat(published.path("tagsWritten")).map(JsonNode::asText)
                .containsExactly("2.1.0", "2.1", "2", "latest", "sha-" + sha.substring(0, 7));
        assertThat(TagList.of(registry, "cli/gitbuilt").tags()).containsExactlyInAnyOrder("amd64-2.1.0", "2.1.0",
                "2.1", "2", "latest", "sha-" + sha.substring(0, 7));
        JsonNode index = JSON.readTree(Skopeo.rawManifest(registry.host() + "/cli/gitbuilt:2", registry.credentials()));
        assertThat(index.path("annotations").path("org.opencontainers.image.version").asText()).isEqualTo("2.1.0");
        assertThat(index.path("annotations").path("org.opencontainers.image.revision").asText()).isEqualTo(sha);
        assertThat(index.path("annotations").path("org.opencontainers.image.created").asText())
                .isEqualTo("2026-10-01T12:00:00Z");
        assertThat(index.path("annotations").path("org.opencontainers.image.source").asText())
                .isEqualTo("https://github.com/org/hello");
    }

    /** skopeo --raw prints the stored bytes exactly, so their hash is the digest. */
    private static String digestOf(String rawManifest) {
        return Digest.sha256(rawManifest.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
