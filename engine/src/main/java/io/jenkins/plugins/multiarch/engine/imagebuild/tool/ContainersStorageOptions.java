package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Global options of buildah and podman that choose their local image store: {@code --storage-driver} (e.g.
 * {@code vfs} where overlay is unavailable, as in containers and CI sandboxes), {@code --root}, {@code --runroot}.
 * Each is optional; unset means the tool's own configuration.
 */
public record ContainersStorageOptions(String driver, Path root, Path runRoot) {

    public static ContainersStorageOptions defaults() {
        return new ContainersStorageOptions(null, null, null);
    }

    public static ContainersStorageOptions driver(String driver) {
        return new ContainersStorageOptions(driver, null, null);
    }

    public List<String> globalArgs() {
        List<String> args = new ArrayList<>();
        if (driver != null) {
            args.add("--storage-driver");
            args.add(driver);
        }
        if (root != null) {
            args.add("--root");
            args.add(root.toString());
        }
        if (runRoot != null) {
            args.add("--runroot");
            args.add(runRoot.toString());
        }
        return args;
    }
}
