package io.jenkins.plugins.multiarch.engine.build.builder;

import io.jenkins.plugins.multiarch.engine.build.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.build.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What buildah and podman share (both are built on containers/image and containers/storage): build into the
 * local store under a unique local name, {@code push --digestfile} to {@code docker://REF}, remove the local
 * image afterwards.
 *
 * <p>A push needs a tag here: pushing to {@code docker://registry/repo} silently tags {@code latest}, and
 * pushing to {@code repo@sha256:...} is refused because the layers are compressed during the push, which
 * changes the manifest. So a by-digest build pushes under the unique temporary tag of
 * {@link PlatformBuild#pushReference()} and takes the digest from the digest file.
 *
 * <p>{@code --tls-verify=false} goes on the push only when the build asks for an insecure registry: on the
 * build command it would also switch off verification of base-image pulls from every other registry.
 */
abstract class ContainersToolBuilder implements ImageBuilder {

    static final String DIGEST_FILE = "digest";

    private final String executable;
    private final String buildSubcommand;
    private final ContainersStorageOptions storage;

    ContainersToolBuilder(String executable, String buildSubcommand, ContainersStorageOptions storage) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.buildSubcommand = buildSubcommand;
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public BuildPlan plan(PlatformBuild build, BuildWorkspace workspace, RegistryAuth auth) {
        List<String> buildArgv = start();
        buildArgv.add(buildSubcommand);
        buildArgv.add("--platform");
        buildArgv.add(build.platform().toString());
        auth.file().ifPresent(f -> {
            buildArgv.add("--authfile");
            buildArgv.add(f.toString());
        });
        BuildFlags.add(buildArgv, build, "--file");
        buildArgv.add("--tag");
        buildArgv.add(build.localName());
        buildArgv.add(build.contextDir().toString());

        List<String> pushArgv = start();
        pushArgv.add("push");
        auth.file().ifPresent(f -> {
            pushArgv.add("--authfile");
            pushArgv.add(f.toString());
        });
        if (build.insecureRegistry()) {
            pushArgv.add("--tls-verify=false");
        }
        pushArgv.add("--digestfile");
        pushArgv.add(digestFile(workspace).toString());
        pushArgv.add(build.localName());
        pushArgv.add("docker://" + build.pushReference());

        List<String> removeArgv = start();
        removeArgv.add("rmi");
        removeArgv.add(build.localName());

        return new BuildPlan(
                List.of(Invocation.of(StepKind.BUILD, buildArgv, Map.of()), Invocation.of(StepKind.PUSH, pushArgv, Map.of())),
                List.of(Invocation.of(StepKind.CLEANUP, removeArgv, Map.of())),
                build.pushReference(), build.temporaryTag());
    }

    @Override
    public Digest readDigest(PlatformBuild build, BuildWorkspace workspace, StepOutputs outputs) throws IOException {
        Path file = digestFile(workspace);
        return DigestFile.parse(workspace.readText(file), name() + " push", file);
    }

    private Path digestFile(BuildWorkspace workspace) {
        return workspace.directory().resolve(DIGEST_FILE);
    }

    private List<String> start() {
        List<String> argv = new ArrayList<>();
        argv.add(executable);
        argv.addAll(storage.globalArgs());
        return argv;
    }
}
