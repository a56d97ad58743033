package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import java.io.Serializable;

/**
 * How much of what a registry sends is read: the bytes of a manifest or index and of a config (read into memory,
 * so capped), and how many children of an index an inspect or verify follows (each is a request or more). A registry
 * that sends more fails the operation with a message naming the limit; the defaults suit every registry we know, and
 * a user with bigger images raises them.
 */
public final class ReadLimits implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The OCI distribution spec suggests registries accept manifests of at least 4 MiB. */
    public static final long DEFAULT_MANIFEST_BYTES = 4L * 1024 * 1024;
    /** Configs are small; 16 MiB holds the longest histories seen. */
    public static final long DEFAULT_CONFIG_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_CHILDREN = 1000;
    /** Nothing is read into one array beyond this, whatever a user asks for. */
    private static final long MOST_BYTES = 1024L * 1024 * 1024;

    public static final ReadLimits DEFAULT = new ReadLimits(DEFAULT_MANIFEST_BYTES, DEFAULT_CONFIG_BYTES,
            DEFAULT_CHILDREN);

    private final long manifestBytes;
    private final long configBytes;
    private final int children;

    private ReadLimits(long manifestBytes, long configBytes, int children) {
        this.manifestBytes = checkBytes(manifestBytes, "manifest size limit");
        this.configBytes = checkBytes(configBytes, "config size limit");
        if (children < 1) {
            throw new InvalidInputException("invalid limit of index children to follow: " + children
                    + "; must be at least 1 (default " + DEFAULT_CHILDREN + ")");
        }
        this.children = children;
    }

    private static long checkBytes(long bytes, String what) {
        if (bytes < 1 || bytes > MOST_BYTES) {
            throw new InvalidInputException("invalid " + what + ": " + bytes + " bytes; must be from 1 byte to "
                    + Sizes.human(MOST_BYTES));
        }
        return bytes;
    }

    public ReadLimits withManifestBytes(long value) {
        return new ReadLimits(value, configBytes, children);
    }

    public ReadLimits withConfigBytes(long value) {
        return new ReadLimits(manifestBytes, value, children);
    }

    public ReadLimits withChildren(int value) {
        return new ReadLimits(manifestBytes, configBytes, value);
    }

    /** The most bytes of a manifest or index read into memory. */
    public long manifestBytes() {
        return manifestBytes;
    }

    /** The most bytes of an image config read into memory. */
    public long configBytes() {
        return configBytes;
    }

    /** The most children of one index an inspect or verify follows. */
    public int children() {
        return children;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadLimits other && manifestBytes == other.manifestBytes
                && configBytes == other.configBytes && children == other.children;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(manifestBytes, configBytes, children);
    }

    @Override
    public String toString() {
        return "manifests " + Sizes.human(manifestBytes) + ", configs " + Sizes.human(configBytes) + ", "
                + children + " children";
    }
}
