package io.jenkins.plugins.multiarch.engine.verify.binary;

/**
 * What one pass over the layers found at one literal path (all of whose parents were real directories in the
 * layers read). Links are reported, not followed; {@link ImageFilesystem} follows them.
 */
sealed interface PathOutcome {

    /** Whether this outcome ends a search in PATH order: the path exists as something that may be a program. */
    default boolean decisive() {
        return false;
    }

    record RegularFile(String path, int layer, int mode, long size, byte[] head) implements PathOutcome {
        @Override
        public boolean decisive() {
            return true;
        }
    }

    record Symlink(String path, int layer, String target) implements PathOutcome {
        @Override
        public boolean decisive() {
            return true;
        }
    }

    /** A tar hard link: {@code target} names an entry earlier in the same layer or in an older layer. */
    record Hardlink(String path, int layer, String target) implements PathOutcome {
        @Override
        public boolean decisive() {
            return true;
        }
    }

    /** A directory above the path is a symlink, e.g. {@code /bin -> usr/bin} for {@code /bin/sh}. */
    record AncestorSymlink(String ancestor, int layer, String target) implements PathOutcome {
        @Override
        public boolean decisive() {
            return true;
        }
    }

    record Directory(String path, int layer) implements PathOutcome {
    }

    /** A device or FIFO. */
    record Special(String path, int layer, String kind) implements PathOutcome {
    }

    /** Not in the image; {@code why} says whether it never existed, was deleted, or sits under a non-directory. */
    record Absent(String why) implements PathOutcome {
    }
}
