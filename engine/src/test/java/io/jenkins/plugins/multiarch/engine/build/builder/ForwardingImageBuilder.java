package io.jenkins.plugins.multiarch.engine.build.builder;

import io.jenkins.plugins.multiarch.engine.build.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.build.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.io.IOException;

/** Passes everything to another builder; tests override one method. */
public class ForwardingImageBuilder implements ImageBuilder {

    private final ImageBuilder delegate;

    public ForwardingImageBuilder(ImageBuilder delegate) {
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
