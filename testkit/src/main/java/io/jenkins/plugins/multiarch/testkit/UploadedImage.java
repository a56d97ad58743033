package io.jenkins.plugins.multiarch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An OCI image put together byte for byte and uploaded with the testkit's own {@link RegistryUploader} (not the
 * engine's client, whose tests these images feed): layers exactly as given (gzip, zstd or plain tar, in any order, of
 * any size, streamed), then the config and the manifest. For what a builder would not produce on request;
 * {@link ScratchImage} is the buildah-built kind.
 *
 * <pre>{@code
 * String digest = UploadedImage.forPlatform("linux/arm64")
 *         .layer(TarLayer.builder().file("hello", ElfFixtures.aarch64()).build(LayerCompression.ZSTD))
 *         .entrypoint("/hello")
 *         .pushTo(registry, "team/app:zstd");
 * }</pre>
 */
public final class UploadedImage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OCI_MANIFEST = ManifestFormat.OCI.manifestMediaType();
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

    private final ImagePlatform platform;
    private final List<LayerBlob> layers = new ArrayList<>();
    private List<String> entrypoint;
    private List<String> cmd;
    private final List<String> env = new ArrayList<>();
    private String osVersion;

    private UploadedImage(ImagePlatform platform) {
        this.platform = platform;
    }

    /** @param platform {@code os/arch[/variant]} as written into the config */
    public static UploadedImage forPlatform(String platform) {
        return new UploadedImage(ImagePlatform.parse(platform));
    }

    /** Adds a layer on top of those added before. */
    public UploadedImage layer(TarLayer layer) {
        return layer(LayerBlob.of(layer));
    }

    public UploadedImage layer(LayerBlob layer) {
        layers.add(layer);
        return this;
    }

    public UploadedImage entrypoint(String... args) {
        this.entrypoint = List.of(args);
        return this;
    }

    public UploadedImage cmd(String... args) {
        this.cmd = List.of(args);
        return this;
    }

    /** The config's {@code os.version}, as Windows images carry it, e.g. {@code 10.0.17763.5458}. */
    public UploadedImage osVersion(String version) {
        this.osVersion = version;
        return this;
    }

    /** {@code NAME=value}. */
    public UploadedImage env(String variable) {
        env.add(variable);
        return this;
    }

    /** Uploads blobs, config and manifest (with the registry's credentials, if any); returns the manifest digest. */
    public String pushTo(RegistryExtension registry, String repoAndTag) {
        return pushTo(registry.host(), registry.credentials(), repoAndTag);
    }

    /**
     * As {@link #pushTo(RegistryExtension, String)}, to any plain-HTTP registry, e.g. through a
     * {@link FaultInjectingProxy}.
     *
     * @param credentials the user for a registry with Basic or token authentication, or {@code null}
     */
    public String pushTo(String registryHost, RegistryCredentials credentials, String repoAndTag) {
        String repository = ImageFixtures.repositoryOf(repoAndTag);
        String tag = repoAndTag.substring(repository.length() + 1);
        RegistryUploader uploader = RegistryUploader.connect(registryHost, credentials, repository);
        for (LayerBlob layer : layers) {
            uploader.uploadBlob(layer.digest(), layer.size(), layer.content());
        }
        byte[] config = configJson();
        String configDigest = Digests.sha256(config);
        uploader.uploadBlob(configDigest, config.length, () -> new ByteArrayInputStream(config));
        return uploader.putManifest(tag, manifestJson(configDigest, config.length), OCI_MANIFEST);
    }

    private byte[] configJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", platform.architecture());
        root.put("os", platform.os());
        if (osVersion != null) {
            root.put("os.version", osVersion);
        }
        if (platform.variant() != null) {
            root.put("variant", platform.variant());
        }
        ObjectNode config = root.putObject("config");
        if (entrypoint != null) {
            entrypoint.forEach(config.putArray("Entrypoint")::add);
        }
        if (cmd != null) {
            cmd.forEach(config.putArray("Cmd")::add);
        }
        if (!env.isEmpty()) {
            env.forEach(config.putArray("Env")::add);
        }
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        layers.forEach(layer -> diffIds.add(layer.diffId()));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] manifestJson(String configDigest, long configSize) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", OCI_MANIFEST);
        ObjectNode config = root.putObject("config");
        config.put("mediaType", OCI_CONFIG);
        config.put("digest", configDigest);
        config.put("size", configSize);
        ArrayNode list = root.putArray("layers");
        for (LayerBlob layer : layers) {
            ObjectNode node = list.addObject();
            node.put("mediaType", layer.mediaType());
            node.put("digest", layer.digest());
            node.put("size", layer.size());
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
