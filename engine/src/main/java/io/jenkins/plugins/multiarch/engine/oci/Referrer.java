package io.jenkins.plugins.multiarch.engine.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An OCI 1.1 referrer: a manifest whose {@code subject} is another manifest (a signature, an SBOM), as the referrers
 * API or the tag-schema fallback list it (an index entry with the referrer's {@code artifactType}). A class, not a
 * record: it travels from a Jenkins agent to the controller inside results.
 */
public final class Referrer implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mediaType;
    private final String digest;
    private final long size;
    private final String artifactType;
    private final Map<String, String> annotations;

    public Referrer(String mediaType, Digest digest, long size, String artifactType, Map<String, String> annotations) {
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.digest = digest.toString();
        this.size = size;
        this.artifactType = artifactType == null ? "" : artifactType;
        this.annotations = Map.copyOf(new TreeMap<>(annotations));
    }

    public String mediaType() {
        return mediaType;
    }

    public Digest digest() {
        return Digest.parse(digest);
    }

    public long size() {
        return size;
    }

    /** What the referrer is, e.g. {@code application/vnd.dev.cosign.artifact.sig.v1+json}; empty when not said. */
    public String artifactType() {
        return artifactType;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    /** The tag under which registries without the referrers API list a manifest's referrers: {@code sha256-<hex>}. */
    public static String fallbackTag(Digest subject) {
        return subject.algorithm() + "-" + subject.hex();
    }

    /** The entries of a referrers index (the API's answer or the fallback tag's manifest). */
    public static List<Referrer> listIn(byte[] index) {
        JsonNode root;
        try {
            root = JSON.readTree(index);
        } catch (IOException e) {
            throw new InvalidManifestException("a referrers list is not valid JSON: " + e.getMessage());
        }
        JsonNode manifests = root == null ? null : root.get("manifests");
        if (manifests == null || !manifests.isArray()) {
            throw new InvalidManifestException("a referrers list has no \"manifests\" array");
        }
        List<Referrer> referrers = new ArrayList<>();
        for (JsonNode entry : manifests) {
            Digest d;
            try {
                d = Digest.parse(entry.path("digest").asText(""));
            } catch (InvalidReferenceException e) {
                throw new InvalidManifestException("a referrers list entry has an invalid digest: " + e.getMessage());
            }
            Map<String, String> annotations = new LinkedHashMap<>();
            entry.path("annotations").fields().forEachRemaining(f -> annotations.put(f.getKey(), f.getValue().asText()));
            referrers.add(new Referrer(entry.path("mediaType").asText(MediaTypes.OCI_MANIFEST), d,
                    entry.path("size").asLong(-1), entry.path("artifactType").asText(""), annotations));
        }
        return referrers;
    }

    /**
     * The fallback tag's index for these referrers: entries sorted by digest, each once, so that the same set always
     * gives the same bytes (a re-run writes nothing).
     */
    public static byte[] fallbackIndex(List<Referrer> referrers) {
        Map<String, Referrer> byDigest = new TreeMap<>();
        referrers.forEach(r -> byDigest.putIfAbsent(r.digest, r));
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode manifests = root.putArray("manifests");
        for (Referrer r : byDigest.values()) {
            ObjectNode entry = manifests.addObject();
            entry.put("mediaType", r.mediaType);
            entry.put("digest", r.digest);
            entry.put("size", r.size);
            if (!r.artifactType.isEmpty()) {
                entry.put("artifactType", r.artifactType);
            }
            if (!r.annotations.isEmpty()) {
                ObjectNode a = entry.putObject("annotations");
                r.annotations.forEach(a::put);
            }
        }
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Referrer r && r.digest.equals(digest) && r.mediaType.equals(mediaType) && r.size == size
                && r.artifactType.equals(artifactType) && r.annotations.equals(annotations);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return digest + (artifactType.isEmpty() ? "" : " (" + artifactType + ")");
    }
}
