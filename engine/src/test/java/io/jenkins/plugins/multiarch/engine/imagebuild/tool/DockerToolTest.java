package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.imagebuild.FakeWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.SampleBuilds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerToolTest {

    private final FakeWorkspace workspace = new FakeWorkspace("/ws");
    private final DockerTool docker = new DockerTool();

    @Test
    void buildsTagsPushesAndRemovesWithCredentialsInDockerConfig() {
        BuildPlan plan = docker.plan(SampleBuilds.armV7(), workspace, RegistryAuth.inDirectory(Path.of("/ws/auth")));

        String ref = "registry.example.com:5000/team/app:multiarch-tmp-linux-arm-v7-r1";
        List<String> build = new ArrayList<>(List.of("docker", "build", "--platform", "linux/arm/v7",
                "--file", "ctx/Containerfile", "--target", "runtime"));
        build.addAll(SampleBuilds.armV7BuildArgFlags());
        build.addAll(List.of("--label", "org.opencontainers.image.title=app", "--tag", ref, "ctx"));
        assertThat(plan.steps().get(0).argv()).containsExactlyElementsOf(build);
        assertThat(plan.steps().get(1).argv()).containsExactly("docker", "push", ref);
        assertThat(plan.cleanup().get(0).argv()).containsExactly("docker", "image", "rm", ref);
        assertThat(plan.all()).allSatisfy(i -> assertThat(i.env()).isEqualTo(Map.of("DOCKER_CONFIG", "/ws/auth")));
        // The daemon decides about insecure registries; there is no per-command flag to pass.
        assertThat(plan.all()).allSatisfy(i -> assertThat(i.argv()).noneMatch(a -> a.contains("insecure") || a.contains("tls")));
        // docker push cannot push without a tag, nor write a layout: by digest means a temporary tag.
        assertThat(plan.temporaryTag()).isTrue();
        assertThat(plan.layout()).isEmpty();
    }

    @Test
    void withoutCredentialsDockerConfigIsLeftAlone() {
        BuildPlan plan = docker.plan(SampleBuilds.armV7(), workspace, RegistryAuth.none());

        assertThat(plan.all()).allSatisfy(i -> assertThat(i.env()).isEmpty());
    }

    @Test
    void readsTheDigestFromDockerPushOutput() throws Exception {
        var outputs = StepOutputs.empty().with(StepKind.PUSH, List.of(
                "The push refers to repository [registry.example.com:5000/team/app]",
                "5f70bf18a086: Pushed",
                "multiarch-tmp-linux-arm-v7-r1: digest: " + SampleBuilds.DIGEST + " size: 528"));

        assertThat(docker.readDigest(SampleBuilds.armV7(), workspace, outputs)).hasToString(SampleBuilds.DIGEST);
    }

    @Test
    void pushOutputWithoutDigestLineIsAClearError() {
        var outputs = StepOutputs.empty().with(StepKind.PUSH, List.of("5f70bf18a086: Pushed"));

        assertThatThrownBy(() -> docker.readDigest(SampleBuilds.armV7(), workspace, outputs))
                .isInstanceOf(DigestReadException.class)
                .hasMessageContaining("multiarch-tmp-linux-arm-v7-r1: digest: sha256:... size: N")
                .hasMessageContaining("5f70bf18a086: Pushed");
    }
}
