package io.jenkins.plugins.multiarch.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the fixtures that write OCI manifests by hand share: descriptors, JSON bytes, small blob uploads. */
final class OciJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OciJson() {
    }

    /** A descriptor map; {@code annotations} and {@code platform} left out when null. */
    static Map<String, Object> descriptor(String mediaType, String digest, long size, Map<String, String> annotations,
                                          Map<String, Object> platform) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", mediaType);
        d.put("digest", digest);
        d.put("size", size);
        if (annotations != null) {
            d.put("annotations", annotations);
        }
        if (platform != null) {
            d.put("platform", platform);
        }
        return d;
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void upload(RegistryUploader uploader, byte[] blob) {
        uploader.uploadBlob(Digests.sha256(blob), blob.length, () -> new ByteArrayInputStream(blob));
    }
}
