package io.jenkins.plugins.multiarch.engine.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * An answer that comes after its caller stopped waiting (interrupted, timed out) must have its body cancelled, or the
 * exchange stays open for good: its connection busy, and on Java 21 {@code HttpClient.close()} waiting for it. Driven
 * through the JDK's own body subscriber, with a subscription standing in for the connection.
 */
class AbandonableBodyTest {

    @Test
    void anAnswerThatComesAfterTheCallerGaveUpHasItsBodyCancelled() {
        AbandonableBody handler = new AbandonableBody();
        handler.abandon();
        Connection connection = answer(handler);

        assertThat(connection.cancelled).as("the body of the answer nobody waits for").isTrue();
    }

    @Test
    void anAnswerThatCameJustBeforeTheCallerGaveUpHasItsBodyCancelled() {
        AbandonableBody handler = new AbandonableBody();
        Connection connection = answer(handler);
        assertThat(connection.cancelled).isFalse();

        handler.abandon();
        assertThat(connection.cancelled).isTrue();
    }

    @Test
    void anAnswerTheCallerTookIsLeftToItsReader() {
        AbandonableBody handler = new AbandonableBody();
        HttpResponse.BodySubscriber<Flow.Publisher<List<ByteBuffer>>> subscriber = handler.apply(null);
        Connection connection = new Connection();
        subscriber.onSubscribe(connection);
        Flow.Publisher<List<ByteBuffer>> body = subscriber.getBody().toCompletableFuture().join();

        AtomicBoolean read = new AtomicBoolean();
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(1);
                read.set(true);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        });
        assertThat(read).isTrue();
        assertThat(connection.requested.get()).isPositive();
        assertThat(connection.cancelled).isFalse();
    }

    /** The JDK's part: headers came, the body subscriber is made and subscribed to the connection. */
    private static Connection answer(AbandonableBody handler) {
        HttpResponse.BodySubscriber<Flow.Publisher<List<ByteBuffer>>> subscriber = handler.apply(null);
        Connection connection = new Connection();
        subscriber.onSubscribe(connection);
        return connection;
    }

    private static final class Connection implements Flow.Subscription {
        volatile boolean cancelled;
        final AtomicLong requested = new AtomicLong();

        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
