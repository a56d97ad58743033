package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.platform.Platform;

/**
 * Told when a platform's build enters a new {@link BuildPhase}. Called from the build threads, several at once:
 * implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface BuildProgress {

    void phase(Platform platform, BuildPhase phase);

    static BuildProgress none() {
        return (platform, phase) -> { };
    }
}
