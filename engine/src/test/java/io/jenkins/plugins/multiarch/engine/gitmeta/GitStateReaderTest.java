package io.jenkins.plugins.multiarch.engine.gitmeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.process.CommandRunner;
import io.jenkins.plugins.multiarch.engine.process.LocalCommandRunner;
import io.jenkins.plugins.multiarch.testkit.GitRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the state of real git repositories, alone and under the variables Jenkins and GitHub Actions set. */
class GitStateReaderTest {

    private static final Instant TIME = Instant.parse("2026-11-30T08:15:00Z");
    private static final CommandRunner GIT = new LocalCommandRunner();

    @TempDir
    Path dir;

    @Test
    void fromGitAloneABranchWithItsCommitTimeAndARemoteWithoutCredentials() {
        GitRepository repo = GitRepository.init(dir, "main").remote("https://bot:ghp_s3cret@github.com/org/app.git");
        String sha = repo.commit("a.txt", "a", TIME);
        repo.checkoutNewBranch("feature/login");

        GitState state = read(Map.of());

        assertThat(state.branch()).contains("feature/login");
        assertThat(state.tag()).isEmpty();
        assertThat(state.commit()).contains(sha);
        assertThat(state.commitTime()).contains(TIME);
        assertThat(state.sourceUrl()).contains("https://github.com/org/app");
        assertThat(state.toString()).doesNotContain("s3cret");
        assertThat(state.readFrom()).isEqualTo("git in " + dir);
    }

    @Test
    void fromGitTheHighestVersionTaggedAtHead() {
        GitRepository repo = GitRepository.init(dir, "main");
        repo.commit("a.txt", "a", TIME);
        repo.tag("v1.9.0").tag("v1.10.0").tag("some-name").detach();

        GitState state = read(Map.of());

        assertThat(state.tag()).contains("v1.10.0");
        assertThat(state.branch()).isEmpty();
        assertThat(state.sourceUrl()).isEmpty();
    }

    @Test
    void aDetachedHeadWithoutTagsOrVariablesIsAnError() {
        GitRepository repo = GitRepository.init(dir, "main");
        repo.commit("a.txt", "a", TIME);
        repo.detach();

        assertThatThrownBy(() -> read(Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("neither on a branch nor tagged").hasMessageContaining("BRANCH_NAME");
    }

    @Test
    void notARepositoryAndNoVariablesNamesTheDirectoryAndTheVariables() {
        assertThatThrownBy(() -> read(Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir + " is not a git working tree")
                .hasMessageContaining("TAG_NAME, BRANCH_NAME, CHANGE_ID (Jenkins) or GITHUB_REF");
    }

    @Test
    void jenkinsTagBuildTheVariablesNameTheRefGitGivesTheTime() {
        GitRepository repo = GitRepository.init(dir, "main");
        String sha = repo.commit("a.txt", "a", TIME);

        GitState state = read(Map.of("TAG_NAME", "v2.0.0", "BRANCH_NAME", "v2.0.0", "GIT_COMMIT", sha,
                "GIT_URL", "https://jenkins:tok3n@git.example.com/team/app.git"));

        assertThat(state.tag()).contains("v2.0.0");
        assertThat(state.branch()).isEmpty(); // HEAD is on main, but Jenkins says this is the tag's build
        assertThat(state.commit()).contains(sha);
        assertThat(state.commitTime()).contains(TIME);
        assertThat(state.sourceUrl()).contains("https://git.example.com/team/app");
        assertThat(state.readFrom()).isEqualTo("Jenkins variables");
    }

    @Test
    void jenkinsPullRequest() {
        GitState state = read(Map.of("BRANCH_NAME", "PR-17", "CHANGE_ID", "17", "CHANGE_BRANCH", "feature/x",
                "GIT_COMMIT", "89abcdef89abcdef89abcdef89abcdef89abcdef"));

        assertThat(state.changeId()).contains("17");
        assertThat(state.branch()).contains("feature/x");
        assertThat(state.commitTime()).isEmpty(); // no git here to ask
        assertThat(GitTags.plan(state, java.util.List.of()).tags()).containsExactly("pr-17", "sha-89abcde");
    }

    @Test
    void gitHubActionsRefs() {
        Map<String, String> base = Map.of("GITHUB_SHA", "fedcba98fedcba98fedcba98fedcba98fedcba98",
                "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "org/app");
        assertThat(read(with(base, "GITHUB_REF", "refs/tags/v1.4.0")).tag()).contains("v1.4.0");
        assertThat(read(with(base, "GITHUB_REF", "refs/heads/release/1.x")).branch()).contains("release/1.x");
        GitState pr = read(with(base, "GITHUB_REF", "refs/pull/9/merge"));
        assertThat(pr.changeId()).contains("9");
        assertThat(pr.sourceUrl()).contains("https://github.com/org/app");
        assertThat(pr.commit()).contains("fedcba98fedcba98fedcba98fedcba98fedcba98");
        assertThatThrownBy(() -> read(with(base, "GITHUB_REF", "refs/notes/x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("GITHUB_REF 'refs/notes/x'");
    }

    @Test
    void annotationsFromTheState() {
        GitRepository repo = GitRepository.init(dir, "main").remote("git@github.com:org/app.git");
        String sha = repo.commit("a.txt", "a", TIME);
        repo.tag("v3.1.4");
        repo.detach();

        assertThat(GitAnnotations.of(read(Map.of()))).containsExactly(
                Map.entry("org.opencontainers.image.created", "2026-11-30T08:15:00Z"),
                Map.entry("org.opencontainers.image.revision", sha),
                Map.entry("org.opencontainers.image.source", "https://github.com/org/app"),
                Map.entry("org.opencontainers.image.version", "3.1.4"));
    }

    private GitState read(Map<String, String> env) {
        return new GitStateReader(env, GIT, dir).read();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put(key, value);
        return all;
    }
}
