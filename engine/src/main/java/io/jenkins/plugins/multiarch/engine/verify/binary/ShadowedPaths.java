package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.util.HashSet;
import java.util.Set;

/**
 * What newer layers hide from older ones, collected while reading layers newest first: paths they contain, paths
 * they delete with {@code .wh.} files, directories they make opaque, and paths they turn into non-directories. Holds
 * every path name of the layers read, so memory grows with their entry count (names only, no content).
 */
final class ShadowedPaths {

    private final Set<String> present = new HashSet<>();
    private final Set<String> nonDirectories = new HashSet<>();
    private final Set<String> deleted = new HashSet<>();
    private final Set<String> opaque = new HashSet<>();
    private final Set<String> presentHere = new HashSet<>();
    private final Set<String> nonDirectoriesHere = new HashSet<>();
    private final Set<String> deletedHere = new HashSet<>();
    private final Set<String> opaqueHere = new HashSet<>();

    /** Whether an entry at {@code path} in the layer being read is hidden by a newer layer. */
    boolean hides(String path) {
        if (present.contains(path) || deleted.contains(path)) {
            return true;
        }
        for (String ancestor = ImagePath.parent(path); ; ancestor = ImagePath.parent(ancestor)) {
            if (deleted.contains(ancestor) || opaque.contains(ancestor) || nonDirectories.contains(ancestor)) {
                return true;
            }
            if (ancestor.equals(ImagePath.ROOT)) {
                return false;
            }
        }
    }

    void entry(String path, boolean directory) {
        presentHere.add(path);
        if (!directory) {
            nonDirectoriesHere.add(path);
        }
    }

    void whiteout(String deletedPath) {
        deletedHere.add(deletedPath);
    }

    void opaqueDirectory(String directory) {
        opaqueHere.add(directory);
    }

    /** The layer was read: what it holds now hides older layers (but never hid its own entries). */
    void finishLayer() {
        present.addAll(presentHere);
        nonDirectories.addAll(nonDirectoriesHere);
        deleted.addAll(deletedHere);
        opaque.addAll(opaqueHere);
        presentHere.clear();
        nonDirectoriesHere.clear();
        deletedHere.clear();
        opaqueHere.clear();
    }
}
