package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.imagebuild.RecordingCommandRunner.Call;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.DockerTool;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uses the kaniko adapter (one command per platform) with a scripted runner; kaniko's own limit is lifted. No test
 * orders builds by sleeping: builds meet at barriers, wait on latches that other builds (or their progress reports)
 * count down, and the timeouts below only bound how long a broken implementation may keep a test waiting.
 */
class ParallelBuildsTest {

    /** How long a build waits for a partner or a signal before it fails; reached only when something is broken. */
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path workspaces;

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    /** The names of the threads builds ran on. */
    private final Set<String> buildThreads = ConcurrentHashMap.newKeySet();
    private final List<String> phases = Collections.synchronizedList(new ArrayList<>());
    /** Called on every progress report, after it is recorded in {@link #phases}, in the reporting thread. */
    private volatile BiConsumer<String, BuildPhase> onPhase = (platform, phase) -> { };

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

    /** What a scripted build does while it runs, before it succeeds or fails. */
    @FunctionalInterface
    private interface Work {
        void run(String platform) throws Exception;
    }

    private static final Work NOTHING = platform -> { };

    /** A kaniko command: counted as running while {@code work} runs, then fails for {@code failingArch}. */
    private int build(Call call, LineSink out, Work work, String failingArch) throws Exception {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        buildThreads.add(Thread.currentThread().getName());
        try {
            String platform = call.after("--custom-platform");
            work.run(platform);
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

    private ParallelBuilds parallel(RecordingCommandRunner runner, int jobs, FailurePolicy policy) {
        PlatformBuildRunner builder = new PlatformBuildRunner(new UnlimitedKaniko(), runner, LocalBuildWorkspace.factory(workspaces),
                Map.of(), LineSink.discard()).withProgress((platform, phase) -> {
                    phases.add(platform + " " + phase.word());
                    onPhase.accept(platform.toString(), phase);
                });
        return new ParallelBuilds(builder, jobs, policy);
    }

    private static List<PlatformBuild> builds(String... platforms) {
        return SampleBuilds.request(platforms).build().platformBuilds();
    }

    private static void await(CyclicBarrier barrier) throws Exception {
        barrier.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException, TimeoutException {
        if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new TimeoutException("waited " + WAIT_SECONDS + " s for " + what);
        }
    }

    @Test
    @Timeout(60)
    void resultsKeepRequestOrderWhateverFinishesFirst() throws Exception {
        // All three start together; the first platform then waits until the other two have reported "done", so it
        // is certainly the last to finish.
        CyclicBarrier allStarted = new CyclicBarrier(3);
        CountDownLatch othersDone = new CountDownLatch(2);
        onPhase = (platform, phase) -> {
            if (phase == BuildPhase.DONE && !platform.equals("linux/amd64")) {
                othersDone.countDown();
            }
        };
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out, platform -> {
            await(allStarted);
            if (platform.equals("linux/amd64")) {
                await(othersDone, "linux/arm64 and linux/arm/v7 to finish");
            }
        }, "none"));

        List<PlatformBuildResult> results = parallel(runner, 3, FailurePolicy.SKIP_PENDING)
                .run(builds("linux/amd64", "linux/arm64", "linux/arm/v7"));

        assertThat(results).extracting(r -> r.platform().toString())
                .containsExactly("linux/amd64", "linux/arm64", "linux/arm/v7");
        assertThat(phases.stream().filter(phase -> phase.endsWith(" done")))
                .as("finish order").endsWith("linux/amd64 done").hasSize(3);
        assertThat(maxRunning.get()).isEqualTo(3);
    }

    @Test
    @Timeout(60)
    void noMoreThanNRunAtOnce() throws Exception {
        // Two at once: builds meet in pairs, so the run only gets through if two run together. No more than two: every
        // build runs on one of the pool's threads, one build at a time each, and only two such threads ever exist
        // (a third running build could only be noticed by waiting for it, i.e. by timing).
        CyclicBarrier pairs = new CyclicBarrier(2);
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out,
                platform -> await(pairs), "none"));

        parallel(runner, 2, FailurePolicy.SKIP_PENDING).run(builds("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/386"));

        assertThat(maxRunning.get()).isEqualTo(2);
        assertThat(buildThreads).hasSize(2);
        assertThat(runner.calls()).hasSize(4);
    }

    @Test
    void afterAFailurePendingBuildsAreSkippedByDefault() {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out, NOTHING, "arm64"));

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
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out, NOTHING, "arm"));

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
    @Timeout(60)
    void noLocalImageIsRemovedWhileAnotherPlatformsBuildRuns() throws Exception {
        // Removing an image while another build commits can delete a layer that commit reuses. arm64 finishes first;
        // amd64's build goes on until arm64's thread is parked (on the removal's turn, or idle after it), so a removal
        // that did not wait for amd64's build is recorded with one build running.
        AtomicInteger buildsRunning = new AtomicInteger();
        List<Integer> buildsRunningAtRemoval = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch arm64CleaningUp = new CountDownLatch(1);
        Thread[] arm64Thread = new Thread[1];
        onPhase = (platform, phase) -> {
            if (platform.equals("linux/arm64") && phase == BuildPhase.CLEANING_UP) {
                arm64Thread[0] = Thread.currentThread();
                arm64CleaningUp.countDown();
            }
        };
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> {
            switch (call.argv().get(1)) {
                case "build" -> {
                    buildsRunning.incrementAndGet();
                    try {
                        if (call.after("--platform").equals("linux/amd64")) {
                            await(arm64CleaningUp, "linux/arm64 to reach its cleanup");
                            awaitParked(arm64Thread[0]);
                        }
                    } finally {
                        buildsRunning.decrementAndGet();
                    }
                }
                case "push" -> out.line(call.argv().get(2).substring(call.argv().get(2).lastIndexOf(':') + 1)
                        + ": digest: " + SampleBuilds.DIGEST + " size: 528");
                case "image" -> buildsRunningAtRemoval.add(buildsRunning.get());
                default -> throw new AssertionError("unexpected " + call.argv());
            }
            return 0;
        });
        PlatformBuildRunner docker = new PlatformBuildRunner(new DockerTool(), runner,
                LocalBuildWorkspace.factory(workspaces), Map.of(), LineSink.discard())
                .withProgress((platform, phase) -> onPhase.accept(platform.toString(), phase));

        List<PlatformBuildResult> results = new ParallelBuilds(docker, 2).run(builds("linux/amd64", "linux/arm64"));

        assertThat(results).hasSize(2);
        assertThat(buildsRunningAtRemoval).as("builds running when a local image was removed").containsExactly(0, 0);
    }

    /** Until {@code thread} waits (on a lock, or idle in its pool); a bounded wait on a condition, not a guess of time. */
    private static void awaitParked(Thread thread) throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("waited " + WAIT_SECONDS + " s for " + thread.getName() + " to wait");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void kanikoRunsOneAtATimeWhateverIsAsked() {
        PlatformBuildRunner kaniko = new PlatformBuildRunner(new KanikoTool(), new RecordingCommandRunner((c, o) -> 0),
                LocalBuildWorkspace.factory(workspaces), Map.of(), LineSink.discard());

        assertThat(new ParallelBuilds(kaniko, 4).effectiveParallelism(3)).isEqualTo(1);
        assertThatThrownBy(() -> new ParallelBuilds(kaniko, 0)).hasMessage("parallel jobs must be at least 1, got 0");
    }

    @Test
    @Timeout(60)
    void interruptingTheCallerStopsTheRunningBuilds() throws Exception {
        // Both builds run until they are interrupted; the caller is interrupted once both are running.
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interruptedBuilds = new AtomicInteger();
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> build(call, out, platform -> {
            bothRunning.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                interruptedBuilds.incrementAndGet();
                throw e;
            }
        }, "none"));
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                bothRunning.await();
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        }, "interrupter");
        interrupter.start();

        try {
            assertThatThrownBy(() -> parallel(runner, 2, FailurePolicy.SKIP_PENDING).run(builds("linux/amd64", "linux/arm64")))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            interrupter.interrupt();
            interrupter.join();
        }
        assertThat(interruptedBuilds.get()).as("builds interrupted").isEqualTo(2);
        assertThat(running.get()).isZero();
        assertThat(workspaces).isEmptyDirectory();
    }
}
