package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class PlatformBuildArgsTest {

    @Test
    void amd64HasNoVariantAndNoGoarm() {
        assertThat(PlatformBuildArgs.of(Platform.LINUX_AMD64, Optional.empty())).containsExactly(
                entry("TARGETPLATFORM", "linux/amd64"), entry("TARGETOS", "linux"), entry("TARGETARCH", "amd64"),
                entry("TARGETVARIANT", ""), entry("GOOS", "linux"), entry("GOARCH", "amd64"));
    }

    @Test
    void armV7SetsTargetVariantWithVAndGoarmWithout() {
        Map<String, String> args = PlatformBuildArgs.of(Platform.parse("linux/arm/v7"), Optional.empty());

        assertThat(args).contains(entry("TARGETPLATFORM", "linux/arm/v7"), entry("TARGETARCH", "arm"),
                entry("TARGETVARIANT", "v7"), entry("GOARCH", "arm"), entry("GOARM", "7"));
    }

    @Test
    void armV6GetsGoarm6() {
        assertThat(PlatformBuildArgs.of(Platform.parse("linux/arm/v6"), Optional.empty())).containsEntry("GOARM", "6");
    }

    @Test
    void arm64HasNoGoarm() {
        assertThat(PlatformBuildArgs.of(Platform.LINUX_ARM64, Optional.empty()))
                .containsEntry("TARGETARCH", "arm64").containsEntry("GOARCH", "arm64")
                .doesNotContainKeys("GOARM", "GOARM64");
    }

    @Test
    void amd64AndArm64VariantsBecomeGoamd64AndGoarm64() {
        assertThat(PlatformBuildArgs.of(Platform.parse("linux/amd64/v3"), Optional.empty()))
                .containsEntry("GOAMD64", "v3").containsEntry("TARGETVARIANT", "v3").doesNotContainKey("GOARM");
        assertThat(PlatformBuildArgs.of(Platform.parse("linux/arm64/v8.2"), Optional.empty()))
                .containsEntry("GOARM64", "v8.2");
    }

    @Test
    void buildPlatformArgsAppearOnlyWhenKnown() {
        Map<String, String> args = PlatformBuildArgs.of(Platform.LINUX_ARM64, Optional.of(Platform.parse("linux/arm/v7")));

        assertThat(args).contains(entry("BUILDPLATFORM", "linux/arm/v7"), entry("BUILDOS", "linux"),
                entry("BUILDARCH", "arm"), entry("BUILDVARIANT", "v7"));
        assertThat(PlatformBuildArgs.of(Platform.LINUX_ARM64, Optional.empty())).doesNotContainKey("BUILDPLATFORM");
    }

    @Test
    void everyNameProducedIsReserved() {
        Map<String, String> all = PlatformBuildArgs.of(Platform.parse("linux/amd64/v2"), Optional.of(Platform.LINUX_AMD64));
        all.putAll(PlatformBuildArgs.of(Platform.parse("linux/arm/v7"), Optional.empty()));
        all.putAll(PlatformBuildArgs.of(Platform.parse("linux/arm64/v9"), Optional.empty()));

        assertThat(PlatformBuildArgs.RESERVED).containsExactlyInAnyOrderElementsOf(all.keySet());
    }
}
