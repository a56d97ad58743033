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

class BuildxToolTest {

    private final FakeWorkspace workspace = new FakeWorkspace("/ws");

    @Test
    void byDigestPushesWithoutAnyTagInOneCommand() {
        BuildxTool buildx = new BuildxTool("docker", "multi", Path.of("/home/ci/.docker/buildx"));

        BuildPlan plan = buildx.plan(SampleBuilds.armV7(), workspace, RegistryAuth.inDirectory(Path.of("/ws/auth")));

        List<String> argv = new ArrayList<>(List.of("docker", "buildx", "build", "--builder", "multi",
                "--platform", "linux/arm/v7", "--provenance=false", "--file", "ctx/Containerfile", "--target", "runtime"));
        argv.addAll(SampleBuilds.armV7BuildArgFlags());
        argv.addAll(List.of("--label", "org.opencontainers.image.title=app",
                "--metadata-file", "/ws/buildx-metadata.json",
                "--output", "type=image,name=registry.example.com:5000/team/app,push-by-digest=true,name-canonical=true,push=true,registry.insecure=true",
                "ctx"));
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(StepKind.BUILD_AND_PUSH);
            assertThat(step.argv()).containsExactlyElementsOf(argv);
            assertThat(step.env()).containsExactly(
                    Map.entry("DOCKER_CONFIG", "/ws/auth"), Map.entry("BUILDX_CONFIG", "/home/ci/.docker/buildx"));
        });
        assertThat(plan.cleanup()).isEmpty();
        assertThat(plan.pushedReference()).hasToString("registry.example.com:5000/team/app");
        assertThat(plan.temporaryTag()).isFalse();
        assertThat(plan.layout()).isEmpty();
    }

    @Test
    void perPlatformTagOnAnInsecureRegistryPushesThroughAnInsecureOutput() {
        PlatformBuild build = SampleBuilds.request("linux/arm/v7").perPlatformTags("{arch}-{version}")
                .build().platformBuilds().get(0);

        List<String> argv = new BuildxTool("docker", null, null).plan(build, workspace, RegistryAuth.none()).steps().get(0).argv();

        assertThat(argv).containsSubsequence("--output",
                "type=image,name=registry.example.com:5000/team/app:arm-1.0,push=true,registry.insecure=true", "ctx");
        assertThat(argv).doesNotContain("--tag", "--push");
    }

    @Test
    void perPlatformTagUsesTagAndPush() {
        PlatformBuild build = SampleBuilds.request("linux/arm/v7").perPlatformTags("{os}-{arch}{variant}-{version}")
                .insecureRegistry(false).build().platformBuilds().get(0);

        BuildPlan plan = new BuildxTool("docker", null, null).plan(build, workspace, RegistryAuth.none());

        List<String> argv = plan.steps().get(0).argv();
        assertThat(argv).containsSubsequence("--tag", "registry.example.com:5000/team/app:linux-armv7-1.0", "--push", "ctx");
        assertThat(argv).doesNotContain("--builder").noneMatch(a -> a.startsWith("type=image"));
        assertThat(plan.steps().get(0).env()).isEmpty();
        assertThat(plan.pushedReference()).hasToString("registry.example.com:5000/team/app:linux-armv7-1.0");
    }

    @Test
    void readsContainerimageDigestFromMetadataFile() throws Exception {
        workspace.put(Path.of("buildx-metadata.json"), BuildxMetadataTest.SAMPLE);

        assertThat(new BuildxTool("docker", null, null).readDigest(SampleBuilds.armV7(), workspace, StepOutputs.empty()))
                .hasToString("sha256:" + "12".repeat(32));
    }
}
