package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * The state of looking up one literal path while layers are read newest first. Follows overlay semantics:
 * <ul>
 *   <li>the newest layer with an entry at the path wins;</li>
 *   <li>{@code .wh.NAME} hides NAME (and everything under it) in older layers, not in its own layer;</li>
 *   <li>{@code DIR/.wh..wh..opq} hides everything older under DIR;</li>
 *   <li>a non-directory at a parent path either redirects (symlink) or ends the search (anything else), unless a newer
 *       layer already has a directory there, which then hides the older non-directory and all below it.</li>
 * </ul>
 * An entry {@code a/b/c} also makes {@code a} and {@code a/b} directories in its layer even if the tar lists no
 * entries for them, as with the overlayfs snapshotter.
 */
final class PathSearch {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";

    private final String path;
    private final int depth;
    private PathOutcome outcome;
    /** Parents of the path, counted from the root, that some newer layer has as directories. */
    private int directoryDepthAbove;
    /** The same for the layer being read; merged into {@link #directoryDepthAbove} when the layer ends. */
    private int directoryDepthHere;
    /** Set when the layer being read deletes the path for older layers. */
    private String deletedBelow;

    PathSearch(String path) {
        this.path = path;
        this.depth = ImagePath.depth(path);
    }

    String path() {
        return path;
    }

    /** {@code null} while undecided. */
    PathOutcome outcome() {
        return outcome;
    }

    boolean decided() {
        return outcome != null;
    }

    /** Looks at one entry of the layer being read; reads the first bytes of {@code content} if it is the file. */
    void observe(TarArchiveEntry entry, String name, int layer, String layerLabel, InputStream content)
            throws IOException {
        String fileName = ImagePath.name(name);
        if (fileName.startsWith(WHITEOUT_PREFIX)) {
            noteDirectory(ImagePath.parent(name));
            observeWhiteout(ImagePath.parent(name), fileName, layerLabel);
            return;
        }
        noteDirectory(entry.isDirectory() ? name : ImagePath.parent(name));
        if (name.equals(path)) {
            outcome = classify(entry, layer, content);
        } else if (ImagePath.isStrictAncestor(name, path) && !entry.isDirectory()) {
            outcome = nonDirectoryAbove(entry, name, layer, layerLabel);
        } else if (ImagePath.isStrictAncestor(path, name)) {
            outcome = new PathOutcome.Directory(path, layer);
        }
    }

    /** Called after the whole layer was read (not when reading stopped early). */
    void finishLayer() {
        if (outcome == null && deletedBelow != null) {
            outcome = new PathOutcome.Absent(deletedBelow);
        }
        directoryDepthAbove = Math.max(directoryDepthAbove, directoryDepthHere);
        directoryDepthHere = 0;
        deletedBelow = null;
    }

    /** Called when every layer was read without deciding. */
    void notInAnyLayer() {
        if (outcome == null) {
            outcome = new PathOutcome.Absent(path + " is not in any layer");
        }
    }

    private void noteDirectory(String directory) {
        int shared = Math.min(ImagePath.sharedDepth(directory, path), depth - 1);
        directoryDepthHere = Math.max(directoryDepthHere, shared);
    }

    private void observeWhiteout(String directory, String fileName, String layerLabel) {
        if (fileName.equals(OPAQUE_MARKER)) {
            if (ImagePath.isStrictAncestor(directory, path)) {
                deletedBelow = path + " was removed: " + directory + " was made opaque in " + layerLabel;
            }
            return;
        }
        String removedName = fileName.substring(WHITEOUT_PREFIX.length());
        if (removedName.isEmpty() || removedName.equals(".") || removedName.equals("..")) {
            return;
        }
        String removed = ImagePath.resolve(directory, removedName);
        if (removed.equals(path) || ImagePath.isStrictAncestor(removed, path)) {
            deletedBelow = path + " was deleted by the whiteout " + directory.replaceAll("/$", "") + "/" + fileName
                    + " in " + layerLabel;
        }
    }

    private PathOutcome classify(TarArchiveEntry entry, int layer, InputStream content) throws IOException {
        if (entry.isSymbolicLink()) {
            return new PathOutcome.Symlink(path, layer, entry.getLinkName());
        }
        if (entry.isLink()) {
            return new PathOutcome.Hardlink(path, layer, entry.getLinkName());
        }
        if (entry.isDirectory()) {
            return new PathOutcome.Directory(path, layer);
        }
        if (LayerArchive.isRegularFile(entry)) {
            byte[] head = content.readNBytes(ImageFile.HEAD_BYTES);
            return new PathOutcome.RegularFile(path, layer, entry.getMode(), entry.getSize(), head);
        }
        String kind = entry.isFIFO() ? "FIFO" : entry.isCharacterDevice() ? "character device"
                : entry.isBlockDevice() ? "block device" : "special file";
        return new PathOutcome.Special(path, layer, kind);
    }

    private PathOutcome nonDirectoryAbove(TarArchiveEntry entry, String name, int layer, String layerLabel) {
        if (directoryDepthAbove >= ImagePath.depth(name)) {
            // A newer layer has a directory here; it hides this older non-directory and everything under it.
            return new PathOutcome.Absent(path + " is not in the image: a newer layer has " + name
                    + " as a directory, hiding the older " + name + " in " + layerLabel);
        }
        if (entry.isSymbolicLink()) {
            return new PathOutcome.AncestorSymlink(name, layer, entry.getLinkName());
        }
        return new PathOutcome.Absent(path + " is not in the image: " + name + " is not a directory in " + layerLabel);
    }
}
