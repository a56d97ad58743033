package io.jenkins.plugins.multiarch.engine.verify.binary;

/**
 * A regular file found in an image, with only its first bytes.
 *
 * @param path        where the file's content lives, after following symlinks and hard links
 * @param layerIndex  the layer holding it, 0 = bottom (manifest order)
 * @param layerDigest that layer's digest
 * @param mode        permission bits from the tar header
 * @param size        the file size in bytes
 * @param head        the first {@link #HEAD_BYTES} bytes (fewer for small files)
 */
record ImageFile(String path, int layerIndex, String layerDigest, int mode, long size, byte[] head) {

    /** What the kernel reads to recognise a program: {@code BINPRM_BUF_SIZE}, enough for a {@code #!} line. */
    public static final int HEAD_BYTES = 256;

    public ImageFile {
        head = head.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    /** Whether any execute bit is set, which is what a PATH search requires. */
    public boolean executable() {
        return (mode & 0111) != 0;
    }
}
