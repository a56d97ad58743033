package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class BuildRequestTest {

    private static BuildRequest.Builder request(String target) {
        return BuildRequest.builder(ImageReference.parse(target), Path.of("."));
    }

    @Test
    void onePlatformBuildPerPlatformInRequestOrder() {
        List<PlatformBuild> builds = SampleBuilds.request("linux/arm64", "linux/amd64", "linux/arm/v7").build().platformBuilds();

        assertThat(builds).extracting(b -> b.platform().toString())
                .containsExactly("linux/arm64", "linux/amd64", "linux/arm/v7");
        PlatformBuild arm = builds.get(2);
        assertThat(arm.target()).hasToString("registry.example.com:5000/team/app:1.0");
        assertThat(arm.contextDir()).isEqualTo(Path.of("ctx"));
        assertThat(arm.dockerfile()).contains(Path.of("ctx/Containerfile"));
        assertThat(arm.targetStage()).contains("runtime");
        assertThat(arm.labels()).containsExactly(entry("org.opencontainers.image.title", "app"));
        assertThat(arm.insecureRegistry()).isTrue();
        assertThat(arm.buildArgs()).containsEntry("TARGETARCH", "arm").containsEntry("GOARM", "7")
                .containsEntry("APP_VERSION", "1.0");
        assertThat(arm.buildArgs().keySet()).last().isEqualTo("APP_VERSION");
    }

    @Test
    void byDigestIsTheDefaultAndUsesAUniqueTemporaryTagPerRunAndPlatform() {
        BuildRequest request = request("reg.example.com/app:1.0").platform(Platform.LINUX_ARM64).build();
        BuildRequest another = request("reg.example.com/app:1.0").platform(Platform.LINUX_ARM64).build();

        PlatformBuild build = request.platformBuilds().get(0);

        assertThat(request.destination()).isInstanceOf(PlatformDestination.ByDigest.class);
        assertThat(build.byDigest()).isTrue();
        assertThat(build.pushReference().repositoryName()).isEqualTo("reg.example.com/app");
        assertThat(build.pushReference().tag()).contains("multiarch-tmp-linux-arm64-" + request.runId());
        assertThat(build.localName()).isEqualTo("localhost/multiarch-build:" + request.runId() + "-linux-arm64");
        assertThat(request.runId()).matches("[0-9a-f]{12}").isNotEqualTo(another.runId());
    }

    @Test
    void perPlatformTagsComeFromTheTemplateWithTheTargetTagAsVersion() {
        List<PlatformBuild> builds = request("reg.example.com/app:2.1")
                .platforms(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM_V7))
                .perPlatformTags("{arch}{variant}-{version}").build().platformBuilds();

        assertThat(builds).extracting(b -> b.pushReference().toString())
                .containsExactly("reg.example.com/app:amd64-2.1", "reg.example.com/app:armv7-2.1");
        assertThat(builds).noneMatch(PlatformBuild::byDigest);
    }

    @Test
    void versionIsLatestWhenTheTargetHasNoTag() {
        BuildRequest request = request("reg.example.com/app").platform(Platform.LINUX_AMD64)
                .perPlatformTags("{arch}-{version}").build();

        assertThat(request.version()).isEqualTo("latest");
        assertThat(request.platformBuilds().get(0).pushReference().tag()).contains("amd64-latest");
    }

    @Test
    void aTemplateThatGivesTwoPlatformsTheSameTagIsRejected() {
        var builder = request("reg.example.com/app:1.0")
                .platforms(List.of(Platform.parse("linux/arm/v6"), Platform.parse("linux/arm/v7")))
                .perPlatformTags("{arch}-{version}");

        assertThatThrownBy(builder::build).isInstanceOf(InvalidBuildRequestException.class)
                .hasMessage("tag template '{arch}-{version}' gives the same tag 'arm-1.0' for linux/arm/v6 and"
                        + " linux/arm/v7; add {arch}, {variant} or {platform}");
    }

    @Test
    void aTemplateThatGivesTheIndexTagIsRejected() {
        var builder = request("reg.example.com/app:1.0").platform(Platform.LINUX_AMD64).perPlatformTags("{version}");

        assertThatThrownBy(builder::build).hasMessageContaining("the tag of the multi-arch image itself");
    }

    @Test
    void aUserBuildArgMayNotSetAPlatformArg() {
        assertThatThrownBy(() -> request("reg.example.com/app:1").buildArg("TARGETARCH", "arm64"))
                .isInstanceOf(InvalidBuildRequestException.class)
                .hasMessageStartingWith("build argument TARGETARCH is set for each platform from the platform itself"
                        + " and cannot be given for the whole build")
                .hasMessageContaining("GOARCH, GOARM");
        assertThatThrownBy(() -> request("reg.example.com/app:1").buildArg("GOAMD64", "v3"))
                .hasMessageStartingWith("build argument GOAMD64 is set for each platform");
    }

    @Test
    void badNamesAreRejectedWithWhatWouldBeValid() {
        assertThatThrownBy(() -> request("reg.example.com/app:1").buildArg("A=B", "x"))
                .hasMessage("invalid build argument name 'A=B': it must be non-empty, without '=' or spaces");
        assertThatThrownBy(() -> request("reg.example.com/app:1").label("", "x"))
                .hasMessage("invalid label key '': it must be non-empty, without '='");
        assertThatThrownBy(() -> request("reg.example.com/app:1").targetStage("my stage"))
                .hasMessageContaining("invalid target stage 'my stage'");
        assertThatThrownBy(() -> request("reg.example.com/app:1").runId("UPPER"))
                .hasMessageContaining("invalid run id 'UPPER'");
    }

    @Test
    void noPlatformsDuplicatePlatformsAndDigestTargetsAreRejected() {
        assertThatThrownBy(() -> request("reg.example.com/app:1").build())
                .hasMessage("no platforms given for reg.example.com/app:1; name at least one, e.g. linux/amd64");
        assertThatThrownBy(() -> request("reg.example.com/app:1").platform(Platform.parse("arm64"))
                .platform(Platform.parse("linux/aarch64")).build())
                .hasMessage("platform linux/arm64 is given twice");
        assertThatThrownBy(() -> request("reg.example.com/app@sha256:" + "aa".repeat(32)))
                .hasMessageContaining("names a digest");
    }

    @Test
    void buildPlatformIsPassedToEveryPlatformBuild() {
        List<PlatformBuild> builds = request("reg.example.com/app:1")
                .platforms(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64))
                .buildPlatform(Platform.LINUX_AMD64).build().platformBuilds();

        assertThat(builds).allSatisfy(b -> assertThat(b.buildArgs()).containsEntry("BUILDPLATFORM", "linux/amd64"));
    }

    @Test
    void aPerPlatformTagMayNotEqualAnExtraIndexTag() {
        BuildRequest.Builder builder = request("reg.example.com/app:1.0")
                .platforms(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64))
                .perPlatformTags("{arch}")
                .indexTags(List.of("latest", "arm64"));

        assertThatThrownBy(builder::build).isInstanceOf(InvalidBuildRequestException.class)
                .hasMessage("tag template '{arch}' gives 'arm64' for linux/arm64, which is also an extra tag of the"
                        + " multi-arch image; per-platform tags must differ from the image's tags, so change the"
                        + " template or that tag");
    }

    @Test
    void extraIndexTagsThatNoPlatformUsesAreKept() {
        BuildRequest request = request("reg.example.com/app:1.0").platform(Platform.LINUX_AMD64)
                .perPlatformTags("{arch}-{version}").indexTags(List.of("latest", "amd64")).build();

        assertThat(request.indexTags()).containsExactly("latest", "amd64");
        assertThat(request.platformBuilds().get(0).pushReference().tag()).contains("amd64-1.0");
    }
}
