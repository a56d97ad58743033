package io.jenkins.plugins.multiarch.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run that died leaves is swept by the next run, and nothing else: a real child JVM makes a workspace with an
 * auth file and is killed with SIGKILL; the next factory's first workspace deletes it.
 */
class LeftoverWorkspacesTest {

    @TempDir
    Path parent;

    @Test
    @FaultCase(area = "leftovers", fault = "kill -9 of a run while its workspace holds the 0600 auth file",
            outcome = "the next run deletes that workspace (its owner pid is gone) before making its own")
    void theWorkspaceOfAKilledRunIsSweptByTheNextRun() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), WorkspaceProbe.class.getName(), parent.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path leftover;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            leftover = Path.of(out.readLine());
            assertThat(leftover.resolve("auth.json")).exists();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        BuildWorkspaceFactory nextRun = LocalBuildWorkspace.factory(parent);
        Path own = nextRun.create(SampleBuilds.armV7()).directory();

        assertThat(leftover).doesNotExist();
        assertThat(own).exists();
    }

    @Test
    @FaultCase(area = "leftovers", fault = "workspaces of a live run, of a dead run made after this run started, and"
            + " foreign directories with the same prefix",
            outcome = "none of them is touched")
    void onlyLeftoversOfDeadEarlierRunsAreSwept() throws Exception {
        Path live = LocalBuildWorkspace.create(parent, LocalBuildWorkspace.PREFIX + "live-").directory();
        Path unmarked = Files.createDirectory(parent.resolve(LocalBuildWorkspace.PREFIX + "someone-else"));
        Path newer = Files.createDirectory(parent.resolve(LocalBuildWorkspace.PREFIX + "newer"));
        Files.writeString(newer.resolve(LeftoverWorkspaces.MARKER), "pid=" + deadPid() + "\nprocessStart=1\ncreated="
                + Instant.now().plusSeconds(3600).toEpochMilli() + "\n");
        Path dead = Files.createDirectory(parent.resolve(LocalBuildWorkspace.PREFIX + "dead"));
        Files.writeString(dead.resolve(LeftoverWorkspaces.MARKER), "pid=" + deadPid() + "\nprocessStart=1\ncreated=1\n");
        Path elsewhere = Files.createDirectory(parent.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve(LeftoverWorkspaces.MARKER), "pid=" + deadPid() + "\nprocessStart=1\ncreated=1\n");
        Path link = Files.createSymbolicLink(parent.resolve(LocalBuildWorkspace.PREFIX + "link"), elsewhere);

        int deleted = LeftoverWorkspaces.sweep(parent, LocalBuildWorkspace.PREFIX, Instant.now());

        assertThat(deleted).isEqualTo(1);
        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        assertThat(unmarked).exists();
        assertThat(newer).exists();
        assertThat(link).exists();
        assertThat(elsewhere.resolve(LeftoverWorkspaces.MARKER)).exists();
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return done.pid();
    }
}
