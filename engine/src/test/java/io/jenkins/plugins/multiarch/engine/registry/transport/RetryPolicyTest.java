package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    /** The "now" every HTTP-date below is relative to. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2015, 10, 21, 7, 28, 0, 0, ZoneOffset.UTC);

    static final RetryPolicy POLICY =
            new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

    @ParameterizedTest(name = "Retry-After: {0} -> {1} s")
    @CsvSource(delimiter = '|', value = {
            "0                             | 0",
            "1                             | 1",
            "120                           | 120",
            "' 5 '                         | 5",
            "Wed, 21 Oct 2015 07:28:00 GMT | 0",
            "Wed, 21 Oct 2015 07:28:30 GMT | 30",
            "Wed, 21 Oct 2015 08:28:00 GMT | 3600",
            "Thu, 22 Oct 2015 07:28:00 GMT | 86400",
            // already past: retry right away
            "Wed, 21 Oct 2015 07:27:00 GMT | 0",
            "Tue, 1 Jan 2013 00:00:00 GMT  | 0",
    })
    void parsesSecondsAndHttpDates(String value, long seconds) {
        assertThat(RetryPolicy.parseRetryAfter(value, NOW)).contains(Duration.ofSeconds(seconds));
    }

    @Test
    void httpDateIsRelativeToNowInAnyZone() {
        ZonedDateTime sameInstantElsewhere = NOW.withZoneSameInstant(ZoneOffset.ofHours(9));

        assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:29:00 GMT", sameInstantElsewhere))
                .contains(Duration.ofSeconds(60));
    }

    @ParameterizedTest(name = "Retry-After: ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "-1", "-120", "soon", "1.5", "5s", "2015-10-21T07:28:00Z", "Wed, 21 Oct 2015",
            "99999999999999999999"})
    void unparseableOrNegativeIsAbsent(String value) {
        assertThat(RetryPolicy.parseRetryAfter(value, NOW)).isEmpty();
    }

    @ParameterizedTest(name = "attempt {0}: between {1} and {2} ms")
    @CsvSource({
            // initial 100 ms, doubling, capped at 1 s; "equal jitter" waits half of that plus up to the other half
            "1,   50,  100",
            "2,  100,  200",
            "3,  200,  400",
            "4,  400,  800",
            "5,  500, 1000",
            "6,  500, 1000",
            "21, 500, 1000",
            "64, 500, 1000",
            "1000, 500, 1000",
    })
    void exponentialBackoffWithJitterStaysInBounds(int attempt, long lowMillis, long highMillis) {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Duration delay = POLICY.delayBefore(attempt, Optional.empty());
            assertThat(delay).isBetween(Duration.ofMillis(lowMillis), Duration.ofMillis(highMillis));
            seen.add(delay);
        }
        assertThat(seen).as("jitter spreads the waits").hasSizeGreaterThan(1);
    }

    @Test
    void noDelayWhenInitialDelayIsZero() {
        assertThat(RetryPolicy.NONE.delayBefore(1, Optional.empty())).isZero();
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5))
                .delayBefore(4, Optional.empty())).isZero();
    }

    @ParameterizedTest(name = "Retry-After {0} s -> wait {1} ms")
    @CsvSource({
            "0,    0",
            "0.3,  300",
            "1,    1000",
            "5,    1000",
            "3600, 1000",
    })
    void retryAfterIsHonouredButCappedByMaxDelay(double retryAfterSeconds, long expectedMillis) {
        Duration retryAfter = Duration.ofMillis((long) (retryAfterSeconds * 1000));

        for (int attempt : new int[] {1, 2, 7}) {
            assertThat(POLICY.delayBefore(attempt, Optional.of(retryAfter))).isEqualTo(Duration.ofMillis(expectedMillis));
        }
    }

    @Test
    void defaultPolicy() {
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(5);
        assertThat(RetryPolicy.DEFAULT.delayBefore(1, Optional.empty()))
                .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(RetryPolicy.DEFAULT.delayBefore(1, Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0}: retry {1}")
    @CsvSource({
            "429, true", "500, true", "502, true", "503, true", "504, true",
            "200, false", "201, false", "202, false", "307, false", "400, false", "401, false", "403, false",
            "404, false", "405, false", "409, false", "501, false", "505, false",
    })
    void retryableStatuses(int status, boolean retryable) {
        assertThat(RetryPolicy.isRetryableStatus(status)).isEqualTo(retryable);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void needsAtLeastOneAttempt(int attempts) {
        assertThatThrownBy(() -> new RetryPolicy(attempts, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxAttempts must be at least 1, was " + attempts);
    }

    @Test
    void allowsAnotherAttemptOnlyWithinTheAttemptAndTimeLimits() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(policy.allowsAnother(1, Duration.ZERO, Duration.ofSeconds(1))).isTrue();
        assertThat(policy.allowsAnother(2, Duration.ofSeconds(4), Duration.ofSeconds(1))).isTrue();
        assertThat(policy.allowsAnother(3, Duration.ZERO, Duration.ZERO)).as("attempt limit").isFalse();
        assertThat(policy.allowsAnother(1, Duration.ofSeconds(4), Duration.ofMillis(1001))).as("time limit").isFalse();
    }
}
