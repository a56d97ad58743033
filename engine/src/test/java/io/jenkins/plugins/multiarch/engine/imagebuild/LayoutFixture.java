package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an OCI image layout by hand, the way {@code buildah push oci:DIR} lays it out: a config, gzip layers,
 * a manifest (OCI or Docker v2 schema 2) and an index.json naming it. Content differs per {@code seed}.
 */
final class LayoutFixture {

    final Path directory;
    final Digest manifest;
    final byte[] manifestBytes;
    final Digest config;
    final List<Digest> layers;

    private LayoutFixture(Path directory, Digest manifest, byte[] manifestBytes, Digest config, List<Digest> layers) {
        this.directory = directory;
        this.manifest = manifest;
        this.manifestBytes = manifestBytes;
        this.config = config;
        this.layers = layers;
    }

    static LayoutFixture oci(Path directory, String seed, int layerCount) throws IOException {
        return write(directory, seed, layerCount, false);
    }

    static LayoutFixture docker(Path directory, String seed) throws IOException {
        return write(directory, seed, 1, true);
    }

    private static LayoutFixture write(Path dir, String seed, int layerCount, boolean docker) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}");
        byte[] config = ("{\"architecture\":\"arm64\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\"/hello\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"seed\":\"" + seed + "\"}").getBytes(StandardCharsets.UTF_8);
        Digest configDigest = blob(dir, config);
        List<Digest> layerDigests = new ArrayList<>();
        StringBuilder layerJson = new StringBuilder();
        for (int i = 0; i < layerCount; i++) {
            byte[] layer = gzip((seed + " layer " + i + "\n").repeat(200 + i).getBytes(StandardCharsets.UTF_8));
            Digest d = blob(dir, layer);
            layerDigests.add(d);
            layerJson.append(i == 0 ? "" : ",").append("{\"mediaType\":\"")
                    .append(docker ? "application/vnd.docker.image.rootfs.diff.tar.gzip" : "application/vnd.oci.image.layer.v1.tar+gzip")
                    .append("\",\"digest\":\"").append(d).append("\",\"size\":").append(layer.length).append('}');
        }
        String mediaType = docker ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST;
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"config\":{\"mediaType\":\""
                + (docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG) + "\",\"digest\":\"" + configDigest
                + "\",\"size\":" + config.length + "},\"layers\":[" + layerJson + "]}").getBytes(StandardCharsets.UTF_8);
        Digest manifestDigest = blob(dir, manifest);
        writeIndex(dir, "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + manifestDigest + "\",\"size\":"
                + manifest.length + "}");
        return new LayoutFixture(dir, manifestDigest, manifest, configDigest, List.copyOf(layerDigests));
    }

    /** Replaces index.json's entries with these JSON objects. */
    static void writeIndex(Path dir, String... entries) throws IOException {
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[" + String.join(",", entries) + "]}");
    }

    Path blobFile(Digest digest) {
        return directory.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }

    private static Digest blob(Path dir, byte[] content) throws IOException {
        Digest digest = Digest.sha256(content);
        Files.write(dir.resolve("blobs/sha256").resolve(digest.hex()), content);
        return digest;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}
