package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob's bytes as they are read, hashed on the way: once the stream has been read to its end, the bytes must hash
 * to the blob's digest, or the last read fails. A registry serving other bytes than the digest names cannot make a
 * check pass with them. A stream closed before its end (the binary check stops early on purpose) is
 * {@linkplain #readWhole() partial}: what was read could not be checked against the digest, and callers say so.
 *
 * <p>Readers of archives stop at the archive's end marker and leave the padding behind it unread; so that a layer
 * read to its end marker still counts as read whole, closing drains up to {@value #DRAIN_ON_CLOSE} bytes that the
 * manifest's size says are left.
 */
public final class VerifiedBlobStream extends FilterInputStream {

    /** The most bytes closing reads to finish a blob that is nearly read, rather than leave it unchecked. */
    static final int DRAIN_ON_CLOSE = 64 * 1024;

    private final Digest digest;
    private final long expectedSize;
    private final String registry;
    private final String what;
    private final MessageDigest hash;
    private long bytesRead;
    private boolean ended;
    private boolean closed;

    /**
     * @param expectedSize the blob's size from its descriptor, or -1 when not known (then nothing is drained)
     * @param what         {@code team/app@sha256:...}, for the message
     */
    VerifiedBlobStream(InputStream in, Digest digest, long expectedSize, String registry, String what) {
        super(in);
        this.digest = digest;
        this.expectedSize = expectedSize;
        this.registry = registry;
        this.what = what;
        this.hash = digest.newHasher();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            hash.update(buffer, offset, n);
            bytesRead += n;
        } else if (n < 0 && !ended) {
            ended = true;
            check();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be hashed too: read them.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** True once every byte was read and they hash to the digest; false for a stream closed before its end. */
    public boolean readWhole() {
        return ended;
    }

    /** The digest the bytes must hash to. */
    public String digest() {
        return digest.toString();
    }

    /** Bytes read so far (and hashed). */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!ended && expectedSize >= 0 && expectedSize - bytesRead <= DRAIN_ON_CLOSE) {
                byte[] buffer = new byte[8192];
                long limit = DRAIN_ON_CLOSE + 1L;
                while (!ended && limit > 0) {
                    int r = read(buffer, 0, buffer.length);
                    if (r == 0) {
                        break;
                    }
                    limit -= Math.max(r, 0);
                }
            }
        } finally {
            super.close();
        }
    }

    private void check() throws IOException {
        Digest actual = new Digest(digest.algorithm(), java.util.HexFormat.of().formatHex(hash.digest()));
        if (!actual.equals(digest)) {
            BadContentException wrong = BadContentException.of(registry, "registry " + registry + " served blob "
                    + what + " with bytes that hash to " + actual + ", not to its digest; refusing them", 200);
            throw new IOException(wrong.getMessage(), wrong);
        }
    }
}
