package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;

import java.util.Optional;

/**
 * The digest file buildah and podman ({@code push --digestfile}) and kaniko ({@code --digest-file}) write: just
 * {@code sha256:<hex>}, usually without a newline.
 */
final class DigestFile {

    private DigestFile() {
    }

    /**
     * @param content the file's text, empty if the file is missing
     * @param tool    who should have written it, for the message
     * @param path    where, for the message
     */
    public static Digest parse(Optional<String> content, String tool, Object path) throws DigestReadException {
        if (content.isEmpty()) {
            throw new DigestReadException(tool + " succeeded but wrote no digest file at " + path);
        }
        String text = content.get().strip();
        try {
            return Digest.parse(text);
        } catch (InvalidReferenceException e) {
            throw new DigestReadException(tool + " wrote '" + abbreviate(text) + "' to its digest file " + path
                    + "; expected sha256:<64 hex characters>", e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
