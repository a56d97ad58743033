package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * docker: {@code docker build --platform P ... --tag REF CONTEXT}, {@code docker push REF} (digest from its
 * {@code TAG: digest: sha256:... size: N} line), then {@code docker image rm REF}.
 *
 * <p>{@code docker push} cannot push without a tag, so a by-digest build pushes under the temporary tag.
 * Credentials come through a temporary {@code DOCKER_CONFIG} directory, whose config.json keeps the user's other
 * registries and credential helpers and lists {@code ~/.docker/cli-plugins} in {@code cliPluginsExtraDirs}.
 *
 * <p>Insecure registries cannot be chosen per command: the Docker daemon's {@code insecure-registries} setting
 * decides (it always allows 127.0.0.0/8). The request's insecure flag is therefore not used here.
 */
public final class DockerTool implements BuildTool {

    private final String executable;

    public DockerTool() {
        this("docker");
    }

    /** @param executable the docker program, a name on the PATH or an absolute path */
    public DockerTool(String executable) {
        this.executable = Objects.requireNonNull(executable, "executable");
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public boolean replacesDockerConfig() {
        return true;
    }

    @Override
    public BuildPlan plan(PlatformBuild build, BuildWorkspace workspace, RegistryAuth auth) {
        Map<String, String> env = auth.dockerConfigEnvironment();
        String ref = build.pushReference().toString();

        List<String> buildArgv = new ArrayList<>(List.of(executable, "build", "--platform", build.platform().toString()));
        BuildFlags.add(buildArgv, build, "--file");
        buildArgv.add("--tag");
        buildArgv.add(ref);
        buildArgv.add(build.contextDir().toString());

        return new BuildPlan(
                List.of(Invocation.of(StepKind.BUILD, buildArgv, env),
                        Invocation.of(StepKind.PUSH, List.of(executable, "push", ref), env)),
                List.of(Invocation.of(StepKind.CLEANUP, List.of(executable, "image", "rm", ref), env)),
                build.pushReference(), build.temporaryTag());
    }

    @Override
    public Digest readDigest(PlatformBuild build, BuildWorkspace workspace, StepOutputs outputs) throws DigestReadException {
        return DockerPushOutput.digestFor(build.pushReference().tag().orElseThrow(), outputs.lines(StepKind.PUSH));
    }
}
