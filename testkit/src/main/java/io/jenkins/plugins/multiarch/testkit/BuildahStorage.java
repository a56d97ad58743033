package io.jenkins.plugins.multiarch.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A private buildah image store (vfs driver) in a temporary directory. Builds neither see nor leave images in the
 * machine's shared store, parallel builds cannot collide, and cleaning up is deleting one directory. Creating one is
 * cheap (milliseconds).
 */
final class BuildahStorage implements AutoCloseable {

    private final Path buildah;
    private final Path dir;

    private BuildahStorage(Path buildah, Path dir) {
        this.buildah = buildah;
        this.dir = dir;
    }

    static BuildahStorage create() {
        return new BuildahStorage(RequiredTool.buildah(), Directories.createTemp("rig-buildah-"));
    }

    /** A scratch directory for build contexts, auth files and digest files; deleted with the store. */
    Path workDir() {
        return dir;
    }

    /** Runs {@code buildah <args>} against this store and returns its trimmed stdout. */
    String run(String... args) {
        List<String> command = new ArrayList<>(List.of(buildah.toString(),
                "--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("runroot").toString(),
                "--storage-driver", "vfs"));
        command.addAll(List.of(args));
        return ExternalCommand.run(command).stdout().trim();
    }

    @Override
    public void close() {
        Directories.deleteRecursively(dir);
    }
}
