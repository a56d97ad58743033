package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;

/**
 * Opens a layer blob as a tar stream: counts the compressed bytes against the budget and picks the decompressor from
 * the blob's magic bytes (gzip {@code 1f8b}, zstd {@code 28b52ffd}, otherwise plain tar), not from the media type,
 * because registries and tools sometimes label layers wrongly.
 */
final class LayerArchive {

    private LayerArchive() {
    }

    static TarArchiveInputStream open(LayerSource layer, ByteBudget budget) throws IOException {
        InputStream raw = layer.open();
        try {
            PushbackInputStream blob = new PushbackInputStream(new BudgetedInputStream(raw, budget), 4);
            byte[] magic = blob.readNBytes(4);
            blob.unread(magic);
            InputStream tar;
            if (GzipCompressorInputStream.matches(magic, magic.length)) {
                tar = GzipCompressorInputStream.builder().setInputStream(blob).setDecompressConcatenated(true).get();
            } else if (ZstdUtils.matches(magic, magic.length)) {
                tar = new ZstdCompressorInputStream(blob);
            } else {
                tar = blob;
            }
            // Lenient: tolerate odd numeric header fields written by some image builders.
            return new TarArchiveInputStream(tar, true);
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A regular file: tar's {@code isFile()} is also true for links, and we exclude devices and FIFOs. */
    static boolean isRegularFile(TarArchiveEntry entry) {
        return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink() && !entry.isCharacterDevice()
                && !entry.isBlockDevice() && !entry.isFIFO();
    }

    /** {@code layer 3 of 5 (sha256:0123456789ab…)}: layers counted bottom first, as in the manifest. */
    static String label(int index, int count, LayerSource layer) {
        String digest = layer.digest();
        String shortDigest = digest.length() > 19 ? digest.substring(0, 19) + "…" : digest;
        return "layer " + (index + 1) + " of " + count + " (" + shortDigest + ")";
    }
}
