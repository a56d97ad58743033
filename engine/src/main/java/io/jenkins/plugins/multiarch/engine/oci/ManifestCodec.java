package io.jenkins.plugins.multiarch.engine.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads manifests, indexes and configs, and writes indexes as canonical bytes: fields in a fixed order,
 * annotations sorted, no whitespace, so the same index always has the same digest.
 */
public final class ManifestCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestCodec() {
    }

    /**
     * Parses a manifest or index. The JSON's own {@code mediaType} wins; the HTTP Content-Type is the fallback
     * for the OCI manifests that leave it out.
     */
    public static Manifest parse(byte[] bytes, String contentType) {
        JsonNode root = readTree(bytes, "manifest");
        String mediaType = text(root, "mediaType");
        if (mediaType == null) {
            mediaType = contentType == null ? null : contentType.split(";", 2)[0].trim();
        }
        if (mediaType == null || mediaType.isEmpty()) {
            mediaType = root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        }
        if (MediaTypes.isIndex(mediaType)) {
            List<Descriptor> children = new ArrayList<>();
            for (JsonNode child : array(root, "manifests")) {
                children.add(descriptor(child));
            }
            return new ManifestIndex(mediaType, children, stringMap(root.get("annotations")));
        }
        if (MediaTypes.isImageManifest(mediaType)) {
            JsonNode config = root.get("config");
            if (config == null || !config.isObject()) {
                throw new InvalidManifestException("image manifest has no config descriptor");
            }
            List<Descriptor> layers = new ArrayList<>();
            for (JsonNode layer : array(root, "layers")) {
                layers.add(descriptor(layer));
            }
            return new ImageManifest(mediaType, descriptor(config), layers);
        }
        throw new InvalidManifestException("unsupported manifest media type '" + mediaType + "'; supported: "
                + String.join(", ", MediaTypes.ALL_MANIFESTS));
    }

    /** Parses an image config blob. */
    public static ImageConfig parseConfig(byte[] bytes) {
        JsonNode root = readTree(bytes, "image config");
        JsonNode runtime = root.path("config");
        return new ImageConfig(
                text(root, "os"), text(root, "architecture"), text(root, "variant"), text(root, "os.version"),
                stringList(runtime.get("Entrypoint")), stringList(runtime.get("Cmd")), stringList(runtime.get("Env")),
                text(runtime, "WorkingDir"));
    }

    /** The canonical bytes of an index. */
    public static byte[] write(ManifestIndex index) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", index.mediaType());
        ArrayNode manifests = root.putArray("manifests");
        for (Descriptor child : index.manifests()) {
            ObjectNode node = manifests.addObject();
            node.put("mediaType", child.mediaType());
            node.put("digest", child.digest().toString());
            node.put("size", child.size());
            if (child.platform() != null) {
                ObjectNode platform = node.putObject("platform");
                platform.put("architecture", child.platform().architecture());
                platform.put("os", child.platform().os());
                if (child.platform().osVersion() != null) {
                    platform.put("os.version", child.platform().osVersion());
                }
                if (child.platform().variant() != null) {
                    platform.put("variant", child.platform().variant());
                }
            }
            putAnnotations(node, child.annotations());
        }
        putAnnotations(root, index.annotations());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write index JSON", e);
        }
    }

    private static void putAnnotations(ObjectNode node, Map<String, String> annotations) {
        if (!annotations.isEmpty()) {
            ObjectNode out = node.putObject("annotations");
            new TreeMap<>(annotations).forEach(out::put);
        }
    }

    private static Descriptor descriptor(JsonNode node) {
        String mediaType = text(node, "mediaType");
        String digest = text(node, "digest");
        JsonNode size = node.get("size");
        if (mediaType == null || digest == null || size == null || !size.canConvertToLong()) {
            throw new InvalidManifestException("descriptor " + node + " lacks mediaType, digest or size");
        }
        Digest parsedDigest;
        try {
            parsedDigest = Digest.parse(digest);
        } catch (InvalidReferenceException e) {
            throw new InvalidManifestException("descriptor has an invalid digest: " + e.getMessage(), e);
        }
        return new Descriptor(mediaType, parsedDigest, size.asLong(), platform(node.get("platform")),
                stringMap(node.get("annotations")));
    }

    /**
     * Keeps platforms we cannot normalize (e.g. buildx attestations' unknown/unknown) as they are written, and the
     * os.version of Windows entries.
     */
    private static Platform platform(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String os = text(node, "os");
        String architecture = text(node, "architecture");
        String variant = text(node, "variant");
        String osVersion = text(node, "os.version");
        if (os == null || architecture == null) {
            return null;
        }
        try {
            return Platform.parse(os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant))
                    .withOsVersion(osVersion);
        } catch (InvalidPlatformException e) {
            return new Platform(os, architecture, variant, osVersion);
        }
    }

    private static JsonNode readTree(byte[] bytes, String what) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new InvalidManifestException(what + " is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidManifestException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidManifestException("'" + field + "' is not an array");
        }
        return value;
    }

    private static List<String> stringList(JsonNode node) {
        if (node == null || node.isNull() || !node.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                map.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return map;
    }
}
