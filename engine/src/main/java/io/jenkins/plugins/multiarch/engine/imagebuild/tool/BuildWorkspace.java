package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A private scratch directory for one platform build, on the machine where its commands run: the auth file,
 * the digest file and buildx's metadata file live here. Deleted when the build ends, failed or not.
 * {@link LocalBuildWorkspace} is the local one; the Jenkins plugin provides one on the agent.
 */
public interface BuildWorkspace {

    /** The directory, readable only by its owner. */
    Path directory();

    /**
     * Writes a file that only its owner can read (0600, in directories that are 0700), creating parent
     * directories inside {@link #directory()} as needed. For secrets.
     */
    void writePrivateFile(Path file, byte[] content) throws IOException;

    /** A file's text (UTF-8), or empty if it does not exist. For files that a builder wrote. */
    Optional<String> readText(Path file) throws IOException;

    /** Deletes one file inside {@link #directory()} if it exists: secrets go as soon as no step needs them. */
    void deleteFile(Path file) throws IOException;

    /** Deletes the directory and everything in it. */
    void delete() throws IOException;
}
