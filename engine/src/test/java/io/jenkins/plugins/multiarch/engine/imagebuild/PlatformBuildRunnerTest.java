package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.imagebuild.RecordingCommandRunner.Call;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildahTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildxTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.DockerTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.KanikoTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PodmanTool;
import io.jenkins.plugins.multiarch.engine.process.LineSink;
import io.jenkins.plugins.multiarch.engine.process.ToolNotFoundException;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformBuildRunnerTest {

    private static final String ENCODED_PAIR = Base64.getEncoder()
            .encodeToString(("ci-bot:" + SampleBuilds.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path workspaces;

    /** Stands in for ~/.docker, so no test reads the developer's own. */
    @TempDir
    Path userDocker;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authFilesSeen = Collections.synchronizedList(new ArrayList<>());
    private final List<String> phases = Collections.synchronizedList(new ArrayList<>());
    private final List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());

    /** One call of the layout uploader, with whether the layout directory was still there. */
    private record Upload(PlatformBuild build, Path layout, Digest reported, boolean workspaceExisted) {
    }

    /** Stands in for the registry: records the call and answers with the digest the tool reported. */
    private LayoutUpload fakeUpload(PlatformBuild build, Path layout, Digest reported) {
        uploads.add(new Upload(build, layout, reported, Files.isDirectory(layout.getParent())));
        return new LayoutUpload(reported, "application/vnd.oci.image.manifest.v1+json",
                build.lastingTag().stream().toList(), 2, 0, 1536);
    }

    static Stream<BuildTool> builders() {
        return Stream.of(new BuildahTool(ContainersStorageOptions.driver("vfs")),
                new PodmanTool(ContainersStorageOptions.driver("vfs")),
                new DockerTool(), new BuildxTool("docker", null, null), new KanikoTool());
    }

    /** Pretends to be each tool: reports the digest where that tool would, and checks the auth file it is given. */
    private int pretend(Call call, LineSink out) throws Exception {
        // Removing a local image needs no credentials; by then the auth file is gone.
        boolean removal = call.has("rm") || call.has("rmi");
        Path auth = call.has("--authfile") ? Path.of(call.after("--authfile"))
                : call.env().containsKey("DOCKER_CONFIG") && !removal
                ? Path.of(call.env().get("DOCKER_CONFIG"), "config.json") : null;
        if (auth != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auth))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auth.getParent()))).isEqualTo("rwx------");
            authFilesSeen.add(auth + " " + Files.readString(auth));
        }
        out.line("working on " + call.argv().get(1));
        if (call.has("--digestfile")) {
            Files.writeString(Path.of(call.after("--digestfile")), SampleBuilds.DIGEST);
        } else if (call.has("--digest-file")) {
            Files.writeString(Path.of(call.after("--digest-file")), SampleBuilds.DIGEST);
        } else if (call.has("--metadata-file")) {
            Files.writeString(Path.of(call.after("--metadata-file")), "{\"containerimage.digest\": \"" + SampleBuilds.DIGEST + "\"}");
        } else if (call.argv().equals(List.of("docker", "push", call.argv().get(2)))) {
            String tag = call.argv().get(2).substring(call.argv().get(2).lastIndexOf(':') + 1);
            out.line(tag + ": digest: " + SampleBuilds.DIGEST + " size: 528");
        }
        return 0;
    }

    private PlatformBuildRunner platformBuilder(BuildTool builder, RecordingCommandRunner runner) {
        return new PlatformBuildRunner(builder, runner, LocalBuildWorkspace.factory(workspaces),
                SampleBuilds.CREDENTIALS, log::add)
                .withUserDockerConfig(userDocker)
                .withLayoutUploader(this::fakeUpload)
                .withProgress((platform, phase) -> phases.add(platform + " " + phase.word()));
    }

    @ParameterizedTest
    @MethodSource("builders")
    void everyBuilderPushesWithAPrivateAuthFileAndNoSecretInAnyArgvOrEnv(BuildTool builder) throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner(this::pretend);

        PlatformBuildResult result = platformBuilder(builder, runner).build(SampleBuilds.armV7());

        assertThat(result.digest()).hasToString(SampleBuilds.DIGEST);
        assertThat(result.platform()).hasToString("linux/arm/v7");
        assertThat(result.digestReference()).hasToString("registry.example.com:5000/team/app@" + SampleBuilds.DIGEST);
        assertThat(runner.calls()).isNotEmpty().allSatisfy(call -> {
            assertThat(call.argv()).noneMatch(a -> a.contains(SampleBuilds.PASSWORD) || a.contains(ENCODED_PAIR));
            assertThat(call.env().values()).noneMatch(v -> v.contains(SampleBuilds.PASSWORD) || v.contains(ENCODED_PAIR));
        });
        // Every command that pushes or pulls was handed the auth file, and it held the credentials.
        assertThat(authFilesSeen).hasSizeGreaterThanOrEqualTo(1).allSatisfy(seen -> assertThat(seen).contains(ENCODED_PAIR));
        assertThat(log).isNotEmpty().noneMatch(l -> l.contains(SampleBuilds.PASSWORD) || l.contains(ENCODED_PAIR));
        assertThat(workspaces).isEmptyDirectory();
    }

    @Test
    void outputIsPrefixedWithThePlatformAndEachCommandIsShown() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner(this::pretend);

        platformBuilder(new DockerTool(), runner).build(SampleBuilds.armV7());

        assertThat(log).allMatch(l -> l.startsWith("[linux/arm/v7] "));
        assertThat(log).anyMatch(l -> l.matches("\\[linux/arm/v7] \\$ DOCKER_CONFIG=\\S+/auth docker push registry.example.com:5000/team/app:multiarch-tmp-linux-arm-v7-r1"));
        assertThat(log).contains("[linux/arm/v7] working on push");
        assertThat(log.get(log.size() - 2)).startsWith("[linux/arm/v7] $ DOCKER_CONFIG=").contains("docker image rm");
    }

    @Test
    void aFailedCommandNamesPlatformCommandExitCodeAndLastLinesWithSecretsMasked() {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> {
            if (call.has("bud")) {
                for (int i = 1; i <= 50; i++) {
                    out.line("retry " + i);
                }
                out.line("error: unauthorized for ci-bot:" + SampleBuilds.PASSWORD + " (" + ENCODED_PAIR + ")");
                return 125;
            }
            return 0;
        });

        assertThatThrownBy(() -> platformBuilder(new BuildahTool(ContainersStorageOptions.driver("vfs")), runner)
                .build(SampleBuilds.armV7()))
                .isInstanceOfSatisfying(PlatformBuildException.class, e -> {
                    assertThat(e.platform()).hasToString("linux/arm/v7");
                    assertThat(e.exitCode()).hasValue(125);
                    assertThat(e.command()).hasValueSatisfying(c -> assertThat(c).startsWith("buildah --storage-driver vfs bud --platform linux/arm/v7 --authfile "));
                    assertThat(e.lastLines()).hasSize(PlatformBuildRunner.TAIL_LINES)
                            .endsWith("error: unauthorized for ci-bot:**** (****)");
                    assertThat(e.getMessage())
                            .startsWith("linux/arm/v7: buildah build failed with exit code 125: buildah --storage-driver vfs bud")
                            .contains("retry 50", "error: unauthorized for ci-bot:****")
                            .doesNotContain(SampleBuilds.PASSWORD, ENCODED_PAIR, "retry 10\n");
                    // For where the output already scrolled by: the first line alone.
                    assertThat(e.summary()).isEqualTo(e.getMessage().lines().findFirst().orElseThrow())
                            .doesNotContain("retry");
                });
        assertThat(log).noneMatch(l -> l.contains(SampleBuilds.PASSWORD));
        // The build made no image, so there is nothing to remove; the auth file is gone with the workspace.
        assertThat(runner.calls()).singleElement().satisfies(c -> assertThat(c.argv()).contains("bud"));
        assertThat(phases).doesNotContain("linux/arm/v7 cleaning up");
        assertThat(workspaces).isEmptyDirectory();
    }

    @Test
    void aMissingToolIsNamed() {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> {
            throw new ToolNotFoundException(call.argv().get(0), (Throwable) null);
        });

        assertThatThrownBy(() -> platformBuilder(new KanikoTool(), runner).build(SampleBuilds.armV7()))
                .isInstanceOf(PlatformBuildException.class)
                .hasMessageStartingWith("linux/arm/v7: build and push could not run (DOCKER_CONFIG=")
                .hasMessageEndingWith("'/kaniko/executor' is not installed or not on the PATH; install it or choose another builder");
        assertThat(workspaces).isEmptyDirectory();
    }

    @Test
    void successWithoutADigestIsAFailure() {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> 0);

        assertThatThrownBy(() -> platformBuilder(new PodmanTool(ContainersStorageOptions.defaults()), runner)
                .build(SampleBuilds.armV7()))
                .isInstanceOf(PlatformBuildException.class)
                .hasMessageMatching("linux/arm/v7: could not read the pushed image's digest: podman push succeeded but"
                        + " wrote no digest file at .*/digest");
    }

    @Test
    void aFailedCleanupIsOnlyAWarning() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> call.has("rm") ? 1 : pretend(call, out));

        PlatformBuildResult result = platformBuilder(new DockerTool(), runner).build(SampleBuilds.armV7());

        assertThat(result.temporaryTagName()).contains("multiarch-tmp-linux-arm-v7-r1");
        assertThat(log).contains("[linux/arm/v7] warning: cleanup exited with code 1 (ignored)");
    }

    @Test
    void buildahsLayoutIsUploadedByDigestBeforeCleanupAndTheWorkspaceGoesAfterwards() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner(this::pretend);

        PlatformBuildResult result = platformBuilder(new BuildahTool(ContainersStorageOptions.driver("vfs")), runner)
                .build(SampleBuilds.armV7());

        assertThat(uploads).singleElement().satisfies(u -> {
            assertThat(u.layout().getFileName()).hasToString("layout");
            assertThat(u.layout().getParent().getParent()).isEqualTo(workspaces);
            assertThat(u.workspaceExisted()).isTrue();
            assertThat(u.reported()).hasToString(SampleBuilds.DIGEST);
            assertThat(u.build().lastingTag()).isEmpty();
        });
        assertThat(runner.calls().get(1).argv()).last().isEqualTo("oci:" + uploads.get(0).layout());
        assertThat(result.pushedReference()).hasToString("registry.example.com:5000/team/app");
        assertThat(result.temporaryTagName()).isEmpty();
        assertThat(result.digestReference()).hasToString("registry.example.com:5000/team/app@" + SampleBuilds.DIGEST);
        assertThat(log).contains("[linux/arm/v7] uploading the OCI layout " + uploads.get(0).layout()
                + " to registry.example.com:5000/team/app@" + SampleBuilds.DIGEST,
                "[linux/arm/v7] 2 blobs uploaded (1.5 KiB), 0 already there");
        int uploadLine = log.indexOf("[linux/arm/v7] 2 blobs uploaded (1.5 KiB), 0 already there");
        assertThat(log.subList(uploadLine, log.size())).anyMatch(l -> l.contains(" rmi "));
        assertThat(phases).containsExactly("linux/arm/v7 building", "linux/arm/v7 building", "linux/arm/v7 pushing",
                "linux/arm/v7 uploading", "linux/arm/v7 cleaning up", "linux/arm/v7 done");
        assertThat(workspaces).isEmptyDirectory();
    }

    @Test
    void withATagTemplateTheUploadCarriesTheTag() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner(this::pretend);
        PlatformBuild build = SampleBuilds.request("linux/arm64").perPlatformTags("{arch}-{version}").build()
                .platformBuilds().get(0);

        PlatformBuildResult result = platformBuilder(new PodmanTool(ContainersStorageOptions.defaults()), runner)
                .build(build);

        assertThat(uploads).singleElement().satisfies(u -> assertThat(u.build().lastingTag()).contains("arm64-1.0"));
        assertThat(result.pushedReference()).hasToString("registry.example.com:5000/team/app:arm64-1.0");
        assertThat(log).anyMatch(l -> l.endsWith(" to registry.example.com:5000/team/app:arm64-1.0"));
    }

    @Test
    void aFailedUploadFailsThePlatformAndCleanupStillRuns() {
        RecordingCommandRunner runner = new RecordingCommandRunner(this::pretend);
        PlatformBuildRunner failing = platformBuilder(new BuildahTool(ContainersStorageOptions.defaults()), runner)
                .withLayoutUploader((build, layout, reported) -> {
                    throw new InvalidLayoutException("OCI layout " + layout + " has no index.json");
                });

        assertThatThrownBy(() -> failing.build(SampleBuilds.armV7()))
                .isInstanceOf(PlatformBuildException.class)
                .hasMessageStartingWith("linux/arm/v7: could not upload the image to registry.example.com:5000/team/app@"
                        + SampleBuilds.DIGEST + ": OCI layout ")
                .hasMessageEndingWith("/layout has no index.json");
        assertThat(runner.calls()).last().satisfies(c -> assertThat(c.argv()).contains("rmi"));
        assertThat(phases).endsWith("linux/arm/v7 uploading", "linux/arm/v7 cleaning up", "linux/arm/v7 failed");
        assertThat(workspaces).isEmptyDirectory();
    }

    @Test
    void buildersThatPushThemselvesUploadNothing() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner(this::pretend);

        platformBuilder(new BuildxTool("docker", null, null), runner).build(SampleBuilds.armV7());
        platformBuilder(new KanikoTool(), runner).build(SampleBuilds.armV7());

        assertThat(uploads).isEmpty();
        assertThat(phases).containsExactly("linux/arm/v7 building", "linux/arm/v7 building", "linux/arm/v7 done",
                "linux/arm/v7 building", "linux/arm/v7 building", "linux/arm/v7 done");
    }

    /** Whether an auth file exists in any build workspace right now. */
    private boolean authFileExists() throws java.io.IOException {
        try (Stream<Path> files = Files.walk(workspaces)) {
            return files.anyMatch(f -> f.endsWith(Path.of("auth", "config.json")));
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> authFileLifetimes() {
        // Per command in order: whether the auth file still exists when it starts.
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(new BuildahTool(ContainersStorageOptions.driver("vfs")), List.of(true, false, false)),
                org.junit.jupiter.params.provider.Arguments.of(new PodmanTool(ContainersStorageOptions.driver("vfs")), List.of(true, false, false)),
                org.junit.jupiter.params.provider.Arguments.of(new DockerTool(), List.of(true, true, false)));
    }

    @ParameterizedTest
    @MethodSource("authFileLifetimes")
    void theAuthFileIsDeletedRightAfterTheLastStepThatNeedsIt(BuildTool builder, List<Boolean> expected) throws Exception {
        List<Boolean> existed = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> existedAtUpload = Collections.synchronizedList(new ArrayList<>());
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> {
            existed.add(authFileExists());
            return pretend(call, out);
        });

        platformBuilder(builder, runner).withLayoutUploader((build, layout, reported) -> {
            existedAtUpload.add(authFileExists());
            return fakeUpload(build, layout, reported);
        }).build(SampleBuilds.armV7());

        assertThat(existed).isEqualTo(expected);
        assertThat(existedAtUpload).doesNotContain(true);
        assertThat(log).noneMatch(l -> l.contains("warning"));
    }

    @Test
    void aFailedPushStillDeletesTheAuthFileBeforeCleanup() throws Exception {
        List<Boolean> existedAtCleanup = Collections.synchronizedList(new ArrayList<>());
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> {
            if (call.has("rm")) {
                existedAtCleanup.add(authFileExists());
            }
            return call.has("push") ? 1 : 0;
        });

        assertThatThrownBy(() -> platformBuilder(new DockerTool(), runner).build(SampleBuilds.armV7()))
                .isInstanceOf(PlatformBuildException.class).hasMessageContaining("push");
        assertThat(existedAtCleanup).containsExactly(false);
    }

    @Test
    void aPendingInterruptIsHeldBackDuringCleanupAndSetAgainAfterwards() {
        List<Boolean> interruptedDuringCleanup = Collections.synchronizedList(new ArrayList<>());
        RecordingCommandRunner runner = new RecordingCommandRunner((call, out) -> {
            if (call.has("push")) {
                Thread.currentThread().interrupt(); // cancelled while pushing
                return 1;
            }
            if (call.has("rm")) {
                interruptedDuringCleanup.add(Thread.currentThread().isInterrupted());
            }
            return 0;
        });

        try {
            assertThatThrownBy(() -> platformBuilder(new DockerTool(), runner).build(SampleBuilds.armV7()))
                    .isInstanceOf(PlatformBuildException.class);
            assertThat(interruptedDuringCleanup).containsExactly(false);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void toolsGivenDockerConfigKeepTheUsersOtherRegistriesButAuthfileToolsGetOnlyOurs() throws Exception {
        Files.writeString(userDocker.resolve("config.json"), "{\"auths\": {\"other.example.com\": {\"auth\": \"b3RoZXI6cGFzcw==\"}}}");

        platformBuilder(new DockerTool(), new RecordingCommandRunner(this::pretend)).build(SampleBuilds.armV7());
        List<String> docker = List.copyOf(authFilesSeen);
        authFilesSeen.clear();
        platformBuilder(new BuildahTool(ContainersStorageOptions.driver("vfs")), new RecordingCommandRunner(this::pretend))
                .build(SampleBuilds.armV7());

        assertThat(docker).isNotEmpty().allSatisfy(seen -> assertThat(seen).contains("other.example.com", ENCODED_PAIR));
        assertThat(authFilesSeen).isNotEmpty().allSatisfy(seen -> assertThat(seen).doesNotContain("other.example.com"));
    }

    @Test
    void anUnreadableUserDockerConfigIsAWarning() throws Exception {
        Files.writeString(userDocker.resolve("config.json"), "not json");

        platformBuilder(new KanikoTool(), new RecordingCommandRunner(this::pretend)).build(SampleBuilds.armV7());

        assertThat(authFilesSeen).singleElement().satisfies(seen -> assertThat(seen).contains(ENCODED_PAIR));
        assertThat(log).anyMatch(l -> l.startsWith("[linux/arm/v7] warning: ignoring the Docker config in " + userDocker + ": "));
    }

    @Test
    void withoutCredentialsNoAuthFileIsWritten() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner(this::pretend);

        new PlatformBuildRunner(new BuildahTool(ContainersStorageOptions.defaults()), runner,
                LocalBuildWorkspace.factory(workspaces), Map.of(), log::add).withLayoutUploader(this::fakeUpload)
                .build(SampleBuilds.armV7());

        assertThat(authFilesSeen).isEmpty();
        assertThat(runner.calls()).allSatisfy(c -> assertThat(c.argv()).doesNotContain("--authfile"));
    }
}
