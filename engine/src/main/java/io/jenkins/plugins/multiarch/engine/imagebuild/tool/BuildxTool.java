package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

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

/**
 * docker buildx (BuildKit): one command builds and pushes,
 * {@code docker buildx build --platform P --provenance=false ... --metadata-file F --output ... CONTEXT},
 * and the digest is {@code containerimage.digest} in the metadata file.
 *
 * <ul>
 *   <li>By digest, it really pushes without a tag:
 *       {@code --output type=image,name=REPO,push-by-digest=true,name-canonical=true,push=true}.
 *       With per-platform tags: {@code --tag REF --push}.</li>
 *   <li>{@code --provenance=false}: otherwise buildx 0.10+ pushes an index with an attestation manifest, not the
 *       plain image manifest the multi-arch index must list. This flag needs buildx 0.10 or later.</li>
 *   <li>Credentials come through a temporary {@code DOCKER_CONFIG}. Buildx keeps its builder instances under
 *       {@code $DOCKER_CONFIG/buildx}, so {@code BUILDX_CONFIG} points at the user's one ({@code buildxConfigDir},
 *       the host's {@code ~/.docker/buildx}) to keep finding them.</li>
 *   <li>Insecure registries: {@code registry.insecure=true} in the {@code --output} (then also for per-platform
 *       tags, as {@code type=image,name=REF,push=true}). That covers the push; base-image pulls from an insecure
 *       registry still need it in the builder's buildkitd.toml.</li>
 * </ul>
 */
public final class BuildxTool implements BuildTool {

    static final String METADATA_FILE = "buildx-metadata.json";

    private final String executable;
    private final String builderName;
    private final Path buildxConfigDir;

    /**
     * @param executable      the docker program
     * @param builderName     {@code --builder}, or null for the current one
     * @param buildxConfigDir the user's buildx directory ({@code ~/.docker/buildx}), which the temporary
     *                        {@code DOCKER_CONFIG} would hide: passed as {@code BUILDX_CONFIG} when credentials are
     *                        given; null to leave it alone
     */
    public BuildxTool(String executable, String builderName, Path buildxConfigDir) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.builderName = builderName;
        this.buildxConfigDir = buildxConfigDir;
    }

    @Override
    public String name() {
        return "buildx";
    }

    @Override
    public boolean replacesDockerConfig() {
        return true;
    }

    @Override
    public BuildPlan plan(PlatformBuild build, BuildWorkspace workspace, RegistryAuth auth) {
        Map<String, String> env = auth.dockerConfigEnvironment();
        if (buildxConfigDir != null && auth.directory().isPresent()) {
            // Our DOCKER_CONFIG would hide the user's builder instances.
            env.put("BUILDX_CONFIG", buildxConfigDir.toString());
        }
        List<String> argv = new ArrayList<>(List.of(executable, "buildx", "build"));
        if (builderName != null) {
            argv.add("--builder");
            argv.add(builderName);
        }
        argv.add("--platform");
        argv.add(build.platform().toString());
        argv.add("--provenance=false");
        BuildFlags.add(argv, build, "--file");
        argv.add("--metadata-file");
        argv.add(metadataFile(workspace).toString());
        ImageReference pushed = build.pushReference();
        String insecure = build.insecureRegistry() ? ",registry.insecure=true" : "";
        if (build.byDigest()) {
            argv.add("--output");
            argv.add("type=image,name=" + build.target().repositoryName()
                    + ",push-by-digest=true,name-canonical=true,push=true" + insecure);
            pushed = ImageReference.parse(build.target().repositoryName());
        } else if (build.insecureRegistry()) {
            // --push has no insecure option; the equivalent --output has.
            argv.add("--output");
            argv.add("type=image,name=" + build.pushReference() + ",push=true" + insecure);
        } else {
            argv.add("--tag");
            argv.add(build.pushReference().toString());
            argv.add("--push");
        }
        argv.add(build.contextDir().toString());
        // Nothing is loaded into a local store, so there is nothing to clean up.
        return new BuildPlan(List.of(Invocation.of(StepKind.BUILD_AND_PUSH, argv, env)), List.of(), pushed, false);
    }

    @Override
    public Digest readDigest(PlatformBuild build, BuildWorkspace workspace, StepOutputs outputs) throws IOException {
        Path file = metadataFile(workspace);
        return BuildxMetadata.digest(workspace.readText(file), file);
    }

    private static Path metadataFile(BuildWorkspace workspace) {
        return workspace.directory().resolve(METADATA_FILE);
    }
}
