package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.platform.Platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The build arguments that tell a Dockerfile which platform it builds for, under BuildKit's names
 * ({@code TARGETPLATFORM}, {@code TARGETOS}, {@code TARGETARCH}, {@code TARGETVARIANT}, and the {@code BUILD*}
 * ones when the build machine's platform is known) and Go's ({@code GOOS}, {@code GOARCH}, {@code GOARM} for
 * arm, {@code GOAMD64}/{@code GOARM64} when amd64/arm64 name a variant), so a Dockerfile can cross-compile with
 * {@code RUN GOOS=$GOOS GOARCH=$GOARCH go build}.
 *
 * <p>They are passed as {@code --build-arg} to every builder: buildah, podman and docker without BuildKit do not
 * set them, and BuildKit sets the same values anyway. They are the platform's, so a user build argument may not
 * set any of them (see {@link #RESERVED}).
 */
public final class PlatformBuildArgs {

    /** Names derived from the platform; a user build argument with one of these names is an error. */
    public static final Set<String> RESERVED = Set.of(
            "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
            "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
            "GOOS", "GOARCH", "GOARM", "GOAMD64", "GOARM64");

    private PlatformBuildArgs() {
    }

    /**
     * The arguments for a build of {@code target}, in a stable order.
     *
     * @param buildPlatform the platform of the machine that runs the builder, when known
     */
    public static Map<String, String> of(Platform target, Optional<Platform> buildPlatform) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("TARGETPLATFORM", target.toString());
        args.put("TARGETOS", target.os());
        args.put("TARGETARCH", target.architecture());
        args.put("TARGETVARIANT", target.variant() == null ? "" : target.variant());
        buildPlatform.ifPresent(build -> {
            args.put("BUILDPLATFORM", build.toString());
            args.put("BUILDOS", build.os());
            args.put("BUILDARCH", build.architecture());
            args.put("BUILDVARIANT", build.variant() == null ? "" : build.variant());
        });
        args.put("GOOS", target.os());
        args.put("GOARCH", target.architecture());
        if (target.variant() != null) {
            switch (target.architecture()) {
                case "arm" -> args.put("GOARM", target.variantNumber());
                case "amd64" -> args.put("GOAMD64", target.variant());
                case "arm64" -> args.put("GOARM64", target.variant());
                default -> { }
            }
        }
        return args;
    }
}
