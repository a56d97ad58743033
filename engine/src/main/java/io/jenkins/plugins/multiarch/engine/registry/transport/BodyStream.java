package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} with two limits the JDK's own body stream lacks: an idle limit (no byte
 * for this long fails the read) and a deadline for the whole body. Written here because
 * {@code HttpResponse.BodyHandlers.ofInputStream()} blocks without a timeout once the headers have arrived, and a
 * watchdog thread interrupting readers would be a thread per JVM that outlives every operation. Reads wait on a
 * queue with a timeout instead, and wake when the reading thread is interrupted.
 *
 * <p>Subscribes to the body one chunk at a time, so at most one chunk (a few KiB) waits in memory. Closing it early
 * cancels the subscription: on HTTP/1.1 the JDK then drops the connection instead of reading the rest.
 */
final class BodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long idleNanos;
    private final long deadline; // System.nanoTime() value
    private final Duration total;
    private final String what;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private Iterator<ByteBuffer> chunk;
    private ByteBuffer buffer;
    private boolean ended;

    /**
     * @param idle  the longest wait for the next bytes
     * @param total the longest the whole body may take, from now
     * @param what  what is being read, for messages: {@code blob team/app@sha256:...}
     */
    BodyStream(Duration idle, Duration total, String what) {
        this(idle, total, total, what);
    }

    /**
     * @param deadline the request's whole deadline, as messages name it, when {@code total} is what is left of it
     */
    BodyStream(Duration idle, Duration total, Duration deadline, String what) {
        this.idleNanos = idle.toNanos();
        this.total = deadline;
        this.deadline = System.nanoTime() + total.toNanos();
        this.what = what;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable error) {
        queue.add(error);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the body of " + what + " was closed");
        }
        if (len == 0) {
            return 0;
        }
        while (buffer == null || !buffer.hasRemaining()) {
            if (chunk != null && chunk.hasNext()) {
                buffer = chunk.next();
                continue;
            }
            if (ended) {
                return -1;
            }
            if (chunk != null) {
                chunk = null;
                subscription.request(1); // the previous chunk is used up: ask for the next
            }
            Object item = take();
            if (item == END) {
                ended = true;
                return -1;
            }
            if (item instanceof Throwable error) {
                ended = true;
                throw error instanceof IOException io ? io : new IOException(error.getMessage(), error);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> next = (List<ByteBuffer>) item;
            chunk = next.iterator();
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return buffer == null ? 0 : buffer.remaining();
    }

    private Object take() throws IOException {
        long left = deadline - System.nanoTime();
        long wait = Math.min(idleNanos, left);
        Object item;
        try {
            item = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            InterruptedIOException stopped = new InterruptedIOException("interrupted while reading " + what);
            stopped.initCause(e);
            throw stopped;
        }
        if (item != null) {
            return item;
        }
        close();
        if (System.nanoTime() - deadline >= 0) {
            throw new HttpTimeoutException("the body of " + what + " did not arrive within the " + Durations.text(total)
                    + " deadline of the request");
        }
        throw new HttpTimeoutException("no data from the registry for " + Durations.text(Duration.ofNanos(idleNanos))
                + " while reading " + what);
    }

    /**
     * The whole body if it has at most {@code limit} bytes; {@code null} if it has more (then the stream is closed
     * after reading {@code limit + 1} bytes, never more).
     */
    byte[] readAtMost(long limit) throws IOException {
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        byte[] body = readNBytes(cap + 1);
        if (body.length > cap) {
            close();
            return null;
        }
        return body;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            queue.clear();
        }
    }
}
