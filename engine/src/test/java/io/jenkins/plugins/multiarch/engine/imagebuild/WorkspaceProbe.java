package io.jenkins.plugins.multiarch.engine.imagebuild;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child JVM for {@link LeftoverWorkspacesTest}: makes a workspace with a private auth file under the directory it
 * is given, prints the workspace's path, then waits to be killed.
 */
public final class WorkspaceProbe {

    private WorkspaceProbe() {
    }

    public static void main(String[] args) throws Exception {
        LocalBuildWorkspace workspace = LocalBuildWorkspace.create(Path.of(args[0]), LocalBuildWorkspace.PREFIX + "probe-");
        workspace.writePrivateFile(Path.of("auth.json"), "{\"auths\":{}}".getBytes(StandardCharsets.UTF_8));
        System.out.println(workspace.directory());
        System.out.flush();
        System.in.read(); // until killed
    }
}
