package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.testkit.GitRepository;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --tags-from-git --annotations-from-git} on real git repositories and a real registry, read back
 * with skopeo and the registry's tag list.
 */
class GitTagsCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RELEASE_TIME = Instant.parse("2026-11-02T09:30:00Z");

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    static String amd64;
    static String arm64;

    @TempDir
    Path dir;

    @BeforeAll
    static void push() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64").pushTo(registry.host(), "git/images:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64").pushTo(registry.host(), "git/images:arm64");
    }

    @Test
    void aReleaseGetsItsVersionTagsAndAnnotationsAndARerunOfTheCommitWritesNothing() throws Exception {
        GitRepository repo = GitRepository.init(dir, "main").remote("https://ci-bot:ghp_s3cret@github.com/org/app.git");
        String sha = repo.commit("app.txt", "1.3.0", RELEASE_TIME);
        repo.tag("v1.3.0");
        String target = registry.host() + "/git/release";

        MultiarchProcess.Outcome first = publish(target, Map.of(), "--annotations-from-git");
        MultiarchProcess.Outcome second = publish(target, Map.of(), "--annotations-from-git");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        JsonNode a = StdoutJson.parse(first.stdout());
        assertThat(a.path("tagsWritten")).map(JsonNode::asText)
                .containsExactly("1.3.0", "1.3", "1", "latest", "sha-" + sha.substring(0, 7));
        assertThat(TagList.of(registry, "git/release").tags())
                .containsExactlyInAnyOrder("1.3.0", "1.3", "1", "latest", "sha-" + sha.substring(0, 7));
        JsonNode index = JSON.readTree(Skopeo.rawManifest(target + ":latest", null));
        Map<String, String> annotations = JSON.convertValue(index.path("annotations"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        assertThat(annotations).isEqualTo(Map.of("org.opencontainers.image.created", "2026-11-02T09:30:00Z",
                "org.opencontainers.image.revision", sha,
                "org.opencontainers.image.source", "https://github.com/org/app",
                "org.opencontainers.image.version", "1.3.0"));
        assertThat(first.stdout() + first.stderr()).doesNotContain("s3cret");

        // The same commit again (a rebuild): the created annotation is the commit's time, so the same digest.
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        JsonNode b = StdoutJson.parse(second.stdout());
        assertThat(b.path("digest").asText()).isEqualTo(a.path("digest").asText());
        assertThat(b.path("tagsWritten")).isEmpty();
        assertThat(b.path("tagsUnchanged")).hasSize(5);
    }

    @Test
    void anOlderReleaseAfterANewerOneMovesOnlyItsOwnLine() throws Exception {
        GitRepository repo = GitRepository.init(dir, "main");
        repo.commit("app.txt", "1.2.4", RELEASE_TIME);
        repo.tag("v1.2.4");
        String target = registry.host() + "/git/lines";
        // Annotations make each commit's index its own digest.
        assertThat(publish(target, Map.of(), "--annotations-from-git").exitCode()).isZero();
        repo.commit("app.txt", "1.3.0", RELEASE_TIME.plusSeconds(3600));
        repo.tag("v1.3.0");
        MultiarchProcess.Outcome newer = publish(target, Map.of(), "--annotations-from-git");
        assertThat(newer.exitCode()).as(newer.stderr()).isZero();
        String newerDigest = StdoutJson.parse(newer.stdout()).path("digest").asText();

        repo.checkoutNewBranch("release-1.2");
        repo.commit("fix.txt", "fix", RELEASE_TIME.plusSeconds(7200));
        repo.tag("v1.2.5").detach();
        String fixSha = repo.head();
        MultiarchProcess.Outcome fix = publish(target, Map.of(), "--annotations-from-git");

        assertThat(fix.exitCode()).as(fix.stderr()).isZero();
        assertThat(StdoutJson.parse(fix.stdout()).path("tagsWritten")).map(JsonNode::asText)
                .containsExactly("1.2.5", "1.2", "sha-" + fixSha.substring(0, 7));
        assertThat(fix.stderr()).contains("1 not moved: 1.3.0 is higher than 1.2.5",
                "latest not moved: 1.3.0 is higher than 1.2.5");
        assertThat(digestOf(target + ":latest")).isEqualTo(newerDigest);
        assertThat(digestOf(target + ":1")).isEqualTo(newerDigest);
        assertThat(digestOf(target + ":1.2")).isEqualTo(StdoutJson.parse(fix.stdout()).path("digest").asText());
    }

    @Test
    void jenkinsVariablesNameTheBuildAndAPreReleaseGetsOnlyItsOwnTag() throws Exception {
        GitRepository repo = GitRepository.init(dir, "main");
        String sha = repo.commit("app.txt", "x", RELEASE_TIME);
        String target = registry.host() + "/git/ci";

        MultiarchProcess.Outcome branch = publish(target, Map.of("BRANCH_NAME", "feature/login", "GIT_COMMIT", sha));
        MultiarchProcess.Outcome pr = publish(target, Map.of("BRANCH_NAME", "PR-12", "CHANGE_ID", "12", "GIT_COMMIT", sha));
        MultiarchProcess.Outcome rc = publish(target + ":candidate", Map.of("TAG_NAME", "v2.0.0-rc.1", "GIT_COMMIT", sha));

        assertThat(branch.exitCode()).as(branch.stderr()).isZero();
        assertThat(StdoutJson.parse(branch.stdout()).path("tagsWritten")).map(JsonNode::asText)
                .containsExactly("feature-login", "sha-" + sha.substring(0, 7));
        assertThat(pr.exitCode()).as(pr.stderr()).isZero();
        assertThat(StdoutJson.parse(pr.stdout()).path("tagsWritten")).map(JsonNode::asText).containsExactly("pr-12");
        assertThat(rc.exitCode()).as(rc.stderr()).isZero();
        assertThat(StdoutJson.parse(rc.stdout()).path("tagsWritten")).map(JsonNode::asText)
                .containsExactly("candidate", "2.0.0-rc.1");
        assertThat(TagList.of(registry, "git/ci").tags()).doesNotContain("latest", "2", "2.0");
    }

    @Test
    void aDirectoryThatIsNoGitCheckoutIsAUsageErrorAndNothingIsWritten() throws Exception {
        MultiarchProcess.Outcome outcome = publish(registry.host() + "/git/none", Map.of());

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--tags-from-git: cannot tell what is being built: " + dir
                + " is not a git working tree");
        assertThat(TagList.of(registry, "git/none").none()).isTrue();
    }

    private MultiarchProcess.Outcome publish(String target, Map<String, String> env, String... options)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("publish", target, "--tags-from-git", "--git-dir", dir.toString(),
                "--source", "linux/amd64=" + registry.host() + "/git/images@" + amd64,
                "--source", "linux/arm64=" + registry.host() + "/git/images@" + arm64, "--output", "json"));
        args.addAll(List.of(options));
        return MultiarchProcess.run(null, env, args.toArray(String[]::new));
    }

    private static String digestOf(String reference) {
        return io.jenkins.plugins.multiarch.testkit.Digests.sha256(
                Skopeo.rawManifest(reference, null).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
