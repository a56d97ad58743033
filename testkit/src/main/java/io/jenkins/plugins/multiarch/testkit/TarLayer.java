package io.jenkins.plugins.multiarch.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * An in-memory layer blob built with commons-compress: exact tar entries (files, symlinks, hard links, whiteouts) in
 * exact order and compression: the bytes to upload for registry tests (see {@link UploadedImage}), and, for unit tests
 * that read layers in memory, a blob that counts how often it is {@link #open() opened}. (The engine's tests adapt it
 * to the engine's own layer type; the testkit knows no engine types.)
 */
public final class TarLayer {

    private final byte[] blob;
    private final String mediaType;
    private final String digest;
    private int opens;

    private TarLayer(byte[] blob, String mediaType) {
        this.blob = blob;
        this.mediaType = mediaType;
        this.digest = Digests.sha256(blob);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A layer with just an executable file. */
    public static TarLayer withFile(String path, byte[] content) {
        return builder().file(path, content).build();
    }

    /** {@code sha256:...} of the blob. */
    public String digest() {
        return digest;
    }

    /** The layer media type to put in a manifest. */
    public String mediaType() {
        return mediaType;
    }

    /** The blob's size in bytes. */
    public long size() {
        return blob.length;
    }

    /** The blob from its first byte; counted in {@link #opens()}. */
    public InputStream open() {
        opens++;
        return new ByteArrayInputStream(blob);
    }

    /** How often {@link #open()} was called. */
    public int opens() {
        return opens;
    }

    public byte[] blob() {
        return blob.clone();
    }

    /** Adds tar entries in order; names are written exactly as given ({@code ./a}, {@code /a}, {@code a}). */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private record Entry(TarArchiveEntry header, byte[] content) {
        }

        public Builder file(String name, byte[] content) {
            return file(name, content, 0755);
        }

        public Builder file(String name, byte[] content, int mode) {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setMode(0100000 | mode);
            entry.setSize(content.length);
            entries.add(new Entry(entry, content));
            return this;
        }

        public Builder text(String name, String content) {
            return file(name, content.getBytes(StandardCharsets.UTF_8), 0755);
        }

        public Builder dir(String name) {
            entries.add(new Entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0]));
            return this;
        }

        public Builder symlink(String name, String target) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
            entry.setLinkName(target);
            entries.add(new Entry(entry, new byte[0]));
            return this;
        }

        public Builder hardlink(String name, String target) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
            entry.setLinkName(target);
            entries.add(new Entry(entry, new byte[0]));
            return this;
        }

        /** {@code /app/hello} → an empty {@code app/.wh.hello}. */
        public Builder whiteout(String path) {
            String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            return file(parent + ".wh." + path.substring(path.lastIndexOf('/') + 1), new byte[0], 0644);
        }

        public Builder opaque(String directory) {
            return file((directory.endsWith("/") ? directory : directory + "/") + ".wh..wh..opq", new byte[0], 0644);
        }

        public TarLayer build() {
            return build(LayerCompression.GZIP);
        }

        public TarLayer build(LayerCompression compression) {
            return build(compression, compression.mediaType());
        }

        /** With a media type that may not match the compression, as some registries serve. */
        public TarLayer build(LayerCompression compression, String mediaType) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (OutputStream compressed = compress(bytes, compression);
                        TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    for (Entry entry : entries) {
                        tar.putArchiveEntry(entry.header());
                        tar.write(entry.content());
                        tar.closeArchiveEntry();
                    }
                }
                return new TarLayer(bytes.toByteArray(), mediaType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static OutputStream compress(OutputStream out, LayerCompression compression) throws IOException {
            switch (compression) {
                case GZIP:
                    return new GzipCompressorOutputStream(out);
                case ZSTD:
                    return new ZstdCompressorOutputStream(out);
                default:
                    return out;
            }
        }
    }
}
