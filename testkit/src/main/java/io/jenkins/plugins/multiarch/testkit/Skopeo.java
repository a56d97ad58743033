package io.jenkins.plugins.multiarch.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads images back from a test registry with skopeo, an independent client, to check what was pushed. */
public final class Skopeo {

    private Skopeo() {
    }

    /**
     * The manifest or index exactly as stored, like {@code skopeo inspect --raw}.
     *
     * @param imageReference {@code host/repo:tag} or {@code host/repo@sha256:...}, without {@code docker://}
     * @param credentials {@code null} for an anonymous registry
     */
    public static String rawManifest(String imageReference, RegistryCredentials credentials) {
        return inspect(imageReference, credentials, "--raw");
    }

    /** The image config blob exactly as stored, like {@code skopeo inspect --raw --config}. */
    public static String rawConfig(String imageReference, RegistryCredentials credentials) {
        return inspect(imageReference, credentials, "--raw", "--config");
    }

    private static String inspect(String imageReference, RegistryCredentials credentials, String... options) {
        String skopeo = RequiredTool.skopeo().toString();
        String host = imageReference.substring(0, imageReference.indexOf('/'));
        Path dir = Directories.createTemp("rig-skopeo-");
        try {
            List<String> command = new ArrayList<>(List.of(skopeo, "inspect"));
            command.addAll(List.of(options));
            command.addAll(List.of("--tls-verify=false", "--authfile", AuthFile.write(dir, host, credentials).toString(),
                    "docker://" + imageReference));
            return ExternalCommand.run(command).stdout();
        } finally {
            Directories.deleteRecursively(dir);
        }
    }
}
