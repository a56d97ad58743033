package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The body handler of an exchange whose body is read later by whoever gets the response. When the exchange is
 * abandoned (the wait for it timed out or was interrupted) and its answer comes anyway, nobody will read that body,
 * so it is cancelled here: an unread body keeps its exchange open and its connection busy, and Java 21's
 * {@code HttpClient.close()} waits for every open exchange (a CLI run that could not exit, an engine that could not
 * close). One instance per exchange.
 */
final class AbandonableBody implements HttpResponse.BodyHandler<Flow.Publisher<List<ByteBuffer>>> {

    private static final Object ABANDONED = new Object();

    // null, then the body once the answer came, or ABANDONED: whichever is second cancels the body.
    private final AtomicReference<Object> state = new AtomicReference<>();

    @Override
    public HttpResponse.BodySubscriber<Flow.Publisher<List<ByteBuffer>>> apply(HttpResponse.ResponseInfo info) {
        HttpResponse.BodySubscriber<Flow.Publisher<List<ByteBuffer>>> subscriber = HttpResponse.BodySubscribers.ofPublisher();
        subscriber.getBody().thenAccept(body -> {
            if (!state.compareAndSet(null, body)) {
                cancel(body);
            }
        });
        return subscriber;
    }

    /** Nobody will read this exchange's answer: cancel its body now, or when it comes. */
    void abandon() {
        if (state.getAndSet(ABANDONED) instanceof Flow.Publisher<?> body) {
            cancel(body);
        }
    }

    private static void cancel(Flow.Publisher<?> body) {
        body.subscribe(new Flow.Subscriber<Object>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(Object item) {
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        });
    }
}
