package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import java.io.IOException;

/** Makes a fresh {@link BuildWorkspace} for each platform build. */
@FunctionalInterface
public interface BuildWorkspaceFactory {

    BuildWorkspace create(PlatformBuild build) throws IOException;

    /** Makes none: for hosts that build nothing. */
    static BuildWorkspaceFactory none() {
        return build -> {
            throw new IOException("this host has no place for build workspaces");
        };
    }
}
