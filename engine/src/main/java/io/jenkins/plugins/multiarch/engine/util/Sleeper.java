package io.jenkins.plugins.multiarch.engine.util;

import java.time.Duration;

/**
 * Waits between retries. Injected so that tests of retry behaviour take milliseconds and assert the waits asked for
 * instead of measuring them.
 */
@FunctionalInterface
public interface Sleeper {

    /** @throws InterruptedException when the waiting thread is interrupted, as {@link Thread#sleep} does */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
