package io.jenkins.plugins.multiarch.engine.gitmeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tag computation against a table of git states and the repository's existing tags. */
class GitTagsTest {

    private static final String SHA = "0123abcdef0123abcdef0123abcdef0123abcdef";

    static Stream<Arguments> states() {
        return Stream.of(
                row("first release", tag("v1.2.3"), List.of(),
                        List.of("1.2.3", "1.2", "1", "latest", "sha-0123abc")),
                row("release above every existing one", tag("v1.3.0"), List.of("1.2.3", "1.2", "1", "latest", "1.3.0-rc.1"),
                        List.of("1.3.0", "1.3", "1", "latest", "sha-0123abc")),
                row("re-run of the highest release", tag("v1.3.0"), List.of("1.3.0", "1.3", "1", "latest"),
                        List.of("1.3.0", "1.3", "1", "latest", "sha-0123abc")),
                row("older release after a newer one (fix for 1.2)", tag("v1.2.5"),
                        List.of("1.2.4", "1.3.0", "1.3", "1", "latest"), List.of("1.2.5", "1.2", "sha-0123abc")),
                row("older major after a newer major", tag("v1.4.0"), List.of("2.0.0", "2", "latest", "1.3.0"),
                        List.of("1.4.0", "1.4", "1", "sha-0123abc")),
                row("existing tags written with a v count too", tag("1.2.0"), List.of("v1.2.1"),
                        List.of("1.2.0", "sha-0123abc")),
                row("a higher pre-release does not hold latest back", tag("v1.2.0"), List.of("2.0.0-beta.1"),
                        List.of("1.2.0", "1.2", "1", "latest", "sha-0123abc")),
                row("pre-release", tag("v2.0.0-rc.1"), List.of("1.2.3"), List.of("2.0.0-rc.1", "sha-0123abc")),
                row("0.x: no bare 0 tag", tag("v0.4.1"), List.of(), List.of("0.4.1", "0.4", "latest", "sha-0123abc")),
                row("build metadata: + is no tag character", tag("v1.0.0+exp.sha.5114f85"), List.of(),
                        List.of("1.0.0-exp.sha.5114f85", "1.0", "1", "latest", "sha-0123abc")),
                row("tag that is no version", tag("nightly/2026-12-03"), List.of("1.0.0"),
                        List.of("nightly-2026-12-03", "sha-0123abc")),
                row("branch with slashes", GitState.builder().branch("feature/login+oauth").commit(SHA),
                        List.of(), List.of("feature-login-oauth", "sha-0123abc")),
                row("branch starting with a dot and too long", GitState.builder().branch(".x/" + "a".repeat(200)).commit(SHA),
                        List.of(), List.of("x-" + "a".repeat(126), "sha-0123abc")),
                row("pull request", GitState.builder().changeId("42").branch("feature/x").commit(SHA),
                        List.of(), List.of("pr-42", "sha-0123abc")),
                row("no commit known", GitState.builder().branch("main"), List.of(), List.of("main")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void tagsForGitState(String name, GitState.Builder state, List<String> existing, List<String> expected) {
        assertThat(GitTags.plan(state.build(), existing).tags()).containsExactlyElementsOf(expected);
    }

    @Test
    void saysWhyAFloatingTagWasNotMoved() {
        GitTagPlan plan = GitTags.plan(tag("v1.2.5").build(), List.of("1.3.0", "2.0.0"));
        assertThat(plan.notes()).containsExactly("1 not moved: 1.3.0 is higher than 1.2.5",
                "latest not moved: 2.0.0 is higher than 1.2.5");
        assertThat(GitTags.plan(tag("v1.0.0-rc.1").build(), List.of()).notes())
                .containsExactly("v1.0.0-rc.1 is a pre-release: only its own tag, no 1.0, 1 or latest");
    }

    @Test
    void everyTagFitsTheTagGrammar() {
        states().map(a -> (GitState.Builder) a.get()[1]).forEach(state ->
                assertThat(GitTags.plan(state.build(), List.of()).tags())
                        .allMatch(t -> t.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}"), "tag grammar"));
    }

    private static GitState.Builder tag(String tag) {
        return GitState.builder().tag(tag).commit(SHA);
    }

    private static Arguments row(String name, GitState.Builder state, List<String> existing, List<String> expected) {
        return Arguments.of(name, state, existing, expected);
    }
}
