package io.jenkins.plugins.multiarch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(resolve(new BuildArguments().image(IMAGE).platform("linux/arm64"), env).platform())
                .contains(Platform.LINUX_ARM64);
        assertThat(resolve(new BuildArguments().image(IMAGE), env).platform()).contains(Platform.LINUX_ARM_V7);
        BuildSpec agents = resolve(new BuildArguments().image(IMAGE), Map.of());
        assertThat(agents.platform()).isEmpty();
        assertThat(agents.platformFor(Optional.of(Platform.LINUX_AMD64))).isEqualTo(Platform.LINUX_AMD64);
    }

    @Test
    void aBadPlatformNamesWhereItCameFrom() {
        assertThatThrownBy(() -> resolve(new BuildArguments().image(IMAGE), Map.of(StepEnvironment.TARGET_PLATFORM, "linux")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("multiArchBuild: TARGETPLATFORM: ");
        assertThatThrownBy(() -> resolve(new BuildArguments().image(IMAGE).platform("linux/"), Map.of()))
                .hasMessageStartingWith("multiArchBuild: platform: ");
    }

    @Test
    void withoutAnyPlatformTheStepSaysHowToGiveOne() {
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE), Map.of());
        assertThatThrownBy(() -> spec.platformFor(Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("platform: 'linux/arm64'")
                .hasMessageContaining("TARGETPLATFORM");
    }

    @Test
    void builderArgumentThenEnvironmentThenGlobalAndAutoMeansDetect() {
        Map<String, String> env = Map.of(StepEnvironment.BUILDER, "podman");
        assertThat(BuildSpec.resolve(new BuildArguments().image(IMAGE).builder("kaniko"), env, "buildah",
                RegistryChoice.NONE).builder()).contains(BuildToolKind.KANIKO);
        assertThat(BuildSpec.resolve(new BuildArguments().image(IMAGE), env, "buildah", RegistryChoice.NONE).builder())
                .contains(BuildToolKind.PODMAN);
        assertThat(BuildSpec.resolve(new BuildArguments().image(IMAGE), Map.of(), "buildah", RegistryChoice.NONE)
                .builder()).contains(BuildToolKind.BUILDAH);
        assertThat(BuildSpec.resolve(new BuildArguments().image(IMAGE), Map.of(), "auto", RegistryChoice.NONE)
                .builder()).isEmpty();
    }

    @Test
    void anUnknownBuilderNamesItsSourceAndTheValidOnes() {
        assertThatThrownBy(() -> resolve(new BuildArguments().image(IMAGE), Map.of(StepEnvironment.BUILDER, "bildah")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'bildah' (from MULTIARCH_BUILDER)")
                .hasMessageContaining("buildah, podman, docker, buildx, kaniko");
    }

    @Test
    void annotationsOnAPlatformImageAreRefusedWithWhereTheyGo() {
        assertThatThrownBy(() -> resolve(new BuildArguments().image(IMAGE)
                .annotations(Map.of("org.opencontainers.image.source", "x")), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("org.opencontainers.image.source")
                .hasMessageContaining("multiArchPublish");
    }

    @Test
    void theRequestIsMadeInTheWorkspace() throws IOException {
        Path context = Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/Containerfile.prod"), "FROM scratch\n");
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE).platform("linux/arm64").context("app")
                .file("app/Containerfile.prod").buildArgs(Map.of("VERSION", "1.0")).target("final")
                .tagTemplate("{arch}-{version}").labels(Map.of("team", "a")).builder("buildah"), Map.of());

        BuildRequest request = spec.request(workspace, Optional.of(Platform.LINUX_AMD64));

        assertThat(request.contextDir()).isEqualTo(context);
        assertThat(request.dockerfile()).contains(workspace.resolve("app/Containerfile.prod"));
        assertThat(request.platforms()).containsExactly(Platform.LINUX_ARM64);
        assertThat(request.buildArgs()).containsExactly(Map.entry("VERSION", "1.0"));
        assertThat(request.targetStage()).contains("final");
        assertThat(request.labels()).containsExactly(Map.entry("team", "a"));
        assertThat(request.tool()).contains(BuildToolKind.BUILDAH);
        assertThat(request.destination()).isInstanceOf(PlatformDestination.Tagged.class);
        assertThat(request.target()).hasToString(IMAGE);
    }

    @Test
    void theContextDefaultsToTheWorkspaceAndFromTheEnvironment() throws IOException {
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE), Map.of());
        assertThat(spec.request(workspace, Optional.of(Platform.LINUX_AMD64)).contextDir()).isEqualTo(workspace);
        Files.createDirectories(workspace.resolve("sub"));
        Files.writeString(workspace.resolve("sub/Containerfile"), "FROM scratch\n");
        BuildSpec fromEnv = resolve(new BuildArguments().image(IMAGE), Map.of(StepEnvironment.CONTEXT, "sub"));
        assertThat(fromEnv.request(workspace, Optional.of(Platform.LINUX_AMD64)).contextDir())
                .isEqualTo(workspace.resolve("sub"));
    }

    @Test
    void aMissingContextFileOrDockerfileIsNamed() throws IOException {
        assertThatThrownBy(() -> resolve(new BuildArguments().image(IMAGE).context("nope"), Map.of())
                .request(workspace, Optional.of(Platform.LINUX_AMD64)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("context 'nope' is not a directory");
        assertThatThrownBy(() -> resolve(new BuildArguments().image(IMAGE).file("Dockerfile.x"), Map.of())
                .request(workspace, Optional.of(Platform.LINUX_AMD64)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("file 'Dockerfile.x' is not a file");
        assertThatThrownBy(() -> resolve(new BuildArguments().image(IMAGE), Map.of())
                .request(workspace, Optional.of(Platform.LINUX_AMD64)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no Dockerfile or Containerfile");
    }

    @Test
    void reservedBuildArgumentsAreRefusedByTheEngine() throws IOException {
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
        BuildSpec spec = resolve(new BuildArguments().image(IMAGE).buildArgs(Map.of("TARGETARCH", "arm64")), Map.of());
        assertThatThrownBy(() -> spec.request(workspace, Optional.of(Platform.LINUX_AMD64)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("TARGETARCH");
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
