package io.jenkins.plugins.multiarch.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OCI 1.1 referrers as cosign and oras push them to a registry without the referrers API (Distribution 2.8): an
 * artifact manifest whose {@code subject} is the image (empty config {@code {}}, one payload layer), and the
 * tag-schema fallback tag {@code sha256-<hex>} holding an index of the image's referrers.
 */
public final class ReferrerFixture {

    public static final String SIGNATURE = "application/vnd.dev.cosign.artifact.sig.v1+json";
    public static final String SBOM = "application/spdx+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String EMPTY = "application/vnd.oci.empty.v1+json";

    /** A referrer pushed: its manifest's digest, bytes and artifact type. */
    public record Pushed(String digest, byte[] manifest, String artifactType) {
    }

    private ReferrerFixture() {
    }

    /** Pushes a referrer of {@code subjectDigest} into {@code host/repository} by digest (no tag). */
    public static Pushed push(String host, RegistryCredentials credentials, String repository, String subjectDigest,
                              String artifactType, String payload) {
        RegistryUploader uploader = RegistryUploader.connect(host, credentials, repository);
        byte[] subject = Skopeo.rawManifest(host + "/" + repository + "@" + subjectDigest, credentials)
                .getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] layer = payload.getBytes(StandardCharsets.UTF_8);
        OciJson.upload(uploader, empty);
        OciJson.upload(uploader, layer);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OCI_MANIFEST);
        manifest.put("artifactType", artifactType);
        manifest.put("config", OciJson.descriptor(EMPTY, Digests.sha256(empty), empty.length, null, null));
        manifest.put("layers", List.of(OciJson.descriptor(artifactType.equals(SBOM) ? SBOM
                : "application/vnd.dev.cosign.simplesigning.v1+json", Digests.sha256(layer), layer.length, null, null)));
        manifest.put("subject", OciJson.descriptor(OCI_MANIFEST, subjectDigest, subject.length, null, null));
        byte[] bytes = OciJson.json(manifest);
        String digest = uploader.putManifest(Digests.sha256(bytes), bytes, OCI_MANIFEST);
        return new Pushed(digest, bytes, artifactType);
    }

    /** Writes the fallback tag {@code sha256-<hex of subject>} listing exactly these referrers, as cosign does. */
    public static void listUnderFallbackTag(String host, RegistryCredentials credentials, String repository,
                                            String subjectDigest, List<Pushed> referrers) {
        List<Object> entries = new ArrayList<>();
        for (Pushed r : referrers) {
            Map<String, Object> entry = OciJson.descriptor(OCI_MANIFEST, r.digest(), r.manifest().length, null, null);
            entry.put("artifactType", r.artifactType());
            entries.add(entry);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        index.put("manifests", entries);
        RegistryUploader.connect(host, credentials, repository).putManifest(fallbackTag(subjectDigest), OciJson.json(index),
                OCI_INDEX);
    }

    /** {@code sha256-<hex>}. */
    public static String fallbackTag(String subjectDigest) {
        return subjectDigest.replace(':', '-');
    }
}
