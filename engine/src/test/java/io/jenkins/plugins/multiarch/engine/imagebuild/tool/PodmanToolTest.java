package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.imagebuild.FakeWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.SampleBuilds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PodmanToolTest {

    private final FakeWorkspace workspace = new FakeWorkspace("/ws");

    @Test
    void buildsWithPodmanBuildAndPushesToAnOciLayoutWithDigestFile() throws Exception {
        PodmanTool podman = new PodmanTool(ContainersStorageOptions.driver("vfs"));

        BuildPlan plan = podman.plan(SampleBuilds.armV7(), workspace, RegistryAuth.inDirectory(Path.of("/ws/auth")));

        List<String> build = new ArrayList<>(List.of("podman", "--storage-driver", "vfs", "build",
                "--platform", "linux/arm/v7", "--authfile", "/ws/auth/config.json", "--tls-verify=false",
                "--file", "ctx/Containerfile", "--target", "runtime"));
        build.addAll(SampleBuilds.armV7BuildArgFlags());
        build.addAll(List.of("--label", "org.opencontainers.image.title=app",
                "--tag", "localhost/multiarch-build:r1-linux-arm-v7", "ctx"));
        assertThat(plan.steps().get(0).argv()).containsExactlyElementsOf(build);
        assertThat(plan.steps().get(1).argv()).containsExactly("podman", "--storage-driver", "vfs", "push",
                "--digestfile", "/ws/digest", "localhost/multiarch-build:r1-linux-arm-v7", "oci:/ws/layout");
        assertThat(plan.layout()).contains(Path.of("/ws/layout"));
        assertThat(plan.pushedReference()).hasToString("registry.example.com:5000/team/app");
        assertThat(plan.temporaryTag()).isFalse();
        assertThat(plan.cleanup().get(0).argv()).containsExactly(
                "podman", "--storage-driver", "vfs", "rmi", "localhost/multiarch-build:r1-linux-arm-v7");

        workspace.put(Path.of("digest"), SampleBuilds.DIGEST + "\n");
        assertThat(podman.readDigest(SampleBuilds.armV7(), workspace, StepOutputs.empty())).hasToString(SampleBuilds.DIGEST);
        assertThat(podman.name()).isEqualTo("podman");
    }
}
