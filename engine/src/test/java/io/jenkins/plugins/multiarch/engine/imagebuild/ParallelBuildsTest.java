package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.imagebuild.RecordingCommandRunner.Call;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.KanikoTool;
import io.jenkins.plugins.multiarch.engine.process.LineSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uses the kaniko adapter (one command per platform) with a scripted runner; kaniko's own limit is lifted. */
class ParallelBuildsTest {

    @TempDir
    Path workspaces;

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();

    /** kaniko's plan, without its one-at-a-time limit, so parallelism can be observed. */
    private static final class UnlimitedKaniko extends io.jenkins.plugins.multiarch.engine.imagebuild.tool.ForwardingBuildTool {
        UnlimitedKaniko() {
            super(new KanikoTool());
        }

        @Override
        public int maxParallelBuilds() {
            return Integer.MAX_VALUE;
        }
    }

    private int build(Call call, LineSink out, long millis, String failingArch) throws Exception {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(millis);
            String platform = call.after("--custom-platform");
            if (platform.contains(failingArch)) {
                out.line("boom on " + platform);
                return 1;
            }
            Files.writeString(Path.of(call.after("--digest-file")), SampleBuilds.DIGEST);
            return 0;
        } finally {
            running.decrementAndGet();
        }
    }

    private final List<String> phases = Collections.synchronizedList(new ArrayList<>());

    private ParallelBuilds parallel(RecordingCommandRunner runner, int jobs, FailurePolicy policy) {
        PlatformBuildRunner builder = new PlatformBuildRunner(new UnlimitedKaniko(), runner, LocalBuildWorkspace.factory(workspaces),
                Map.of(), LineSink.discard()).withProgress((platform, phase) -> phases.add(platform + " " + phase.word()));
        return new ParallelBuilds(builder, jobs, policy);
    }

    private static List<PlatformBuild> builds(String... platforms) {
        return SampleBuilds.request(platforms).build().platformBuilds();
    }

    @Test
    void resultsKeepRequestOrderWhateverFinishesFirst() throws Exception {
        // The first platform is the slowest, so it finishes last.
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) ->
                build(call, out, call.after("--custom-platform").equals("linux/amd64") ? 300 : 10, "none"));

        List<PlatformBuildResult> results = parallel(runner, 3, FailurePolicy.SKIP_PENDING)
                .run(builds("linux/amd64", "linux/arm64", "linux/arm/v7"));

        assertThat(results).extracting(r -> r.platform().toString())
                .containsExactly("linux/amd64", "linux/arm64", "linux/arm/v7");
        assertThat(maxRunning.get()).isEqualTo(3);
    }

    @Test
    void noMoreThanNRunAtOnce() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out, 100, "none"));

        parallel(runner, 2, FailurePolicy.SKIP_PENDING).run(builds("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/386"));

        assertThat(maxRunning.get()).isEqualTo(2);
        assertThat(runner.calls()).hasSize(4);
    }

    @Test
    void afterAFailurePendingBuildsAreSkippedByDefault() {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out, 10, "arm64"));

        assertThatThrownBy(() -> parallel(runner, 1, FailurePolicy.SKIP_PENDING)
                .run(builds("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/386")))
                .isInstanceOfSatisfying(ParallelBuildException.class, e -> {
                    assertThat(e.failures()).extracting(f -> f.platform().toString()).containsExactly("linux/arm64");
                    assertThat(e.succeeded()).extracting(r -> r.platform().toString()).containsExactly("linux/amd64");
                    assertThat(e.skipped()).extracting(Object::toString).containsExactly("linux/arm/v7", "linux/386");
                    assertThat(e.getMessage()).startsWith("1 platform failed: linux/arm64; succeeded: linux/amd64;"
                            + " skipped: linux/arm/v7, linux/386\nlinux/arm64: kaniko build and push failed with exit code 1")
                            .contains("boom on linux/arm64");
                });
        assertThat(runner.calls()).hasSize(2);
        // Every platform is queued first; with one job the order of what follows is fixed.
        assertThat(phases).containsExactly("linux/amd64 queued", "linux/arm64 queued", "linux/arm/v7 queued",
                "linux/386 queued", "linux/amd64 building", "linux/amd64 building", "linux/amd64 done",
                "linux/arm64 building", "linux/arm64 building", "linux/arm64 failed", "linux/arm/v7 skipped",
                "linux/386 skipped");
    }

    @Test
    void finishAllRunsEveryBuildAndReportsEveryFailure() {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out, 10, "arm"));

        assertThatThrownBy(() -> parallel(runner, 1, FailurePolicy.FINISH_ALL)
                .run(builds("linux/arm64", "linux/amd64", "linux/arm/v7")))
                .isInstanceOfSatisfying(ParallelBuildException.class, e -> {
                    assertThat(e.failures()).extracting(f -> f.platform().toString()).containsExactly("linux/arm64", "linux/arm/v7");
                    assertThat(e.succeeded()).hasSize(1);
                    assertThat(e.skipped()).isEmpty();
                    assertThat(e.getSuppressed()).hasSize(1);
                });
        assertThat(runner.calls()).hasSize(3);
    }

    @Test
    void kanikoRunsOneAtATimeWhateverIsAsked() {
        PlatformBuildRunner kaniko = new PlatformBuildRunner(new KanikoTool(), new RecordingCommandRunner((c, o) -> 0),
                LocalBuildWorkspace.factory(workspaces), Map.of(), LineSink.discard());

        assertThat(new ParallelBuilds(kaniko, 4).effectiveParallelism(3)).isEqualTo(1);
        assertThatThrownBy(() -> new ParallelBuilds(kaniko, 0)).hasMessage("parallel jobs must be at least 1, got 0");
    }

    @Test
    @Timeout(10)
    void interruptingTheCallerStopsTheRunningBuilds() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out, 60_000, "none"));
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();

        assertThatThrownBy(() -> parallel(runner, 2, FailurePolicy.SKIP_PENDING).run(builds("linux/amd64", "linux/arm64")))
                .isInstanceOf(InterruptedException.class);
        assertThat(running.get()).isZero();
        assertThat(workspaces).isEmptyDirectory();
    }
}
