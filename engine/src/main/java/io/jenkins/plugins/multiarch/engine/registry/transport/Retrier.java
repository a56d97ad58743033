package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one retry loop: runs an attempt again while it fails with a {@link RegistryException#retryable() retryable}
 * error and the {@link RetryPolicy} allows another, waiting as the registry asked ({@code Retry-After}) or with
 * backoff. Used by the transport for single requests and by uploads for their POST + PUT sequence.
 */
public final class Retrier {

    /** One try; {@code attempt} counts from 1. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt);
    }

    /** How a failure is reported when the loop stops retrying it. */
    @FunctionalInterface
    public interface GiveUp {
        /**
         * @param attempts how many attempts were made
         * @param waitTooLong true when the registry asked to wait longer than the policy's longest wait
         */
        RuntimeException failure(RegistryException last, int attempts, boolean waitTooLong);
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    public Retrier(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RetryPolicy policy() {
        return policy;
    }

    public <T> T run(Attempt<T> attempt, GiveUp giveUp) {
        Instant start = clock.instant();
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (RegistryException e) {
                if (!e.retryable()) {
                    throw e;
                }
                Optional<Duration> retryAfter = e.retryAfter();
                if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxDelay()) > 0) {
                    throw giveUp.failure(e, n, true);
                }
                Duration delay = policy.delayBefore(n, retryAfter);
                if (!policy.allowsAnother(n, Duration.between(start, clock.instant()), delay)) {
                    throw giveUp.failure(e, n, false);
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    throw CancelledException.of("while waiting to retry", interrupted);
                }
            }
        }
    }
}
