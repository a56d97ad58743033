package io.jenkins.plugins.multiarch.engine.imagebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A read-only view of an OCI image layout directory, as {@code buildah push IMAGE oci:DIR} writes it: an
 * {@code oci-layout} marker, an {@code index.json} listing the images, and every manifest, config and layer under
 * {@code blobs/<algorithm>/<hex>}.
 */
final class OciLayout {

    static final String MARKER = "oci-layout";
    static final String INDEX = "index.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final List<Descriptor> manifests;

    private OciLayout(Path directory, List<Descriptor> manifests) {
        this.directory = directory;
        this.manifests = List.copyOf(manifests);
    }

    /**
     * Reads the layout's marker and index.
     *
     * @throws InvalidLayoutException if either is missing or malformed
     */
    public static OciLayout open(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new InvalidLayoutException("OCI layout " + directory + " does not exist or is not a directory");
        }
        JsonNode marker = readJson(directory, MARKER);
        String version = marker.path("imageLayoutVersion").asText("");
        if (!version.startsWith("1.")) {
            throw new InvalidLayoutException("OCI layout " + directory + ": " + MARKER + " says imageLayoutVersion '"
                    + version + "'; expected 1.0.0");
        }
        JsonNode index = readJson(directory, INDEX);
        List<Descriptor> manifests = new ArrayList<>();
        for (JsonNode entry : index.path("manifests")) {
            manifests.add(descriptor(directory, entry));
        }
        return new OciLayout(directory, manifests);
    }

    public Path directory() {
        return directory;
    }

    /** The entries of index.json, in order. */
    public List<Descriptor> manifests() {
        return manifests;
    }

    /**
     * The layout's one image manifest (OCI or Docker v2 schema 2), which is what a single-image push writes.
     *
     * @throws InvalidLayoutException if the index lists no entry, several, or an index instead of an image
     */
    public Descriptor onlyImageManifest() throws InvalidLayoutException {
        if (manifests.size() != 1) {
            throw new InvalidLayoutException("OCI layout " + directory + " lists " + manifests.size()
                    + " manifests in " + INDEX + "; expected exactly one image (write each image to its own layout)");
        }
        Descriptor manifest = manifests.get(0);
        if (!MediaTypes.isImageManifest(manifest.mediaType())) {
            throw new InvalidLayoutException("OCI layout " + directory + " holds a " + manifest.mediaType()
                    + "; expected one image manifest (" + MediaTypes.OCI_MANIFEST + " or " + MediaTypes.DOCKER_MANIFEST + ")");
        }
        return manifest;
    }

    /** Where a blob's file is, whether or not it exists. */
    public Path blobPath(Digest digest) {
        return directory.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }

    /**
     * Reads a small blob (a manifest or config) whole and checks its size and digest against the descriptor.
     *
     * @throws InvalidLayoutException if the blob is missing or does not match
     */
    public byte[] readBlob(Descriptor descriptor) throws IOException {
        Path file = existingBlob(descriptor);
        byte[] content = Files.readAllBytes(file);
        if (!descriptor.digest().matches(content)) {
            throw new InvalidLayoutException("OCI layout blob " + file + " does not hash to " + descriptor.digest()
                    + "; the layout is corrupt, write it again");
        }
        return content;
    }

    /**
     * Opens a blob for streaming after checking that it exists and has the size its descriptor says. The
     * registry checks the digest of what it receives.
     */
    public InputStream openBlob(Descriptor descriptor) throws IOException {
        return Files.newInputStream(existingBlob(descriptor));
    }

    private Path existingBlob(Descriptor descriptor) throws IOException {
        Path file = blobPath(descriptor.digest());
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InvalidLayoutException("OCI layout " + directory + " has no blob " + descriptor.digest()
                    + " (expected at " + file + "); the layout is incomplete");
        }
        if (descriptor.size() >= 0 && size != descriptor.size()) {
            throw new InvalidLayoutException("OCI layout blob " + file + " has " + size + " bytes but its descriptor"
                    + " says " + descriptor.size() + "; the layout is corrupt, write it again");
        }
        return file;
    }

    private static JsonNode readJson(Path directory, String name) throws IOException {
        Path file = directory.resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw new InvalidLayoutException("OCI layout file " + file + " is not a JSON object");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new InvalidLayoutException("OCI layout " + directory + " has no " + name
                    + "; is it an OCI image layout (e.g. written by buildah push IMAGE oci:" + directory + ")?");
        } catch (JsonProcessingException e) {
            throw new InvalidLayoutException("OCI layout file " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Descriptor descriptor(Path directory, JsonNode entry) throws InvalidLayoutException {
        String mediaType = entry.path("mediaType").asText("");
        long size = entry.path("size").asLong(-1);
        try {
            Digest digest = Digest.parse(entry.path("digest").asText(null));
            if (mediaType.isEmpty() || size < 0) {
                throw new InvalidLayoutException("OCI layout " + directory + ": the " + INDEX + " entry for " + digest
                        + " lacks a mediaType or size");
            }
            return new Descriptor(mediaType, digest, size);
        } catch (InvalidReferenceException e) {
            throw new InvalidLayoutException("OCI layout " + directory + ": " + INDEX + " has an entry with "
                    + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "OciLayout[" + directory + "]";
    }
}
