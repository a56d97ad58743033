package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real git repository in a test directory, made with the {@code git} program: commits at chosen times (author and
 * committer), tags, branches, a remote URL. Nothing of the user's git configuration is read
 * ({@code GIT_CONFIG_GLOBAL} and {@code GIT_CONFIG_SYSTEM} are {@code /dev/null}).
 */
public final class GitRepository {

    private final Path directory;

    private GitRepository(Path directory) {
        this.directory = directory;
    }

    /** {@code git init} in {@code directory} (created if needed) on branch {@code initialBranch}. */
    public static GitRepository init(Path directory, String initialBranch) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitRepository repo = new GitRepository(directory);
        repo.git(Map.of(), "init", "-q", "-b", initialBranch);
        return repo;
    }

    public Path directory() {
        return directory;
    }

    /** Writes {@code file} and commits it at {@code time}; returns the commit id. */
    public String commit(String file, String content, Instant time) {
        try {
            Files.writeString(directory.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(Map.of(), "add", file);
        String date = "@" + time.getEpochSecond() + " +0000";
        git(Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), "commit", "-q", "-m", "change " + file);
        return head();
    }

    /** The commit HEAD is at. */
    public String head() {
        return git(Map.of(), "rev-parse", "HEAD").trim();
    }

    /** A lightweight tag at HEAD. */
    public GitRepository tag(String name) {
        git(Map.of(), "tag", name);
        return this;
    }

    public GitRepository checkoutNewBranch(String name) {
        git(Map.of(), "checkout", "-q", "-b", name);
        return this;
    }

    /** HEAD detached at its commit, as CI checkouts often are. */
    public GitRepository detach() {
        git(Map.of(), "checkout", "-q", "--detach");
        return this;
    }

    public GitRepository remote(String url) {
        git(Map.of(), "remote", "add", "origin", url);
        return this;
    }

    private String git(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(RequiredTool.git().toString(), "-C", directory.toString(),
                "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                "-c", "tag.gpgsign=false"));
        command.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("GIT_CONFIG_GLOBAL", "/dev/null");
        all.put("GIT_CONFIG_SYSTEM", "/dev/null");
        all.put("LC_ALL", "C");
        return ExternalCommand.run(command, all, ExternalCommand.DEFAULT_TIMEOUT).stdout();
    }
}
