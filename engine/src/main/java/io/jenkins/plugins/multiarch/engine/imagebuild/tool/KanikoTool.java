package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kaniko, inside its executor container: {@code /kaniko/executor --context DIR --dockerfile F
 * --custom-platform P ... --destination REF --digest-file F --ignore-path WORKSPACE --cleanup}.
 * {@code --custom-platform} needs kaniko 1.9.1 or later.
 *
 * <ul>
 *   <li>{@code --destination} needs a tag (without one kaniko pushes {@code latest}), so a by-digest build pushes
 *       under the temporary tag.</li>
 *   <li>Credentials: {@code DOCKER_CONFIG} points at the temporary config directory instead of
 *       {@code /kaniko/.docker}; its config.json starts from the one there (see {@code DockerConfigJson}).</li>
 *   <li>Insecure registries: {@code --insecure-registry HOST --skip-tls-verify-registry HOST}, for pushes and
 *       base-image pulls from that registry only.</li>
 *   <li>kaniko builds in the container's own root filesystem: one build at a time per container
 *       ({@link #maxParallelBuilds()} is 1), and {@code --cleanup} resets it for the next platform. That reset, and
 *       each stage of a multi-stage build, deletes the filesystem; {@code --ignore-path} keeps our workspace (auth
 *       file, digest file) out of it. It does not
 *       emulate other CPUs: RUN steps of a foreign platform need a cross-compiling Dockerfile.</li>
 * </ul>
 */
public final class KanikoTool implements BuildTool {

    public static final String DEFAULT_EXECUTOR = "/kaniko/executor";
    static final String DIGEST_FILE = "digest";

    private final String executor;

    public KanikoTool() {
        this(DEFAULT_EXECUTOR);
    }

    public KanikoTool(String executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public String name() {
        return "kaniko";
    }

    @Override
    public boolean replacesDockerConfig() {
        return true;
    }

    @Override
    public BuildPlan plan(PlatformBuild build, BuildWorkspace workspace, RegistryAuth auth) {
        Map<String, String> env = auth.dockerConfigEnvironment();
        List<String> argv = new ArrayList<>(List.of(executor, "--context", build.contextDir().toString()));
        BuildFlags.add(argv, build, "--dockerfile");
        argv.add("--custom-platform");
        argv.add(build.platform().toString());
        argv.add("--destination");
        argv.add(build.pushReference().toString());
        argv.add("--digest-file");
        argv.add(digestFile(workspace).toString());
        if (build.insecureRegistry()) {
            // Per registry, so that pulls from it work too and other registries keep verifying TLS.
            String host = build.target().registry();
            argv.add("--insecure-registry");
            argv.add(host);
            argv.add("--skip-tls-verify-registry");
            argv.add(host);
        }
        // Else kaniko may delete the auth file before its push and the digest file before we read it.
        argv.add("--ignore-path");
        argv.add(workspace.directory().toString());
        argv.add("--cleanup");
        return new BuildPlan(List.of(Invocation.of(StepKind.BUILD_AND_PUSH, argv, env)), List.of(),
                build.pushReference(), build.temporaryTag());
    }

    @Override
    public Digest readDigest(PlatformBuild build, BuildWorkspace workspace, StepOutputs outputs) throws IOException {
        Path file = digestFile(workspace);
        return DigestFile.parse(workspace.readText(file), "kaniko", file);
    }

    @Override
    public int maxParallelBuilds() {
        return 1;
    }

    private static Path digestFile(BuildWorkspace workspace) {
        return workspace.directory().resolve(DIGEST_FILE);
    }
}
