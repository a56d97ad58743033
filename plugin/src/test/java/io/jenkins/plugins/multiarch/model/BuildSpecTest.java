package io.jenkins.plugins.multiarch.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildToolKind;
import io.jenkins.plugins.multiarch.engine.imagebuild.PlatformDestination;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSpecTest {

    private static final String IMAGE = "registry.example.com/team/app:1.0";

    @TempDir
    Path workspace;

    private static BuildSpec resolve(BuildArguments args, Map<String, String> env) {
        return BuildSpec.resolve(args, env, "auto", RegistryChoice.NONE);
    }

    @Test
    void platformArgumentThenTargetPlatformThenTheAgents() {
        Map<String, String> env = Map.of(StepEnvironment.TARGET_PLATFORM, "linux/arm/v7");
        assertEquals(Optional.of(Platform.LINUX_ARM64),
                resolve(new BuildArguments().image(IMAGE).platform("linux/arm64"), env).platform());
        assertEquals(Optional.of(Platform.LINUX_ARM_V7), resolve(new BuildArguments().image(IMAGE), env).platform());
        BuildSpec agents = resolve(new BuildArguments().image(IMAGE), Map.of());
        assertEquals(Optional.empty(), agents.platform());
        assertEquals(Platform.LINUX_AMD64, agents.platformFor(Optional.of(Platform.LINUX_AMD64)));
    }

    @Test
    void aBadPlatformNamesWhereItCameFrom() {
        InvalidInputException fromEnv = assertThrows(InvalidInputException.class,
                () -> resolve(new BuildArguments().image(IMAGE), Map.of(StepEnvironment.TARGET_PLATFORM, "linux")));
        assertThat(fromEnv.getMessage(), startsWith("multiArchBuild: TARGETPLATFORM: "));
        Throwable fromArgument = assertThrows(Throwable.class,
                () -> resolve(new BuildArguments().image(IMAGE).platform("linux/"), Map.of()));
        assertThat(fromArgument.getMessage(), startsWith("multiArchBuild: platform: "));
    }

    @Test
    void withoutAnyPlatformTheStepSaysHowToGiveOne() {
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE), Map.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> spec.platformFor(Optional.empty()));
        assertThat(e.getMessage(), allOf(containsString("platform: 'linux/arm64'"), containsString("TARGETPLATFORM")));
    }

    @Test
    void builderArgumentThenEnvironmentThenGlobalAndAutoMeansDetect() {
        Map<String, String> env = Map.of(StepEnvironment.BUILDER, "podman");
        assertEquals(Optional.of(BuildToolKind.KANIKO), BuildSpec.resolve(new BuildArguments().image(IMAGE).builder("kaniko"),
                env, "buildah", RegistryChoice.NONE).builder());
        assertEquals(Optional.of(BuildToolKind.PODMAN),
                BuildSpec.resolve(new BuildArguments().image(IMAGE), env, "buildah", RegistryChoice.NONE).builder());
        assertEquals(Optional.of(BuildToolKind.BUILDAH),
                BuildSpec.resolve(new BuildArguments().image(IMAGE), Map.of(), "buildah", RegistryChoice.NONE).builder());
        assertEquals(Optional.empty(),
                BuildSpec.resolve(new BuildArguments().image(IMAGE), Map.of(), "auto", RegistryChoice.NONE).builder());
    }

    @Test
    void anUnknownBuilderNamesItsSourceAndTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve(new BuildArguments().image(IMAGE), Map.of(StepEnvironment.BUILDER, "bildah")));
        assertThat(e.getMessage(), allOf(containsString("'bildah' (from MULTIARCH_BUILDER)"),
                containsString("buildah, podman, docker, buildx, kaniko")));
    }

    @Test
    void annotationsOnAPlatformImageAreRefusedWithWhereTheyGo() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve(new BuildArguments().image(IMAGE)
                .annotations(Map.of("org.opencontainers.image.source", "x")), Map.of()));
        assertThat(e.getMessage(), allOf(containsString("org.opencontainers.image.source"),
                containsString("multiArchPublish")));
    }

    @Test
    void theRequestIsMadeInTheWorkspace() throws IOException {
        Path context = Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/Containerfile.prod"), "FROM scratch\n");
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE).platform("linux/arm64").context("app")
                .file("app/Containerfile.prod").buildArgs(Map.of("VERSION", "1.0")).target("final")
                .tagTemplate("{arch}-{version}").labels(Map.of("team", "a")).builder("buildah"), Map.of());

        BuildRequest request = spec.request(workspace, Optional.of(Platform.LINUX_AMD64));

        assertEquals(context, request.contextDir());
        assertEquals(Optional.of(workspace.resolve("app/Containerfile.prod")), request.dockerfile());
        assertThat(request.platforms(), contains(Platform.LINUX_ARM64));
        assertThat(request.buildArgs().entrySet(), contains(Map.entry("VERSION", "1.0")));
        assertEquals(Optional.of("final"), request.targetStage());
        assertThat(request.labels().entrySet(), contains(Map.entry("team", "a")));
        assertEquals(Optional.of(BuildToolKind.BUILDAH), request.tool());
        assertInstanceOf(PlatformDestination.Tagged.class, request.destination());
        assertThat(request.target(), hasToString(IMAGE));
    }

    @Test
    void theContextDefaultsToTheWorkspaceAndFromTheEnvironment() throws IOException {
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE), Map.of());
        assertEquals(workspace, spec.request(workspace, Optional.of(Platform.LINUX_AMD64)).contextDir());
        Files.createDirectories(workspace.resolve("sub"));
        Files.writeString(workspace.resolve("sub/Containerfile"), "FROM scratch\n");
        BuildSpec fromEnv = resolve(new BuildArguments().image(IMAGE), Map.of(StepEnvironment.CONTEXT, "sub"));
        assertEquals(workspace.resolve("sub"), fromEnv.request(workspace, Optional.of(Platform.LINUX_AMD64)).contextDir());
    }

    @Test
    void aMissingContextFileOrDockerfileIsNamed() throws IOException {
        InvalidInputException context = assertThrows(InvalidInputException.class,
                () -> resolve(new BuildArguments().image(IMAGE).context("nope"), Map.of())
                        .request(workspace, Optional.of(Platform.LINUX_AMD64)));
        assertThat(context.getMessage(), containsString("context 'nope' is not a directory"));
        InvalidInputException file = assertThrows(InvalidInputException.class,
                () -> resolve(new BuildArguments().image(IMAGE).file("Dockerfile.x"), Map.of())
                        .request(workspace, Optional.of(Platform.LINUX_AMD64)));
        assertThat(file.getMessage(), containsString("file 'Dockerfile.x' is not a file"));
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> resolve(new BuildArguments().image(IMAGE), Map.of())
                        .request(workspace, Optional.of(Platform.LINUX_AMD64)));
        assertThat(none.getMessage(), containsString("no Dockerfile or Containerfile"));
    }

    @Test
    void reservedBuildArgumentsAreRefusedByTheEngine() throws IOException {
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE).buildArgs(Map.of("TARGETARCH", "arm64")), Map.of());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> spec.request(workspace, Optional.of(Platform.LINUX_AMD64)));
        assertThat(e.getMessage(), containsString("TARGETARCH"));
    }

    @Test
    void itTravelsToTheAgentAsJavaSerialization() throws IOException {
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE).credentialsId("creds")
                .buildArgs(Map.of("A", "b")), Map.of());
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(spec);
        }
    }
}
