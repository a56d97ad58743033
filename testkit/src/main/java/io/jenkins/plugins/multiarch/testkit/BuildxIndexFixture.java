package io.jenkins.plugins.multiarch.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index as {@code docker buildx build --push --provenance=true --sbom=true} leaves it: the image manifests, then
 * one attestation manifest per image, listed with platform {@code unknown/unknown} and the annotations
 * {@code vnd.docker.reference.type: attestation-manifest} and {@code vnd.docker.reference.digest: <image>}. Each
 * attestation is an OCI image manifest whose config is an OCI config of {@code unknown/unknown} and whose layers are
 * in-toto statements ({@code application/vnd.in-toto+json}, annotated with {@code in-toto.io/predicate-type}): an
 * SLSA provenance and an SPDX SBOM whose subject is the image. The exact media types buildx 0.11+ writes.
 */
public final class BuildxIndexFixture {

    public static final String REFERENCE_TYPE = "vnd.docker.reference.type";
    public static final String REFERENCE_DIGEST = "vnd.docker.reference.digest";
    public static final String ATTESTATION_MANIFEST = "attestation-manifest";
    public static final String IN_TOTO = "application/vnd.in-toto+json";
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

    /** What was pushed: the index, and each image's attestation manifest. */
    public record Pushed(String indexDigest, Map<String, String> attestationOf) {
    }

    private final Map<String, String> images = new LinkedHashMap<>();
    private RegistryCredentials credentials;

    private BuildxIndexFixture() {
    }

    public static BuildxIndexFixture create() {
        return new BuildxIndexFixture();
    }

    /** An image already in the repository the index goes to, by digest, and its platform ({@code os/arch[/variant]}). */
    public BuildxIndexFixture image(String platform, String digest) {
        images.put(digest, platform);
        return this;
    }

    public BuildxIndexFixture credentials(RegistryCredentials value) {
        this.credentials = value;
        return this;
    }

    /** Uploads one attestation manifest per image and the index under {@code repoAndTag}. */
    public Pushed pushTo(String registryHost, String repoAndTag) {
        String repository = ImageFixtures.repositoryOf(repoAndTag);
        String tag = repoAndTag.substring(repository.length() + 1);
        RegistryUploader uploader = RegistryUploader.connect(registryHost, credentials, repository);
        List<Object> imageEntries = new ArrayList<>();
        List<Object> attestationEntries = new ArrayList<>();
        Map<String, String> attestations = new LinkedHashMap<>();
        for (Map.Entry<String, String> image : images.entrySet()) {
            String digest = image.getKey();
            byte[] manifest = Skopeo.rawManifest(registryHost + "/" + repository + "@" + digest, credentials)
                    .getBytes(StandardCharsets.UTF_8);
            String[] parts = image.getValue().split("/");
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("architecture", parts[1]);
            platform.put("os", parts[0]);
            if (parts.length > 2) {
                platform.put("variant", parts[2]);
            }
            imageEntries.add(OciJson.descriptor(OCI_MANIFEST, digest, manifest.length, null, platform));

            byte[] provenance = statement(repository, digest, "https://slsa.dev/provenance/v0.2",
                    Map.of("builder", Map.of("id", "https://github.com/docker/buildx"), "buildType",
                            "https://mobyproject.org/buildkit@v1"));
            byte[] sbom = statement(repository, digest, "https://spdx.dev/Document",
                    Map.of("spdxVersion", "SPDX-2.3", "name", "sbom-" + parts[1]));
            Map<String, Object> rootfs = new LinkedHashMap<>();
            rootfs.put("type", "layers");
            rootfs.put("diff_ids", List.of(Digests.sha256(provenance), Digests.sha256(sbom)));
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("architecture", "unknown");
            config.put("os", "unknown");
            config.put("config", Map.of());
            config.put("rootfs", rootfs);
            byte[] configBytes = OciJson.json(config);
            OciJson.upload(uploader, configBytes);
            OciJson.upload(uploader, provenance);
            OciJson.upload(uploader, sbom);
            Map<String, Object> attestation = new LinkedHashMap<>();
            attestation.put("schemaVersion", 2);
            attestation.put("mediaType", OCI_MANIFEST);
            attestation.put("config", OciJson.descriptor(OCI_CONFIG, Digests.sha256(configBytes), configBytes.length, null, null));
            attestation.put("layers", List.of(
                    OciJson.descriptor(IN_TOTO, Digests.sha256(provenance), provenance.length,
                            Map.of("in-toto.io/predicate-type", "https://slsa.dev/provenance/v0.2"), null),
                    OciJson.descriptor(IN_TOTO, Digests.sha256(sbom), sbom.length,
                            Map.of("in-toto.io/predicate-type", "https://spdx.dev/Document"), null)));
            byte[] attestationBytes = OciJson.json(attestation);
            String attestationDigest = uploader.putManifest(Digests.sha256(attestationBytes), attestationBytes, OCI_MANIFEST);
            attestations.put(digest, attestationDigest);
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put(REFERENCE_DIGEST, digest);
            annotations.put(REFERENCE_TYPE, ATTESTATION_MANIFEST);
            Map<String, Object> unknown = new LinkedHashMap<>();
            unknown.put("architecture", "unknown");
            unknown.put("os", "unknown");
            attestationEntries.add(OciJson.descriptor(OCI_MANIFEST, attestationDigest, attestationBytes.length, annotations,
                    unknown));
        }
        List<Object> entries = new ArrayList<>(imageEntries);
        entries.addAll(attestationEntries);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        index.put("manifests", entries);
        String indexDigest = uploader.putManifest(tag, OciJson.json(index), OCI_INDEX);
        return new Pushed(indexDigest, attestations);
    }

    private static byte[] statement(String repository, String digest, String predicateType, Object predicate) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("_type", "https://in-toto.io/Statement/v0.1");
        statement.put("predicateType", predicateType);
        statement.put("subject", List.of(Map.of("name", "pkg:docker/" + repository + "?platform=any",
                "digest", Map.of("sha256", digest.substring("sha256:".length())))));
        statement.put("predicate", predicate);
        return OciJson.json(statement);
    }
}
