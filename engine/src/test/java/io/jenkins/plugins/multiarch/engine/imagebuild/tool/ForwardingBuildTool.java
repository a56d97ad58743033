package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.io.IOException;

/** Passes everything to another builder; tests override one method. */
public class ForwardingBuildTool implements BuildTool {

    private final BuildTool delegate;

    public ForwardingBuildTool(BuildTool delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public BuildPlan plan(PlatformBuild build, BuildWorkspace workspace, RegistryAuth auth) {
        return delegate.plan(build, workspace, auth);
    }

    @Override
    public Digest readDigest(PlatformBuild build, BuildWorkspace workspace, StepOutputs outputs) throws IOException {
        return delegate.readDigest(build, workspace, outputs);
    }

    @Override
    public int maxParallelBuilds() {
        return delegate.maxParallelBuilds();
    }
}
