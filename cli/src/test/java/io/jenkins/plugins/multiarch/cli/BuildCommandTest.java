package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option checks of {@code multiarch build}: each bad input is a usage error (exit 2) that names it and what would
 * be valid, found before any builder or registry is used (the registry named here does not exist).
 */
class BuildCommandTest {

    private static final String TARGET = "registry.invalid:5000/team/app:1.0";
    /** Finds every program, so only the options can be what fails. */
    private static final ProgramLookup EVERYTHING = program -> Optional.of(Path.of("/usr/bin", program));

    @TempDir
    Path context;

    @BeforeEach
    void dockerfile() throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    }

    private InProcessMultiarch.Outcome build(String... options) {
        return build(EVERYTHING, options);
    }

    private InProcessMultiarch.Outcome build(ProgramLookup programs, String... options) {
        List<String> args = new ArrayList<>(List.of("build", TARGET, "--context", context.toString()));
        args.addAll(List.of(options));
        return InProcessMultiarch.build(programs, args.toArray(String[]::new));
    }

    private static void assertUsageError(InProcessMultiarch.Outcome outcome, String... messageParts) {
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr()).startsWith("multiarch: error: ").contains(messageParts);
    }

    @Test
    void gitOptionsNeedPublishAndGitDirNeedsAGitOption() {
        assertUsageError(build("--platform", "linux/amd64", "--tags-from-git"),
                "--tags-from-git and --annotations-from-git are about publishing the index: add --publish");
        assertUsageError(build("--platform", "linux/amd64", "--publish", "--git-dir", context.toString()),
                "--git-dir is where --tags-from-git and --annotations-from-git read git");
        assertUsageError(build("--platform", "linux/amd64", "--publish", "--annotations-from-git", "--git-dir",
                context.resolve("missing").toString()), "--git-dir '" + context.resolve("missing") + "' is not a directory");
    }

    @Test
    void aBadPlatformIsNamedWithValidOnes() {
        assertUsageError(build("--platform", "linux/amd64,linux/arm65"),
                "invalid platform 'linux/arm65'", "unknown architecture 'arm65'");
    }

    @Test
    void aPlatformGivenTwiceUnderTwoNamesIsRefused() {
        assertUsageError(build("--platform", "linux/amd64", "--platform", "x86_64"), "platform linux/amd64 is given twice");
    }

    @Test
    void aBuildArgWithoutValueIsRefused() {
        assertUsageError(build("--platform", "linux/amd64", "--build-arg", "APP_VERSION"),
                "invalid --build-arg 'APP_VERSION': expected NAME=VALUE, e.g. --build-arg APP_VERSION=1.0");
        assertUsageError(build("--platform", "linux/amd64", "--build-arg", "=1.0"), "invalid --build-arg '=1.0'");
    }

    @Test
    void aBuildArgThatThePlatformSetsIsRefused() {
        assertUsageError(build("--platform", "linux/amd64", "--build-arg", "TARGETARCH=arm64"),
                "build argument TARGETARCH is set for each platform from the platform itself");
    }

    @Test
    void aPlatformTagThatTheIndexWouldOverwriteIsRefused() {
        InProcessMultiarch.Outcome outcome = build("--platform", "linux/amd64,linux/arm64", "--tag-template", "{arch}",
                "--publish", "--tag", "amd64");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("amd64");
    }

    @Test
    void storageOptionsForABuilderWithoutContainersStorageAreAUsageError() {
        ProgramLookup dockerOnly = program -> program.equals("docker") ? java.util.Optional.of(Path.of("/usr/bin/docker"))
                : java.util.Optional.empty();
        assertUsageError(build(dockerOnly, "--platform", "linux/amd64", "--storage-driver", "vfs"),
                "--storage-driver and --storage-root apply to buildah and podman");
    }

    @Test
    void anUnknownBuilderListsTheKnownOnes() {
        assertUsageError(build("--platform", "linux/amd64", "--builder", "bazel"),
                "--builder", "expected one of [buildah, podman, docker, buildx, kaniko]", "'bazel'");
    }

    @Test
    void zeroJobsIsRefused() {
        assertUsageError(build("--platform", "linux/amd64", "--jobs", "0"), "--jobs must be at least 1, got 0");
    }

    @Test
    void indexOptionsNeedPublish() {
        assertUsageError(build("--platform", "linux/amd64", "--tag", "latest"), "--tag is about publishing the index: add --publish");
        assertUsageError(build("--platform", "linux/amd64", "--format", "docker"), "--format is about publishing the index");
        assertUsageError(build("--platform", "linux/amd64", "--no-binary-check"), "--no-binary-check is about publishing the index");
        assertUsageError(build("--platform", "linux/amd64", "--all-binaries"), "--all-binaries-layers is about publishing the index");
    }

    @Test
    void publishNeedsATagAndValidExtraTags() {
        assertUsageError(InProcessMultiarch.build(EVERYTHING, "build", "registry.invalid:5000/team/app", "--context",
                context.toString(), "--platform", "linux/amd64", "--publish"), "--publish needs a tag in TARGET_REF");
        assertUsageError(build("--platform", "linux/amd64", "--publish", "--tag", "-bad"), "invalid tag '-bad'");
    }

    @Test
    void binaryCheckSettingsAreCheckedLikePublishDoes() {
        assertUsageError(build("--platform", "linux/amd64", "--publish", "--no-binary-check", "--all-binaries"),
                "--no-binary-check turns the binary check off");
        assertUsageError(build("--platform", "linux/amd64", "--publish", "--binary-budget", "lots"), "--binary-budget");
    }

    @Test
    void aBadTagTemplateIsNamed() {
        assertUsageError(build("--platform", "linux/amd64,linux/arm64", "--tag-template", "{arch}-{release}"),
                "unknown placeholder {release}");
        assertUsageError(build("--platform", "linux/amd64,linux/arm64", "--tag-template", "{os}-{version}"),
                "gives the same tag 'linux-1.0' for linux/amd64 and linux/arm64");
    }

    @Test
    void theContextMustBeADirectoryWithADockerfile() throws Exception {
        assertUsageError(InProcessMultiarch.build(EVERYTHING, "build", TARGET, "--platform", "linux/amd64",
                "--context", context.resolve("missing").toString()), "build context '" + context.resolve("missing")
                + "' is not a directory");
        Files.delete(context.resolve("Dockerfile"));
        assertUsageError(build("--platform", "linux/amd64"), "has no Dockerfile or Containerfile; add one, or name it with --file");
        assertUsageError(build("--platform", "linux/amd64", "--file", context.resolve("Nope").toString()), "--file '");
    }

    @Test
    void storageOptionsAreForBuildahAndPodmanOnly() {
        assertUsageError(build("--platform", "linux/amd64", "--builder", "docker", "--storage-driver", "vfs"),
                "--storage-driver and --storage-root apply to buildah and podman, not to --builder docker");
    }

    @Test
    void aDockerListCannotHoldWhatBuildahBuilds() {
        assertUsageError(build("--platform", "linux/amd64", "--builder", "buildah", "--publish", "--format", "docker"),
                "--format docker needs Docker manifests, but buildah builds push OCI manifests");
    }

    @Test
    void usernameNeedsPasswordStdin() {
        assertUsageError(build("--platform", "linux/amd64", "--username", "ci"), "--username ci needs --password-stdin");
    }

    @Test
    void aMissingBuilderIsAFailureSayingWhatToInstall() {
        InProcessMultiarch.Outcome named = build(program -> Optional.empty(), "--platform", "linux/amd64", "--builder", "podman");
        assertThat(named.exitCode()).isEqualTo(1);
        assertThat(named.stderr()).contains("--builder podman needs 'podman', which is not installed or not on the PATH;"
                + " install podman, or choose another builder");

        InProcessMultiarch.Outcome none = build(program -> Optional.empty(), "--platform", "linux/amd64");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stderr()).contains("no builder found: none of buildah, podman, buildx is installed");
    }

    @Test
    void helpListsTheOptions() {
        InProcessMultiarch.Outcome help = InProcessMultiarch.run(cli -> { }, "build", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("TARGET_REF", "--platform", "--builder", "--build-arg", "--tag-template",
                "--digest-file", "--publish", "--jobs", "--password-stdin");
    }
}
