package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks up files in the merged filesystem of an image's layers without extracting anything.
 *
 * <p>Symlinks are followed wherever they appear in a path (also {@code /bin -> usr/bin} above {@code /bin/sh}), from
 * the newest layer again, because a newer layer may replace the target. Hard links are followed from the layer that
 * holds them downwards. At most {@link #MAX_LINK_HOPS} links are followed per lookup, as in Linux; loops are detected.
 *
 * <p>Every lookup reads the layers again from the newest (see {@link LayerWalker} for the cost); all reads are charged
 * to one {@link ByteBudget}, which throws {@link ByteBudgetExceededException} when it runs out. Not thread-safe.
 */
final class ImageFilesystem {

    /** Linux's {@code MAXSYMLINKS}. */
    public static final int MAX_LINK_HOPS = 40;

    private final LayerWalker walker;
    private final ByteBudget budget;

    /**
     * @param layers the image's layers in manifest order, bottom first
     * @param budget shared by every read of this filesystem
     */
    public ImageFilesystem(List<LayerSource> layers, ByteBudget budget) {
        this.walker = new LayerWalker(layers, budget);
        this.budget = budget;
    }

    /** Compressed bytes read from layer blobs so far. */
    public long bytesRead() {
        return budget.used();
    }

    /** The regular file at an absolute path, following links. */
    public FileLookup open(String path) throws IOException {
        return resolveFirst(List.of(ImagePath.normalize(path)), topLayer(), false, 0, Set.of());
    }

    /**
     * The first of several absolute paths that is an executable regular file (after following links), as a PATH search
     * finds it. Non-executable files, directories and missing paths are skipped, like {@code execvp} and Go's
     * {@code exec.LookPath} do.
     */
    public FileLookup findExecutable(List<String> paths) throws IOException {
        List<String> candidates = new ArrayList<>(new LinkedHashSet<>(paths.stream().map(ImagePath::normalize).toList()));
        if (candidates.isEmpty()) {
            return new FileLookup.Missing("no paths to look at");
        }
        return resolveFirst(candidates, topLayer(), true, 0, Set.of());
    }

    private int topLayer() {
        return walker.layerCount() - 1;
    }

    private FileLookup resolveFirst(List<String> paths, int topLayer, boolean executableOnly, int hops,
            Set<String> visited) throws IOException {
        if (paths.size() == 1 && paths.get(0).equals(ImagePath.ROOT)) {
            return new FileLookup.Missing("/ is a directory");
        }
        List<PathOutcome> outcomes = walker.find(paths, topLayer);
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            PathOutcome outcome = outcomes.get(i);
            if (outcome == null) {
                // The pass stopped at an earlier candidate that led nowhere after all: look at the rest again.
                FileLookup rest = resolveFirst(paths.subList(i, paths.size()), topLayer, executableOnly, hops, visited);
                if (rest instanceof FileLookup.Found) {
                    return rest;
                }
                misses.add(((FileLookup.Missing) rest).reason());
                break;
            }
            Set<String> seen = new HashSet<>(visited);
            seen.add(paths.get(i) + "@" + topLayer);
            FileLookup lookup = follow(paths.get(i), outcome, executableOnly, hops, seen);
            if (lookup instanceof FileLookup.Found) {
                return lookup;
            }
            misses.add(((FileLookup.Missing) lookup).reason());
        }
        return new FileLookup.Missing(String.join("; ", misses));
    }

    private FileLookup follow(String path, PathOutcome outcome, boolean executableOnly, int hops, Set<String> visited)
            throws IOException {
        if (outcome instanceof PathOutcome.RegularFile) {
            PathOutcome.RegularFile file = (PathOutcome.RegularFile) outcome;
            ImageFile found = new ImageFile(file.path(), file.layer(), walker.digestOf(file.layer()), file.mode(),
                    file.size(), file.head());
            if (executableOnly && !found.executable()) {
                return new FileLookup.Missing(
                        path + " is not executable (mode " + Integer.toOctalString(file.mode() & 07777) + ")");
            }
            return new FileLookup.Found(found);
        }
        if (outcome instanceof PathOutcome.Symlink) {
            PathOutcome.Symlink link = (PathOutcome.Symlink) outcome;
            String target = ImagePath.resolve(ImagePath.parent(path), link.target());
            return hop(path, target, topLayer(), executableOnly, hops, visited);
        }
        if (outcome instanceof PathOutcome.AncestorSymlink) {
            PathOutcome.AncestorSymlink link = (PathOutcome.AncestorSymlink) outcome;
            String directory = ImagePath.resolve(ImagePath.parent(link.ancestor()), link.target());
            String target = ImagePath.normalize(directory + path.substring(link.ancestor().length()));
            return hop(path, target, topLayer(), executableOnly, hops, visited);
        }
        if (outcome instanceof PathOutcome.Hardlink) {
            PathOutcome.Hardlink link = (PathOutcome.Hardlink) outcome;
            // A hard link names an inode that existed when its layer was applied: look in that layer and below.
            return hop(path, ImagePath.normalize(link.target()), link.layer(), executableOnly, hops, visited);
        }
        if (outcome instanceof PathOutcome.Directory) {
            return new FileLookup.Missing(path + " is a directory");
        }
        if (outcome instanceof PathOutcome.Special) {
            return new FileLookup.Missing(path + " is a " + ((PathOutcome.Special) outcome).kind());
        }
        return new FileLookup.Missing(((PathOutcome.Absent) outcome).why());
    }

    private FileLookup hop(String from, String to, int topLayer, boolean executableOnly, int hops, Set<String> visited)
            throws IOException {
        if (hops >= MAX_LINK_HOPS) {
            return new FileLookup.Missing(from + ": too many levels of symbolic links (more than " + MAX_LINK_HOPS + ")");
        }
        if (visited.contains(to + "@" + topLayer)) {
            return new FileLookup.Missing(from + ": symbolic link loop through " + to);
        }
        FileLookup result = resolveFirst(List.of(to), topLayer, executableOnly, hops + 1, visited);
        if (result instanceof FileLookup.Missing) {
            // Show the way there: "/bin/sh -> /usr/bin/sh -> /usr/bin/dash: /usr/bin/dash is not in any layer".
            String reason = ((FileLookup.Missing) result).reason();
            boolean continuesChain = reason.startsWith(to + " -> ") || reason.startsWith(to + ": ");
            return new FileLookup.Missing(from + " -> " + (continuesChain ? reason : to + ": " + reason));
        }
        return result;
    }
}
