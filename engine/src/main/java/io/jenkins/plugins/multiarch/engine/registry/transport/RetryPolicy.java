package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a registry request again: on 429, on 5xx answers that mean "not now" and on connection failures,
 * with exponential backoff and jitter, honouring {@code Retry-After}, bounded in attempts and in total time.
 *
 * @param maxAttempts  attempts in all, the first included
 * @param initialDelay the delay before the second attempt (before jitter)
 * @param maxDelay     no single wait is longer, whatever Retry-After says
 * @param maxTotal     no retry starts when it would end later than this after the first attempt
 * @param notFoundLag  how long, in waits, a digest this run pushed or was told about may answer 404 before it counts
 *                     as missing (replicated registries and CDNs serve new content a moment late)
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxTotal,
                          Duration notFoundLag) implements java.io.Serializable {

    /** How long a digest known to exist may answer 404, unless a policy says otherwise. */
    public static final Duration DEFAULT_NOT_FOUND_LAG = Duration.ofSeconds(5);

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60));

    public static final RetryPolicy NONE =
            new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (notFoundLag == null || notFoundLag.isNegative()) {
            throw new InvalidInputException("notFoundLag must be zero or positive, was " + notFoundLag);
        }
    }

    /** A policy with the default wait for read-after-write lag, {@link #DEFAULT_NOT_FOUND_LAG}. */
    public RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxTotal) {
        this(maxAttempts, initialDelay, maxDelay, maxTotal, DEFAULT_NOT_FOUND_LAG);
    }

    public RetryPolicy withNotFoundLag(Duration value) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, maxTotal, value);
    }

    /**
     * Whether attempt {@code attempt} (counting from 1) may be followed by another after waiting {@code delay}: fewer
     * than {@link #maxAttempts} so far, and the retry would start within {@link #maxTotal} of the first attempt.
     */
    public boolean allowsAnother(int attempt, Duration elapsed, Duration delay) {
        return attempt < maxAttempts && elapsed.plus(delay).compareTo(maxTotal) <= 0;
    }

    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The wait before attempt {@code attempt + 1} (attempt counts from 1): Retry-After when the server gave one,
     * else exponential backoff with "equal jitter" (half fixed, half random) so parallel clients spread out.
     */
    public Duration delayBefore(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), maxDelay);
        }
        long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }

    /** Parses Retry-After: delta-seconds or an HTTP-date. Unparseable values count as absent. */
    public static Optional<Duration> parseRetryAfter(String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
