package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

import io.jenkins.plugins.multiarch.engine.platform.Platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * At least one platform failed. Carries every failure, the platforms that did succeed (their images are
 * pushed) and those that were skipped, each in request order.
 */
public final class ParallelBuildException extends MultiarchException {

    private final List<PlatformBuildException> failures;
    private final List<PlatformBuildResult> succeeded;
    private final List<Platform> skipped;

    public ParallelBuildException(List<PlatformBuildException> failures, List<PlatformBuildResult> succeeded,
                                  List<Platform> skipped) {
        super(message(failures, succeeded, skipped), failures.isEmpty() ? null : failures.get(0));
        this.failures = List.copyOf(failures);
        this.succeeded = List.copyOf(succeeded);
        this.skipped = List.copyOf(skipped);
        this.failures.stream().skip(1).forEach(this::addSuppressed);
    }

    private static String message(List<PlatformBuildException> failures, List<PlatformBuildResult> succeeded,
                                  List<Platform> skipped) {
        StringBuilder sb = new StringBuilder();
        sb.append(failures.size()).append(failures.size() == 1 ? " platform" : " platforms").append(" failed: ")
                .append(failures.stream().map(f -> f.platform().toString()).collect(Collectors.joining(", ")));
        if (!succeeded.isEmpty()) {
            sb.append("; succeeded: ").append(succeeded.stream().map(r -> r.platform().toString()).collect(Collectors.joining(", ")));
        }
        if (!skipped.isEmpty()) {
            sb.append("; skipped: ").append(skipped.stream().map(Platform::toString).collect(Collectors.joining(", ")));
        }
        for (PlatformBuildException f : failures) {
            sb.append("\n").append(f.getMessage());
        }
        return sb.toString();
    }

    public List<PlatformBuildException> failures() {
        return failures;
    }

    public List<PlatformBuildResult> succeeded() {
        return succeeded;
    }

    public List<Platform> skipped() {
        return skipped;
    }
}
