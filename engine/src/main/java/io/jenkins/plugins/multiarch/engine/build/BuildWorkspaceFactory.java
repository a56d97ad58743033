package io.jenkins.plugins.multiarch.engine.build;

import java.io.IOException;

/** Makes a fresh {@link BuildWorkspace} for each platform build. */
@FunctionalInterface
public interface BuildWorkspaceFactory {

    BuildWorkspace create(PlatformBuild build) throws IOException;
}
