package io.jenkins.plugins.multiarch.engine.imagebuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Workspaces of runs that died (a {@code kill -9} during a build leaves the directory, with its 0600 registry auth
 * file, behind): each workspace carries a marker naming the process that made it (pid and that process's start
 * time, so a reused pid is not mistaken for it); a later run deletes the workspaces whose process is gone and which
 * were made before the later run started. Nothing else is touched: only directories with our prefix, our marker,
 * our owner, and never through a symbolic link.
 */
final class LeftoverWorkspaces {

    /** The marker file inside every workspace. */
    static final String MARKER = ".multiarch-workspace";

    private LeftoverWorkspaces() {
    }

    /** Writes the marker of the current process into a new workspace. */
    static void mark(Path workspace) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String text = "pid=" + self.pid() + "\nprocessStart=" + self.info().startInstant().map(Instant::toEpochMilli)
                .orElse(-1L) + "\ncreated=" + Instant.now().toEpochMilli() + "\n";
        Files.writeString(workspace.resolve(MARKER), text, StandardCharsets.UTF_8);
    }

    /**
     * Deletes the workspaces under {@code parent} named {@code prefix...} whose process has ended and that were made
     * before {@code runStart}. Best effort: what cannot be read or deleted stays, and the run goes on.
     *
     * @return how many were deleted
     */
    static int sweep(Path parent, String prefix, Instant runStart) {
        int deleted = 0;
        UserPrincipal me;
        try {
            me = Files.getOwner(parent);
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path entry : entries) {
                if (isLeftover(entry, runStart, me)) {
                    try {
                        LocalBuildWorkspace.at(entry).delete();
                        deleted++;
                    } catch (IOException | RuntimeException e) {
                        // another run may be deleting it too, or it is not ours to delete after all
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the parent cannot be listed: nothing to sweep
        }
        return deleted;
    }

    private static boolean isLeftover(Path entry, Instant runStart, UserPrincipal me) {
        try {
            if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                    || !me.equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS))) {
                return false;
            }
            Path marker = entry.resolve(MARKER);
            if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Properties fields = new Properties();
            try (var in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                fields.load(in);
            }
            long pid = Long.parseLong(fields.getProperty("pid", "-1"));
            long processStart = Long.parseLong(fields.getProperty("processStart", "-1"));
            long created = Long.parseLong(fields.getProperty("created", "-1"));
            if (pid < 0 || created < 0 || created >= runStart.toEpochMilli()) {
                return false;
            }
            return !isRunning(pid, processStart);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the process that wrote a marker still runs: the same pid, started at the same moment. */
    private static boolean isRunning(long pid, long processStart) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        // Without a start time to compare, a live pid is taken to be the owner: keep its workspace.
        return started.isEmpty() || processStart < 0 || started.get().toEpochMilli() == processStart;
    }
}
