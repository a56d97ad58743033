package io.jenkins.plugins.multiarch.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds an external program the rig needs; a missing one is a test failure with a fix in the message, never a skip. */
public final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * Returns the executable called {@code command} on the PATH.
     *
     * @param aptPackage the Debian package that provides it, named in the failure message
     * @throws IllegalStateException if it is not installed
     */
    public static Path locate(String command, String aptPackage) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(command + " is not installed: run bin/test (it installs it) or apt-get install "
                + aptPackage);
    }

    public static Path dockerRegistry() {
        return locate("docker-registry", "docker-registry");
    }

    public static Path buildah() {
        return locate("buildah", "buildah");
    }

    public static Path skopeo() {
        return locate("skopeo", "skopeo");
    }

    public static Path git() {
        return locate("git", "git");
    }

    public static Path openssl() {
        return locate("openssl", "openssl");
    }

    public static Path docker() {
        return locate("docker", "docker.io");
    }
}
