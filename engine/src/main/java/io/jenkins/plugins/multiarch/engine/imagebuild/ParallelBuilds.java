package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.util.DaemonPool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the builds of several platforms, at most N at once (and no more than the builder allows, e.g. kaniko
 * one), and returns the results in the order the builds were given. If any fails the whole run fails with a
 * {@link ParallelBuildException}; what happens to the others is the {@link FailurePolicy}. If the calling
 * thread is interrupted, running builds are interrupted (their commands stopped, their cleanup run) and the
 * interruption is rethrown.
 */
public final class ParallelBuilds {

    private final PlatformBuildRunner builder;
    private final int maxParallel;
    private final FailurePolicy policy;

    public ParallelBuilds(PlatformBuildRunner builder, int maxParallel, FailurePolicy policy) {
        this.builder = Objects.requireNonNull(builder, "builder");
        if (maxParallel < 1) {
            throw new InvalidBuildRequestException("parallel jobs must be at least 1, got " + maxParallel);
        }
        this.maxParallel = maxParallel;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ParallelBuilds(PlatformBuildRunner builder, int maxParallel) {
        this(builder, maxParallel, FailurePolicy.SKIP_PENDING);
    }

    /** The number of builds that will actually run at once for {@code count} builds. */
    public int effectiveParallelism(int count) {
        return Math.max(1, Math.min(Math.min(maxParallel, builder.tool().maxParallelBuilds()), count));
    }

    public List<PlatformBuildResult> run(List<PlatformBuild> builds) throws ParallelBuildException, InterruptedException {
        if (builds.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = DaemonPool.create("multiarch-build", effectiveParallelism(builds.size()));
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            builds.forEach(build -> builder.report(build, BuildPhase.QUEUED));
            for (PlatformBuild build : builds) {
                futures.add(pool.submit(() -> buildOne(build, failed)));
            }
            List<PlatformBuildResult> results = new ArrayList<>();
            List<PlatformBuildException> failures = new ArrayList<>();
            List<Platform> skipped = new ArrayList<>();
            for (int i = 0; i < builds.size(); i++) {
                Outcome outcome = outcomeOf(futures.get(i), builds.get(i).platform());
                if (outcome.result() != null) {
                    results.add(outcome.result());
                } else if (outcome.failure() != null) {
                    failures.add(outcome.failure());
                } else {
                    skipped.add(builds.get(i).platform());
                }
            }
            if (!failures.isEmpty()) {
                throw new ParallelBuildException(failures, results, skipped);
            }
            return List.copyOf(results);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            // Give interrupted builds time to stop their commands and clean up before the caller goes on.
            pool.awaitTermination(30, TimeUnit.SECONDS);
            throw e;
        } finally {
            DaemonPool.close(pool); // every build has ended here: this only waits for the threads to go
        }
    }

    private Outcome buildOne(PlatformBuild build, AtomicBoolean failed) throws InterruptedException {
        if (failed.get() && policy == FailurePolicy.SKIP_PENDING) {
            builder.report(build, BuildPhase.SKIPPED);
            return new Outcome(null, null);
        }
        try {
            return new Outcome(builder.build(build), null);
        } catch (PlatformBuildException e) {
            failed.set(true);
            return new Outcome(null, e);
        } catch (RuntimeException e) {
            failed.set(true);
            return new Outcome(null, PlatformBuildException.of(build.platform(), "unexpected error", e));
        }
    }

    private static Outcome outcomeOf(Future<Outcome> future, Platform platform) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return new Outcome(null, PlatformBuildException.of(platform, "unexpected error", e.getCause()));
        }
    }

    /** Exactly one of result and failure, or neither when skipped. */
    private record Outcome(PlatformBuildResult result, PlatformBuildException failure) {
    }
}
