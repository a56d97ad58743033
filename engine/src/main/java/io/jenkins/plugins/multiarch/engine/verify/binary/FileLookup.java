package io.jenkins.plugins.multiarch.engine.verify.binary;

/** The answer of {@link ImageFilesystem}: a file, or why there is none. */
public sealed interface FileLookup permits FileLookup.Found, FileLookup.Missing {

    record Found(ImageFile file) implements FileLookup {
    }

    /**
     * Not there, or not a regular file.
     *
     * @param reason e.g. {@code /hello was deleted by the whiteout /.wh.hello in layer 3 of 4 (sha256:…)}
     */
    record Missing(String reason) implements FileLookup {
    }
}
