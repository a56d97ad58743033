package io.jenkins.plugins.multiarch.engine.verify.binary;

/**
 * How many compressed layer bytes one check may pull from the registry, and how many it has. Shared by every layer
 * stream of one image; not thread-safe.
 */
public final class ByteBudget {

    /** 512 MiB: enough to scan most images completely while keeping a check of a huge image bounded. */
    public static final long DEFAULT_LIMIT = 512L * 1024 * 1024;

    private final long limit;
    private long used;

    public ByteBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The byte budget must be positive, got " + limit);
        }
        this.limit = limit;
    }

    public static ByteBudget defaultBudget() {
        return new ByteBudget(DEFAULT_LIMIT);
    }

    public long limit() {
        return limit;
    }

    /** Compressed bytes read so far, over all layers and passes. */
    public long used() {
        return used;
    }

    public boolean exhausted() {
        return used > limit;
    }

    /** Records bytes that were read; throws once the total passes the limit. */
    void charge(long bytes) throws ByteBudgetExceededException {
        used += bytes;
        if (used > limit) {
            throw new ByteBudgetExceededException(this);
        }
    }

    /** {@code 512.0 MiB}. */
    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
