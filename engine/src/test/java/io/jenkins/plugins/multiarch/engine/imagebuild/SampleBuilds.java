package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;

/** Requests used across the build tests. */
public final class SampleBuilds {

    public static final String REGISTRY = "registry.example.com:5000";
    public static final String PASSWORD = "pa55-W0rd:with/odd+chars";
    public static final Map<String, Credentials> CREDENTIALS = Map.of(REGISTRY, Credentials.of("ci-bot", PASSWORD));
    public static final String DIGEST = "sha256:" + "ab".repeat(32);

    private SampleBuilds() {
    }

    /** A full-featured request: Dockerfile, stage, one user arg, one label, insecure registry, fixed run id. */
    public static BuildRequest.Builder request(String... platforms) {
        return BuildRequest.builder(ImageReference.parse(REGISTRY + "/team/app:1.0"), Path.of("ctx"))
                .platforms(java.util.Arrays.stream(platforms).map(Platform::parse).toList())
                .dockerfile(Path.of("ctx/Containerfile"))
                .targetStage("runtime")
                .buildArg("APP_VERSION", "1.0")
                .label("org.opencontainers.image.title", "app")
                .insecureRegistry(true)
                .runId("r1");
    }

    public static PlatformBuild armV7() {
        return request("linux/arm/v7").build().platformBuilds().get(0);
    }

    /** The --build-arg flags armV7() produces, in order. */
    public static List<String> armV7BuildArgFlags() {
        return List.of(
                "--build-arg", "TARGETPLATFORM=linux/arm/v7",
                "--build-arg", "TARGETOS=linux",
                "--build-arg", "TARGETARCH=arm",
                "--build-arg", "TARGETVARIANT=v7",
                "--build-arg", "GOOS=linux",
                "--build-arg", "GOARCH=arm",
                "--build-arg", "GOARM=7",
                "--build-arg", "APP_VERSION=1.0");
    }
}
