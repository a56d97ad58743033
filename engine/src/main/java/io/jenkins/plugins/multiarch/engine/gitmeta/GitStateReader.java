package io.jenkins.plugins.multiarch.engine.gitmeta;

import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.process.CommandRunner;
import io.jenkins.plugins.multiarch.engine.process.ToolNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@link GitState} of a build. CI variables come first, because a CI checkout is often a detached
 * HEAD that git alone cannot name: Jenkins ({@code TAG_NAME}, {@code BRANCH_NAME}, {@code CHANGE_ID},
 * {@code GIT_COMMIT}, {@code GIT_URL}), then GitHub Actions ({@code GITHUB_REF}, {@code GITHUB_SHA},
 * {@code GITHUB_SERVER_URL}/{@code GITHUB_REPOSITORY}). When a CI names the ref, that is what is built; git in the
 * directory fills in what the CI leaves out (the commit, always its time, the remote). Without CI variables,
 * everything comes from git: the tag at HEAD (the highest version if several), else the branch.
 *
 * <p>The variables are the ones given (a {@code Host}'s environment), never this process's own; git runs through
 * the given {@link CommandRunner}, so inside Jenkins it runs on the agent that has the workspace.
 */
public final class GitStateReader {

    private final Map<String, String> env;
    private final CommandRunner commands;
    private final Path directory;
    /** Why the last git command failed, for the error that says git could not tell. */
    private String gitProblem = "";

    /**
     * @param env       the build's environment variables
     * @param commands  runs {@code git}
     * @param directory the working tree (or any directory in it)
     */
    public GitStateReader(Map<String, String> env, CommandRunner commands, Path directory) {
        this.env = Map.copyOf(env);
        this.commands = commands;
        this.directory = directory;
    }

    /**
     * @throws InvalidInputException when neither CI variables nor git in the directory say what is built
     */
    public GitState read() {
        GitState.Builder state = fromJenkins().or(this::fromGitHub).orElseGet(GitState::builder);
        Optional<Git> git = git();
        if (!state.hasRef()) {
            if (git.isEmpty()) {
                throw new InvalidInputException("cannot tell what is being built: " + directory + " is not a git"
                        + " working tree (" + gitProblem + ") and none of the CI variables TAG_NAME, BRANCH_NAME,"
                        + " CHANGE_ID (Jenkins) or GITHUB_REF (GitHub Actions) is set; point the git directory at the"
                        + " checkout");
            }
            Git g = git.get();
            state.readFrom("git in " + directory).tag(g.tagAtHead().orElse(null)).branch(g.branch().orElse(null));
            if (!state.hasRef()) {
                throw new InvalidInputException("HEAD of " + directory + " is neither on a branch nor tagged (a"
                        + " detached checkout); set BRANCH_NAME or TAG_NAME, or check out a branch");
            }
        }
        if (git.isPresent()) {
            Git g = git.get();
            if (!state.hasCommit()) {
                state.commit(g.commit());
            }
            if (!state.hasSourceUrl()) {
                g.remoteUrl().ifPresent(state::sourceUrl);
            }
        }
        if (!state.hasCommitTime() && git.isPresent() && state.hasCommit()) {
            String commit = state.build().commit().orElseThrow();
            git.get().commitTime(commit).ifPresent(state::commitTime);
        }
        return state.build();
    }

    private Optional<GitState.Builder> fromJenkins() {
        String tag = env.get("TAG_NAME");
        String branch = env.get("BRANCH_NAME");
        String change = env.get("CHANGE_ID");
        if (isBlank(tag) && isBlank(branch) && isBlank(change)) {
            return Optional.empty();
        }
        GitState.Builder b = GitState.builder().readFrom("Jenkins variables").commit(env.get("GIT_COMMIT"))
                .sourceUrl(env.get("GIT_URL"));
        if (!isBlank(tag)) {
            b.tag(tag); // in a tag job Jenkins sets BRANCH_NAME to the tag as well
        } else if (!isBlank(change)) {
            b.changeId(change).branch(env.get("CHANGE_BRANCH")); // BRANCH_NAME is PR-N there
        } else {
            b.branch(branch);
        }
        return Optional.of(b);
    }

    private Optional<GitState.Builder> fromGitHub() {
        String ref = env.get("GITHUB_REF");
        if (isBlank(ref)) {
            return Optional.empty();
        }
        GitState.Builder b = GitState.builder().readFrom("GitHub Actions variables").commit(env.get("GITHUB_SHA"));
        if (!isBlank(env.get("GITHUB_SERVER_URL")) && !isBlank(env.get("GITHUB_REPOSITORY"))) {
            b.sourceUrl(env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY"));
        }
        if (ref.startsWith("refs/tags/")) {
            b.tag(ref.substring("refs/tags/".length()));
        } else if (ref.startsWith("refs/heads/")) {
            b.branch(ref.substring("refs/heads/".length()));
        } else if (ref.startsWith("refs/pull/")) {
            String rest = ref.substring("refs/pull/".length());
            b.changeId(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest).branch(env.get("GITHUB_HEAD_REF"));
        } else {
            throw new InvalidInputException("GITHUB_REF '" + ref + "' is not a refs/tags/, refs/heads/ or refs/pull/"
                    + " ref; unset it to read the state from git");
        }
        return Optional.of(b);
    }

    private Optional<Git> git() {
        Optional<String> head = run("rev-parse", "--verify", "HEAD");
        return head.map(commit -> new Git(commit.trim()));
    }

    /** git's output, or empty when it failed (its message kept for an error). */
    private Optional<String> run(String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", directory.toString()));
        argv.addAll(List.of(args));
        StringBuilder out = new StringBuilder();
        int exit;
        try {
            exit = commands.run(argv, Map.of("LC_ALL", "C", "GIT_TERMINAL_PROMPT", "0"), null,
                    line -> out.append(line).append('\n'));
        } catch (ToolNotFoundException e) {
            gitProblem = "git is not installed";
            return Optional.empty();
        } catch (IOException e) {
            gitProblem = "git could not run: " + e.getMessage();
            return Optional.empty();
        } catch (InterruptedException e) {
            throw CancelledException.of("while running git", e);
        }
        if (exit != 0) {
            gitProblem = "git " + args[0] + " said: " + out.toString().strip();
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /** Questions to git about a working tree whose HEAD resolved. */
    private final class Git {
        private final String head;

        Git(String head) {
            this.head = head;
        }

        String commit() {
            return head;
        }

        /** The highest version among HEAD's tags, else the first tag by name. */
        Optional<String> tagAtHead() {
            List<String> tags = run("tag", "--points-at", "HEAD").map(s -> s.lines().map(String::trim)
                    .filter(t -> !t.isEmpty()).sorted().toList()).orElse(List.of());
            Optional<String> highest = tags.stream().filter(t -> SemanticVersion.tryParse(t).isPresent())
                    .max(Comparator.comparing(t -> SemanticVersion.tryParse(t).orElseThrow()));
            return highest.or(() -> tags.stream().findFirst());
        }

        Optional<String> branch() {
            return run("symbolic-ref", "--short", "-q", "HEAD").map(String::trim).filter(s -> !s.isEmpty());
        }

        Optional<String> remoteUrl() {
            return run("config", "--get", "remote.origin.url").map(String::trim).filter(s -> !s.isEmpty());
        }

        Optional<Instant> commitTime(String commit) {
            return run("show", "-s", "--format=%ct", commit).map(String::trim).filter(s -> s.matches("[0-9]+"))
                    .map(s -> Instant.ofEpochSecond(Long.parseLong(s)));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
