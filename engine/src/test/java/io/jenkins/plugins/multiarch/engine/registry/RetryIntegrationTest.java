package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.engine.error.NotFoundException;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.engine.registry.transport.Retrier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real registry behind a proxy that answers 503/429 or drops connections on purpose. */
class RetryIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(10));

    private static String digest;
    private FaultInjectingProxy proxy;

    @BeforeAll
    static void push() {
        digest = ScratchImage.forPlatform("linux/arm64").file("/a", "retry me").pushTo(registry.host(), "retry/app:1");
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(registry);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    @FaultCase(area = "retries", fault = "two 503 answers to a manifest GET",
            outcome = "retried; the third attempt succeeds")
    void retriesServiceUnavailableUntilTheRegistryAnswers() {
        proxy.failNext(2, "GET", ".*/manifests/1", 503);

        ManifestResponse response = client(QUICK).getManifest("retry/app", "1");

        assertThat(response.digest()).isEqualTo(Digest.parse(digest));
        assertThat(proxy.count("GET", ".*/manifests/1")).isEqualTo(3);
    }

    @Test
    @FaultCase(area = "retries", fault = "429 with Retry-After: 1",
            outcome = "waits exactly the 1 s asked (injected sleeper), then succeeds")
    void honoursRetryAfterOnTooManyRequests() {
        proxy.failNext(1, "GET", ".*/manifests/1", 429, Duration.ofSeconds(1));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        RegistryClient client = RegistryClient.builder(proxy.host())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .sleeper(waits::add)
                .build();

        client.getManifest("retry/app", "1");

        // The backoff alone would ask for about a millisecond; the registry asked for one second.
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(proxy.count("GET", ".*/manifests/1")).isEqualTo(2);
    }

    @Test
    void theOneRetryLoopWaitsAsTheRegistryAskedThenBacksOff() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(60));
        Retrier retrier = new Retrier(policy, waits::add, java.time.Clock.systemUTC());
        int[] calls = {0};

        String result = retrier.run(attempt -> {
            if (++calls[0] < 3) {
                throw RegistryException.of(RegistryException.builder("r", "HTTP 503").status(503).retryable(true)
                        .retryAfter(calls[0] == 1 ? Duration.ofSeconds(2) : null));
            }
            return "token";
        }, (last, attempts, tooLong) -> last);

        assertThat(result).isEqualTo("token");
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(2)); // what the answer asked for
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)); // backoff, with jitter
    }

    @Test
    @FaultCase(area = "retries", fault = "a Retry-After longer than the retry budget",
            outcome = "gives up at once, saying why; no wait")
    void aRetryAfterLongerThanTheClientWaitsGivesUpAtOnceSayingSo() {
        proxy.failNext(5, "GET", ".*/manifests/1", 429, Duration.ofSeconds(90));

        assertThatThrownBy(() -> client(QUICK).getManifest("retry/app", "1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("HTTP 429 and asked to wait 90 s, longer than the 200 ms this client waits");
        assertThat(proxy.count("GET", ".*/manifests/1")).isEqualTo(1);
    }

    @Test
    @FaultCase(area = "retries", fault = "a connection closed before any response (manifest GET)",
            outcome = "retried; succeeds")
    void aDroppedConnectionIsRetried() {
        proxy.dropConnectionOnce("GET", ".*/manifests/1");

        assertThat(client(QUICK).getManifest("retry/app", "1").digest()).isEqualTo(Digest.parse(digest));
    }

    @Test
    @FaultCase(area = "retries", fault = "503 on every attempt",
            outcome = "gives up after the attempt limit, the status in the message")
    void givesUpAfterTheAttemptLimitWithTheStatusInTheMessage() {
        proxy.failNext(10, "GET", ".*/manifests/1", 503);

        assertThatThrownBy(() -> client(QUICK).getManifest("retry/app", "1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(proxy.count("GET", ".*/manifests/1")).isEqualTo(QUICK.maxAttempts());
    }

    @Test
    @FaultCase(area = "retries", fault = "a 4xx client error",
            outcome = "not retried: one request")
    void doesNotRetryClientErrors() {
        assertThatThrownBy(() -> client(QUICK).getManifest("retry/app", "no-such-tag"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("retry/app:no-such-tag was not found");
        assertThat(proxy.count("GET", ".*/manifests/no-such-tag")).isEqualTo(1);
    }

    private RegistryClient client(RetryPolicy policy) {
        return RegistryClient.builder(proxy.host()).retryPolicy(policy).build();
    }
}
