package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.FakeWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.imagebuild.SampleBuilds;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildahToolTest {

    private final FakeWorkspace workspace = new FakeWorkspace("/ws");
    private final BuildahTool buildah = new BuildahTool(ContainersStorageOptions.driver("vfs"));

    @Test
    void buildsWithPlatformArgsThenPushesToAnOciLayoutWithDigestFileThenRemovesLocalImage() {
        BuildPlan plan = buildah.plan(SampleBuilds.armV7(), workspace, RegistryAuth.inDirectory(Path.of("/ws/auth")));

        List<String> build = new ArrayList<>(List.of("buildah", "--storage-driver", "vfs", "bud",
                "--platform", "linux/arm/v7", "--authfile", "/ws/auth/config.json", "--tls-verify=false",
                "--file", "ctx/Containerfile", "--target", "runtime"));
        build.addAll(SampleBuilds.armV7BuildArgFlags());
        build.addAll(List.of("--label", "org.opencontainers.image.title=app",
                "--tag", "localhost/multiarch-build:r1-linux-arm-v7", "ctx"));
        assertThat(plan.steps()).extracting(Invocation::kind).containsExactly(StepKind.BUILD, StepKind.PUSH);
        assertThat(plan.steps().get(0).argv()).containsExactlyElementsOf(build);
        // The push only writes local files: no credentials, no TLS flag, no tag; the engine uploads the layout.
        assertThat(plan.steps().get(1).argv()).containsExactly("buildah", "--storage-driver", "vfs", "push",
                "--digestfile", "/ws/digest", "localhost/multiarch-build:r1-linux-arm-v7", "oci:/ws/layout");
        assertThat(plan.layout()).contains(Path.of("/ws/layout"));
        assertThat(plan.cleanup()).singleElement().satisfies(c -> assertThat(c.argv()).containsExactly(
                "buildah", "--storage-driver", "vfs", "rmi", "localhost/multiarch-build:r1-linux-arm-v7"));
        assertThat(plan.all()).allSatisfy(i -> assertThat(i.env()).isEmpty());
        assertThat(plan.temporaryTag()).isFalse();
        assertThat(plan.pushedReference()).hasToString("registry.example.com:5000/team/app");
        assertThat(plan.all()).allSatisfy(i -> assertThat(String.join(" ", i.argv())).doesNotContain("multiarch-tmp"));
    }

    @Test
    void withoutCredentialsOrInsecureRegistryTheFlagsAreLeftOut() {
        PlatformBuild build = SampleBuilds.request("linux/amd64").insecureRegistry(false).build().platformBuilds().get(0);

        BuildPlan plan = new BuildahTool(ContainersStorageOptions.defaults()).plan(build, workspace, RegistryAuth.none());

        assertThat(plan.all()).allSatisfy(i -> assertThat(i.argv())
                .doesNotContain("--authfile", "--tls-verify=false", "--storage-driver"));
        assertThat(plan.steps().get(0).argv()).startsWith("buildah", "bud", "--platform", "linux/amd64");
    }

    @Test
    void perPlatformTagGoesThroughTheLayoutTooAndIsTheUploadsTag() {
        PlatformBuild build = SampleBuilds.request("linux/arm64").perPlatformTags("{arch}-{version}").build()
                .platformBuilds().get(0);

        BuildPlan plan = buildah.plan(build, workspace, RegistryAuth.none());

        assertThat(plan.steps().get(1).argv()).last().isEqualTo("oci:/ws/layout");
        assertThat(plan.layout()).isPresent();
        assertThat(plan.pushedReference()).hasToString("registry.example.com:5000/team/app:arm64-1.0");
        assertThat(build.lastingTag()).contains("arm64-1.0");
        assertThat(plan.temporaryTag()).isFalse();
    }

    @Test
    void aWorkspacePathWithAColonIsRefusedBecauseOciPathsCannotHoldOne() {
        assertThatThrownBy(() -> buildah.plan(SampleBuilds.armV7(), new FakeWorkspace("/ws/a:b"), RegistryAuth.none()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("buildah cannot write an OCI layout to /ws/a:b/layout: the path contains ':'; use a build"
                        + " workspace whose path has none");
    }

    @Test
    void storageRootAndRunRootAreGlobalOptions() {
        var storage = new ContainersStorageOptions("vfs", Path.of("/s/root"), Path.of("/s/run"));

        BuildPlan plan = new BuildahTool("/opt/bin/buildah", storage).plan(SampleBuilds.armV7(), workspace, RegistryAuth.none());

        assertThat(plan.all()).allSatisfy(i -> assertThat(i.argv()).startsWith(
                "/opt/bin/buildah", "--storage-driver", "vfs", "--root", "/s/root", "--runroot", "/s/run"));
    }

    @Test
    void readsTheDigestFileThatPushWrote() throws Exception {
        workspace.put(Path.of("digest"), SampleBuilds.DIGEST);

        Digest digest = buildah.readDigest(SampleBuilds.armV7(), workspace, StepOutputs.empty());

        assertThat(digest).hasToString(SampleBuilds.DIGEST);
    }

    @Test
    void aMissingDigestFileIsAClearError() {
        assertThatThrownBy(() -> buildah.readDigest(SampleBuilds.armV7(), workspace, StepOutputs.empty()))
                .isInstanceOf(DigestReadException.class)
                .hasMessage("buildah push succeeded but wrote no digest file at /ws/digest");
    }
}
