package io.jenkins.plugins.multiarch.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * A layer blob to upload: its digest, size and media type, the digest of its uncompressed tar (the config's
 * {@code diff_id}), and a way to stream it, so a layer of a GiB never has to be in memory. Digests are written
 * {@code sha256:<hex>} (see {@link Digests}).
 */
public record LayerBlob(String digest, long size, String mediaType, String diffId, Supplier<InputStream> content) {

    /** An in-memory layer; its diff_id is computed by decompressing it. */
    public static LayerBlob of(TarLayer layer) {
        byte[] blob = layer.blob();
        return new LayerBlob(layer.digest(), blob.length, layer.mediaType(), diffIdOf(blob),
                () -> new ByteArrayInputStream(blob));
    }

    /** An uncompressed tar layer streamed from {@code content}: its diff_id is its digest. */
    public static LayerBlob uncompressed(String digest, long size, Supplier<InputStream> content) {
        return new LayerBlob(digest, size, LayerCompression.NONE.mediaType(), digest, content);
    }

    private static String diffIdOf(byte[] blob) {
        try (InputStream raw = new ByteArrayInputStream(blob);
                InputStream tar = blob.length >= 4 && isCompressed(blob)
                        ? new CompressorStreamFactory().createCompressorInputStream(
                                new BufferedInputStream(raw))
                        : raw) {
            return Digests.sha256(tar);
        } catch (IOException e) { // CompressorException is one
            throw new UncheckedIOException("cannot read a test layer", e);
        }
    }

    private static boolean isCompressed(byte[] blob) {
        boolean gzip = (blob[0] & 0xff) == 0x1f && (blob[1] & 0xff) == 0x8b;
        boolean zstd = (blob[0] & 0xff) == 0x28 && (blob[1] & 0xff) == 0xb5 && (blob[2] & 0xff) == 0x2f
                && (blob[3] & 0xff) == 0xfd;
        return gzip || zstd;
    }
}
