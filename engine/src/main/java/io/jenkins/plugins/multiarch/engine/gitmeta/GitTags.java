package io.jenkins.plugins.multiarch.engine.gitmeta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tags a git state gives, as {@code docker/metadata-action} users expect them:
 * <ul>
 *   <li>a release tag {@code v1.2.3}: {@code 1.2.3}, and the floating {@code 1.2}, {@code 1} and {@code latest},
 *       each only if no release already in the repository is higher within its line (so releasing a fix for an
 *       older line, {@code 1.2.5} after {@code 1.3.0}, moves {@code 1.2} but neither {@code 1} nor {@code latest});
 *       never a bare {@code 0}: a {@code 0.x} version promises no compatibility with the next one, so a tag that
 *       floats over all of them would move users across breaking changes ({@code 0.4} still floats);</li>
 *   <li>a pre-release {@code v1.3.0-rc.1}: only {@code 1.3.0-rc.1};</li>
 *   <li>a tag that is no semantic version: that tag, made to fit the tag grammar;</li>
 *   <li>a change (pull request) {@code 42}: {@code pr-42};</li>
 *   <li>a branch: its name made to fit the tag grammar ({@code feature/login} → {@code feature-login});</li>
 *   <li>always, when the commit is known, {@code sha-} and its first 7 characters.</li>
 * </ul>
 * A build of a tag gets no branch tag, and a change no branch tag: the branch of a tag build is often the tag again,
 * and a pull request's branch would overwrite the branch's own image.
 */
public final class GitTags {

    private GitTags() {
    }

    /**
     * @param existingTags the tags the target repository has now; those that are release versions decide which
     *                     floating tags move
     */
    public static GitTagPlan plan(GitState state, Collection<String> existingTags) {
        Set<String> tags = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        if (state.tag().isPresent()) {
            String tag = state.tag().get();
            Optional<SemanticVersion> parsed = SemanticVersion.tryParse(tag);
            if (parsed.isPresent()) {
                SemanticVersion version = parsed.get();
                TagNames.sanitize(version.toString()).ifPresent(tags::add);
                if (version.isPreRelease()) {
                    notes.add(tag + " is a pre-release: only its own tag, no " + version.majorMinor() + ", "
                            + version.major() + " or latest");
                } else {
                    List<SemanticVersion> releases = existingTags.stream().map(SemanticVersion::tryParse)
                            .flatMap(Optional::stream).filter(v -> !v.isPreRelease()).toList();
                    floating(version.majorMinor(), version, releases, version::sameMinor, tags, notes);
                    if (version.major().signum() == 0) {
                        notes.add("no tag 0: 0.x versions promise no compatibility with each other");
                    } else {
                        floating(version.major().toString(), version, releases, version::sameMajor, tags, notes);
                    }
                    floating("latest", version, releases, v -> true, tags, notes);
                }
            } else {
                TagNames.sanitize(tag).ifPresentOrElse(tags::add,
                        () -> notes.add("tag '" + tag + "' has no character a tag may have"));
                notes.add("tag " + tag + " is not a semantic version (like v1.2.3): no version tags or latest");
            }
        } else if (state.changeId().isPresent()) {
            TagNames.sanitize("pr-" + state.changeId().get()).ifPresent(tags::add);
        } else if (state.branch().isPresent()) {
            TagNames.sanitize(state.branch().get()).ifPresentOrElse(tags::add,
                    () -> notes.add("branch '" + state.branch().get() + "' has no character a tag may have"));
        }
        state.commit().ifPresent(commit -> tags.add("sha-" + commit.substring(0, Math.min(7, commit.length()))));
        return new GitTagPlan(state, new ArrayList<>(tags), notes);
    }

    /** Adds {@code name} unless a release of its line already in the repository is higher than {@code version}. */
    private static void floating(String name, SemanticVersion version, List<SemanticVersion> releases,
                                 Predicate<SemanticVersion> inLine, Set<String> tags, List<String> notes) {
        Optional<SemanticVersion> higher = releases.stream().filter(inLine).filter(v -> v.compareTo(version) > 0)
                .max(SemanticVersion::compareTo);
        if (higher.isPresent()) {
            notes.add(name + " not moved: " + higher.get() + " is higher than " + version);
        } else {
            tags.add(name);
        }
    }
}
