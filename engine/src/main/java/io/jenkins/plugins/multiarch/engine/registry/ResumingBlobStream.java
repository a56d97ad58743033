package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryResponse;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import io.jenkins.plugins.multiarch.engine.util.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A blob download that survives its connection breaking mid-way (a reset, a body cut short): it asks again from the
 * byte it got to ({@code Range: bytes=N-}, answered 206) or, where the registry ignores ranges (200), from the start,
 * skipping what it already passed on. At most {@code maxAttempts - 1} times per stream, waiting with the policy's
 * backoff through the injected sleeper. Timeouts and interrupts are not resumed: they have their own limits.
 * The bytes are the same either way, so a digest check over the whole stream still holds.
 */
final class ResumingBlobStream extends InputStream {

    /** Opens the blob from an offset: the response of a GET with a Range header (no header for 0). */
    @FunctionalInterface
    interface Reopen {
        RegistryResponse from(long offset);
    }

    private final Reopen reopen;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final String what;
    private InputStream current;
    private long position;
    private int resumes;
    private boolean closed;

    ResumingBlobStream(InputStream first, Reopen reopen, RetryPolicy policy, Sleeper sleeper, String what) {
        this.current = first;
        this.reopen = reopen;
        this.policy = policy;
        this.sleeper = sleeper;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("the download of " + what + " was closed");
            }
            try {
                int n = current.read(b, off, len);
                if (n > 0) {
                    position += n;
                }
                return n;
            } catch (InterruptedIOException | HttpTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted() || resumes + 1 >= policy.maxAttempts()) {
                    throw new IOException("the download of " + what + " broke after " + position + " bytes"
                            + (resumes == 0 ? "" : " and " + resumes + (resumes == 1 ? " resume" : " resumes"))
                            + ": " + e.getMessage(), e);
                }
                resume(e);
            }
        }
    }

    private void resume(IOException broke) throws IOException {
        resumes++;
        closeQuietly(current);
        try {
            sleeper.sleep(policy.delayBefore(resumes, Optional.empty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException stopped = new InterruptedIOException("interrupted while resuming " + what);
            stopped.initCause(e);
            throw stopped;
        }
        RegistryResponse response;
        try {
            response = reopen.from(position);
        } catch (RegistryException e) {
            IOException failed = new IOException("the download of " + what + " broke after " + position
                    + " bytes (" + broke.getMessage() + ") and could not be resumed: " + e.getMessage(), e);
            failed.addSuppressed(broke);
            throw failed;
        }
        InputStream body = response.stream();
        if (response.status() == 206) {
            long start = response.header("Content-Range").map(ResumingBlobStream::rangeStart).orElse(-1L);
            if (start != position) {
                closeQuietly(body);
                throw new IOException("registry answered the resumed download of " + what + " from byte " + position
                        + " with a range that starts at " + start + "; refusing it");
            }
            current = body;
            return;
        }
        // 200: the registry ignored the range, so the blob comes again from its first byte; pass over what was read.
        long skipped = 0;
        byte[] scratch = new byte[8192];
        while (skipped < position) {
            int n = body.read(scratch, 0, (int) Math.min(scratch.length, position - skipped));
            if (n < 0) {
                closeQuietly(body);
                throw new IOException("the restarted download of " + what + " ended after " + skipped
                        + " bytes, before the " + position + " already read");
            }
            skipped += n;
        }
        current = body;
    }

    /** {@code bytes 100-999/1000} → 100; -1 when it cannot be read. */
    static long rangeStart(String contentRange) {
        String v = contentRange.trim();
        if (!v.startsWith("bytes ")) {
            return -1;
        }
        int dash = v.indexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(v.substring(6, dash).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            current.close();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the broken stream is being replaced
        }
    }
}
