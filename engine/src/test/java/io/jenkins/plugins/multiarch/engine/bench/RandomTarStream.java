package io.jenkins.plugins.multiarch.engine.bench;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * An uncompressed tar holding one file of seeded pseudo-random (incompressible) bytes, generated as it is read, so a
 * GiB layer needs no GiB of memory or disk. The same seed gives the same bytes: once to hash, once to upload.
 */
final class RandomTarStream extends InputStream {

    private static final int BLOCK = 512;

    private final byte[] header = new byte[BLOCK];
    private final long contentSize;
    private final long totalSize;
    private final SplittableRandom random;
    // Little-endian like the word loop in fillRandom, so the bytes do not depend on how reads are chunked.
    private final ByteBuffer pending = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    /** @param totalSize the tar's size, a multiple of 512 of at least 2 KiB: header, content, end-of-archive */
    RandomTarStream(String path, long totalSize, long seed) {
        if (totalSize % BLOCK != 0 || totalSize < 4 * BLOCK) {
            throw new IllegalArgumentException("a tar size is a multiple of 512 and at least 2048, got " + totalSize);
        }
        this.totalSize = totalSize;
        this.contentSize = totalSize - 3 * BLOCK; // one header block, two end-of-archive blocks
        TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_NORMAL, true);
        entry.setMode(0100644);
        entry.setModTime(0); // not "now": the header must be the same in both passes
        entry.setSize(contentSize);
        entry.writeEntryHeader(header);
        this.random = new SplittableRandom(seed);
        pending.limit(0);
    }

    long size() {
        return totalSize;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= totalSize) {
            return -1;
        }
        int n = (int) Math.min(length, totalSize - position);
        for (int i = 0; i < n; ) {
            if (position < BLOCK) {
                int chunk = (int) Math.min(n - i, BLOCK - position);
                System.arraycopy(header, (int) position, buffer, offset + i, chunk);
                i += chunk;
                position += chunk;
            } else if (position < BLOCK + contentSize) {
                int chunk = (int) Math.min(n - i, BLOCK + contentSize - position);
                fillRandom(buffer, offset + i, chunk);
                i += chunk;
                position += chunk;
            } else {
                int chunk = n - i;
                Arrays.fill(buffer, offset + i, offset + i + chunk, (byte) 0);
                i += chunk;
                position += chunk;
            }
        }
        return n;
    }

    private void fillRandom(byte[] buffer, int offset, int length) {
        int i = 0;
        while (pending.hasRemaining() && i < length) {
            buffer[offset + i++] = pending.get();
        }
        for (; length - i >= 8; i += 8) {
            long value = random.nextLong();
            for (int b = 0; b < 8; b++) {
                buffer[offset + i + b] = (byte) (value >>> (8 * b));
            }
        }
        for (; i < length; i++) {
            if (!pending.hasRemaining()) {
                pending.clear();
                pending.putLong(random.nextLong());
                pending.flip();
            }
            buffer[offset + i] = pending.get();
        }
    }
}
