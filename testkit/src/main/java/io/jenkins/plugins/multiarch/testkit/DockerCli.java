package io.jenkins.plugins.multiarch.testkit;

import java.util.List;

/**
 * Reads indexes back with the docker CLI, a second independent client. There is no Docker engine here, but
 * {@code docker manifest inspect --insecure} talks to the registry itself.
 */
public final class DockerCli {

    private DockerCli() {
    }

    /** What {@code docker manifest inspect --insecure REF} prints (anonymous registries only). */
    public static String manifestInspect(String imageReference) {
        return ExternalCommand.run(List.of(RequiredTool.docker().toString(), "manifest", "inspect", "--insecure",
                imageReference)).stdout();
    }
}
