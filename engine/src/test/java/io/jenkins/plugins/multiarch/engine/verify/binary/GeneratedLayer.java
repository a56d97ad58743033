package io.jenkins.plugins.multiarch.engine.verify.binary;

import io.jenkins.plugins.multiarch.testkit.LayerCompression;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * An uncompressed tar layer produced on the fly, so it can hold a file of hundreds of MiB without that much memory.
 * Counts how often it is opened and how many bytes were taken from it.
 */
final class GeneratedLayer implements LayerSource {

    private final List<Part> parts;
    private final long size;
    private int opens;
    private long bytesServed;

    /** One tar entry: a header and content that is either given bytes or {@code zeros} zero bytes. */
    private record Part(TarArchiveEntry header, byte[] content, long zeros) {
        long contentSize() {
            return content != null ? content.length : zeros;
        }
    }

    private GeneratedLayer(List<Part> parts) {
        this.parts = List.copyOf(parts);
        long total = 1024; // end-of-archive marker
        for (Part part : parts) {
            total += 512 + padded(part.contentSize());
        }
        this.size = total;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public String digest() {
        return "sha256:generated" + System.identityHashCode(this);
    }

    @Override
    public String mediaType() {
        return LayerCompression.NONE.mediaType();
    }

    @Override
    public long size() {
        return size;
    }

    int opens() {
        return opens;
    }

    long bytesServed() {
        return bytesServed;
    }

    @Override
    public InputStream open() {
        opens++;
        List<InputStream> streams = new ArrayList<>();
        for (Part part : parts) {
            byte[] header = new byte[512];
            part.header().writeEntryHeader(header);
            streams.add(new ByteArrayInputStream(header));
            long contentSize = part.contentSize();
            if (part.content() != null) {
                streams.add(new ByteArrayInputStream(part.content()));
            }
            streams.add(new Zeros(padded(contentSize) - (part.content() != null ? contentSize : 0)));
        }
        streams.add(new Zeros(1024));
        return new Counting(new SequenceInputStream(Collections.enumeration(streams)));
    }

    private static long padded(long n) {
        return (n + 511) / 512 * 512;
    }

    static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        Builder file(String name, byte[] content) {
            parts.add(new Part(header(name, content.length), content, 0));
            return this;
        }

        /** A file of {@code size} zero bytes that is never held in memory. */
        Builder zeroFile(String name, long size) {
            parts.add(new Part(header(name, size), null, size));
            return this;
        }

        GeneratedLayer build() {
            return new GeneratedLayer(parts);
        }

        private static TarArchiveEntry header(String name, long size) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
            entry.setMode(0100755);
            entry.setSize(size);
            return entry;
        }
    }

    /** {@code count} zero bytes, generated as read. */
    private static final class Zeros extends InputStream {
        private long remaining;

        Zeros(long count) {
            this.remaining = count;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return length == 0 ? 0 : -1;
            }
            int n = (int) Math.min(length, remaining);
            Arrays.fill(buffer, offset, offset + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }

    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesServed++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytesServed += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            bytesServed += skipped;
            return skipped;
        }
    }
}
