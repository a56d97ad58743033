package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What buildah and podman share (both are built on containers/image and containers/storage): build into the
 * local store under a unique local name, {@code push --digestfile F LOCAL oci:WORKSPACE/layout}, remove the local
 * image afterwards. The engine then uploads the layout into the target repository ({@code LayoutUploader}).
 *
 * <p>Why a layout: these tools cannot push to a registry without a tag. Pushing to {@code docker://registry/repo}
 * silently tags {@code latest}, and pushing to {@code repo@sha256:...} is refused because the layers are compressed
 * during the push, which changes the manifest. Written to a layout, the image is complete (compressed layers,
 * manifest) and its digest file names the layout's manifest; uploaded byte for byte, the registry gets that very
 * digest and no tag. A per-platform tag, when the request has one, is written by the same upload.
 *
 * <p>Credentials ({@code --authfile}) and, for an insecure registry, {@code --tls-verify=false} go on the build, for
 * base-image pulls. TLS and credentials of the push are the uploader's business: the tool's push only writes local files.
 */
abstract class ContainersTool implements BuildTool {

    static final String DIGEST_FILE = "digest";
    static final String LAYOUT_DIR = "layout";

    private final String executable;
    private final String buildSubcommand;
    private final ContainersStorageOptions storage;

    ContainersTool(String executable, String buildSubcommand, ContainersStorageOptions storage) {
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
        if (build.insecureRegistry()) {
            // Base images may come from the same registry (FROM 127.0.0.1:5000/base), which serves plain HTTP.
            buildArgv.add("--tls-verify=false");
        }
        BuildFlags.add(buildArgv, build, "--file");
        buildArgv.add("--tag");
        buildArgv.add(build.localName());
        buildArgv.add(build.contextDir().toString());

        Path layout = layoutDir(workspace);
        if (layout.toString().contains(":")) {
            // oci:PATH[:NAME] splits at the first ':', so such a path would be misread.
            throw new InvalidInputException(name() + " cannot write an OCI layout to " + layout
                    + ": the path contains ':'; use a build workspace whose path has none");
        }
        List<String> pushArgv = start();
        pushArgv.add("push");
        pushArgv.add("--digestfile");
        pushArgv.add(digestFile(workspace).toString());
        pushArgv.add(build.localName());
        pushArgv.add("oci:" + layout);

        List<String> removeArgv = start();
        removeArgv.add("rmi");
        removeArgv.add(build.localName());

        ImageReference pushed = build.byDigest() ? ImageReference.parse(build.target().repositoryName())
                : build.pushReference();
        return new BuildPlan(
                List.of(Invocation.of(StepKind.BUILD, buildArgv, Map.of()), Invocation.of(StepKind.PUSH, pushArgv, Map.of())),
                List.of(Invocation.of(StepKind.CLEANUP, removeArgv, Map.of())),
                pushed, false, Optional.of(layout));
    }

    @Override
    public Digest readDigest(PlatformBuild build, BuildWorkspace workspace, StepOutputs outputs) throws IOException {
        Path file = digestFile(workspace);
        return DigestFile.parse(workspace.readText(file), name() + " push", file);
    }

    private static Path digestFile(BuildWorkspace workspace) {
        return workspace.directory().resolve(DIGEST_FILE);
    }

    private static Path layoutDir(BuildWorkspace workspace) {
        return workspace.directory().resolve(LAYOUT_DIR);
    }

    private List<String> start() {
        List<String> argv = new ArrayList<>();
        argv.add(executable);
        argv.addAll(storage.globalArgs());
        return argv;
    }
}
