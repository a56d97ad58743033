package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;

import java.util.Optional;

/**
 * Reads the digest from the file {@code docker buildx build --metadata-file} writes: key
 * {@code containerimage.digest}, or the digest of {@code containerimage.descriptor} if that is all there is.
 */
final class BuildxMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildxMetadata() {
    }

    public static Digest digest(Optional<String> content, Object path) throws DigestReadException {
        if (content.isEmpty()) {
            throw new DigestReadException("docker buildx build succeeded but wrote no metadata file at " + path);
        }
        JsonNode root;
        try {
            root = JSON.readTree(content.get());
        } catch (JsonProcessingException e) {
            throw new DigestReadException("buildx metadata file " + path + " is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode digest = root == null ? null : root.get("containerimage.digest");
        if (digest == null || !digest.isTextual()) {
            JsonNode descriptor = root == null ? null : root.get("containerimage.descriptor");
            digest = descriptor == null ? null : descriptor.get("digest");
        }
        if (digest == null || !digest.isTextual()) {
            throw new DigestReadException("buildx metadata file " + path + " has no 'containerimage.digest'; did the"
                    + " build push an image (--push or --output type=image,push=true)?");
        }
        try {
            return Digest.parse(digest.asText());
        } catch (InvalidReferenceException e) {
            throw new DigestReadException("buildx metadata file " + path + ": " + e.getMessage(), e);
        }
    }
}
