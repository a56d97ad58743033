package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitPublishMetadata;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitTagRequest;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that take the index's tags and annotations from git (or the CI's variables), for publish and build. */
final class GitOptions {

    @Option(names = "--tags-from-git",
            description = "Add the tags git gives: v1.2.3 -> 1.2.3, 1.2, 1, latest (each only if no higher release of its"
                    + " line is in the repository), a pre-release its own tag, pr-N, the branch, and sha-<7>. Then"
                    + " TARGET_REF may have no tag.")
    boolean tagsFromGit;

    @Option(names = "--annotations-from-git",
            description = "Set org.opencontainers.image.revision, .source, .created (the commit time) and .version on"
                    + " the index; --annotation overrides them.")
    boolean annotationsFromGit;

    @Option(names = "--git-dir", paramLabel = "DIR",
            description = "The git working tree to read (default: the current directory). CI variables (TAG_NAME,"
                    + " BRANCH_NAME, CHANGE_ID, GIT_COMMIT, GIT_URL; GITHUB_REF, GITHUB_SHA) come first.")
    Path gitDir;

    boolean any() {
        return tagsFromGit || annotationsFromGit;
    }

    /** Fails with a usage error for --git-dir alone or a directory that is not there. */
    void validate() {
        if (gitDir != null && !any()) {
            throw new UsageException("--git-dir is where --tags-from-git and --annotations-from-git read git; add one"
                    + " of them, or leave --git-dir out");
        }
        if (gitDir != null && !Files.isDirectory(gitDir)) {
            throw new UsageException("--git-dir '" + gitDir + "' is not a directory");
        }
    }

    /** What git gives; nothing when neither option is given. A state git cannot tell is a usage error (exit 2). */
    GitMetadata read(Multiarch engine, ImageReference target, RegistrySettings settings, Host host)
            throws InterruptedException {
        if (!any()) {
            return GitMetadata.NONE;
        }
        Path dir = gitDir != null ? gitDir : Path.of("");
        dir = dir.toAbsolutePath();
        try {
            GitPublishMetadata git = engine.gitMetadata(new GitTagRequest(target, dir, settings), tagsFromGit,
                    annotationsFromGit, host);
            return new GitMetadata(git.tags(), git.annotations(), git.notes(), git.state().toString());
        } catch (InvalidInputException e) {
            throw new UsageException((tagsFromGit ? "--tags-from-git" : "--annotations-from-git") + ": "
                    + e.getMessage());
        }
    }
}
