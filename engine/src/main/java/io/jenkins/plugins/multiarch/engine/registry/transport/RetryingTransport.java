package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.error.RegistryUnreachableException;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Sends a request again when the registry is briefly unable to answer: 429 and the 5xx statuses that mean "not now"
 * ({@link RetryPolicy#isRetryableStatus}), and connections that fail. When retries run out, the last answer is
 * returned (the caller words the failure from it) or the last connection failure thrown with the attempt count. A
 * request marked {@link RegistryRequest#once()} goes out once.
 */
public final class RetryingTransport implements Transport {

    private final Transport next;
    private final Retrier retrier;
    private final Clock clock;
    private final String registry;

    public RetryingTransport(Transport next, Retrier retrier, Clock clock, String registry) {
        this.next = next;
        this.retrier = retrier;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        if (request.isOnce()) {
            return next.send(request);
        }
        RegistryResponse[] refused = new RegistryResponse[1]; // the answer of the attempt before, closed before the next
        try {
            return retrier.run(attempt -> {
                if (refused[0] != null) {
                    refused[0].close();
                    refused[0] = null;
                }
                RegistryResponse response = next.send(request);
                if (RetryPolicy.isRetryableStatus(response.status())) {
                    refused[0] = response;
                    throw new RetryableAnswer(registry, response, RetryPolicy.parseRetryAfter(
                            response.header("Retry-After").orElse(null), ZonedDateTime.now(clock)).orElse(null));
                }
                return response;
            }, (last, attempts, waitTooLong) -> giveUp(request, last, attempts, waitTooLong));
        } catch (RetryableAnswer exhausted) {
            return exhausted.response;
        }
    }

    private RuntimeException giveUp(RegistryRequest request, RegistryException last, int attempts, boolean waitTooLong) {
        if (last instanceof RetryableAnswer answer) {
            if (!waitTooLong) {
                return answer; // the caller reads the last answer
            }
            answer.response.close();
            return RegistryException.of(RegistryException.builder(registry, "registry " + registry + " answered "
                    + request.method() + " " + request.what() + " with HTTP " + answer.response.status()
                    + " and asked to wait " + Durations.text(last.retryAfter().orElseThrow()) + ", longer than the "
                    + Durations.text(retrier.policy().maxDelay()) + " this client waits; try again later")
                    .status(answer.response.status()).retryable(true).retryAfter(last.retryAfter().orElseThrow()));
        }
        if (last instanceof RegistryUnreachableException && last.getCause() != null) {
            return HttpTransport.unreachable(registry, request, attempts, last.getCause());
        }
        return last;
    }

    /** A retryable status, carried through the retry loop; never leaves this class. */
    private static final class RetryableAnswer extends RegistryException {
        private static final long serialVersionUID = 1L;
        private final transient RegistryResponse response;

        RetryableAnswer(String registry, RegistryResponse response, java.time.Duration retryAfter) {
            super(builder(registry, "HTTP " + response.status()).status(response.status()).retryable(true)
                    .retryAfter(retryAfter));
            this.response = response;
        }
    }
}
