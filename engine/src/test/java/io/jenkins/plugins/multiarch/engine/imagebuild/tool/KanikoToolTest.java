package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.imagebuild.FakeWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.imagebuild.SampleBuilds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KanikoToolTest {

    private final FakeWorkspace workspace = new FakeWorkspace("/ws");
    private final KanikoTool kaniko = new KanikoTool();

    @Test
    void oneExecutorCommandWithDestinationDigestFileAndPlatform() {
        BuildPlan plan = kaniko.plan(SampleBuilds.armV7(), workspace, RegistryAuth.inDirectory(Path.of("/ws/auth")));

        List<String> argv = new ArrayList<>(List.of("/kaniko/executor", "--context", "ctx",
                "--dockerfile", "ctx/Containerfile", "--target", "runtime"));
        argv.addAll(SampleBuilds.armV7BuildArgFlags());
        argv.addAll(List.of("--label", "org.opencontainers.image.title=app",
                "--custom-platform", "linux/arm/v7",
                "--destination", "registry.example.com:5000/team/app:multiarch-tmp-linux-arm-v7-r1",
                "--digest-file", "/ws/digest", "--insecure-registry", "registry.example.com:5000",
                "--skip-tls-verify-registry", "registry.example.com:5000", "--ignore-path", "/ws", "--cleanup"));
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(StepKind.BUILD_AND_PUSH);
            assertThat(step.argv()).containsExactlyElementsOf(argv);
            assertThat(step.env()).isEqualTo(Map.of("DOCKER_CONFIG", "/ws/auth"));
        });
        assertThat(plan.temporaryTag()).isTrue();
        assertThat(plan.layout()).isEmpty();
        assertThat(kaniko.maxParallelBuilds()).isEqualTo(1);
    }

    @Test
    void secureRegistryAndNoDockerfileLeaveTheirFlagsOut() {
        PlatformBuild build = io.jenkins.plugins.multiarch.engine.imagebuild.BuildRequest
                .builder(io.jenkins.plugins.multiarch.engine.reference.ImageReference.parse("ghcr.io/o/app:2"), Path.of("/workspace"))
                .platform(io.jenkins.plugins.multiarch.engine.platform.Platform.LINUX_ARM64)
                .perPlatformTags("{arch}-{version}")
                .build().platformBuilds().get(0);

        BuildPlan plan = kaniko.plan(build, workspace, RegistryAuth.none());

        assertThat(plan.steps().get(0).argv()).containsExactly("/kaniko/executor", "--context", "/workspace",
                "--build-arg", "TARGETPLATFORM=linux/arm64", "--build-arg", "TARGETOS=linux",
                "--build-arg", "TARGETARCH=arm64", "--build-arg", "TARGETVARIANT=",
                "--build-arg", "GOOS=linux", "--build-arg", "GOARCH=arm64",
                "--custom-platform", "linux/arm64", "--destination", "ghcr.io/o/app:arm64-2",
                "--digest-file", "/ws/digest", "--ignore-path", "/ws", "--cleanup");
        assertThat(plan.steps().get(0).env()).isEmpty();
    }

    @Test
    void readsTheKanikoDigestFile() throws Exception {
        workspace.put(Path.of("digest"), SampleBuilds.DIGEST);

        assertThat(kaniko.readDigest(SampleBuilds.armV7(), workspace, StepOutputs.empty())).hasToString(SampleBuilds.DIGEST);
    }
}
