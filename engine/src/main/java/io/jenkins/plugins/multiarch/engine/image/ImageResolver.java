package io.jenkins.plugins.multiarch.engine.image;

import io.jenkins.plugins.multiarch.engine.oci.Attestations;
import java.util.ArrayList;
import java.util.List;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageConfig;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.oci.Manifest;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.oci.ManifestIndex;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Resolves a reference to the single-platform image it means for a platform: a plain image as it is, an index
 * (e.g. a buildx result) through its child for that platform. Two or three requests: the manifest, perhaps the
 * child, and the config.
 */
public final class ImageResolver {

    private final RegistryClient client;

    public ImageResolver(RegistryClient client) {
        this.client = client;
    }

    /** The image, without its attestations. */
    public ResolvedImage resolve(Platform platform, ImageReference source) {
        return resolve(platform, source, false, image -> { });
    }

    /**
     * @param withAttestations also read the attestation manifests an index source lists for the chosen image (one
     *                         request each)
     * @param manifestKnown gets the single-platform manifest as soon as it is read, before its config is: a check
     *                      may start reading its layers meanwhile
     */
    public ResolvedImage resolve(Platform platform, ImageReference source, boolean withAttestations,
                                 Consumer<ImageManifest> manifestKnown) {
        ManifestResponse response = client.getManifest(source.repository(), source.manifestReference());
        Manifest manifest = response.parse();
        List<Attestation> attestations = new ArrayList<>();
        if (manifest instanceof ImageManifest single) {
            manifestKnown.accept(single);
        } else if (manifest instanceof ManifestIndex index) {
            Descriptor child = index.childFor(platform).orElseThrow(() -> new MultiarchException(
                    platform + " source " + source + " is an index without a " + platform + " image; it has "
                            + index.manifests().stream().filter(d -> d.platform() != null)
                            .map(d -> d.platform().toString()).collect(Collectors.joining(", "))));
            response = client.getManifest(source.repository(), child.digest().toString());
            manifest = response.parse();
            if (!(manifest instanceof ImageManifest)) {
                throw new MultiarchException(platform + " source " + source + ": its " + platform
                        + " entry is itself an index; nested indexes are not supported");
            }
            manifestKnown.accept((ImageManifest) manifest);
            if (withAttestations) {
                for (Descriptor entry : index.manifests()) {
                    if (Attestations.subjectOf(entry).filter(child.digest().toString()::equals).isPresent()) {
                        attestations.add(attestation(platform, source, entry));
                    }
                }
            }
        }
        ImageManifest image = (ImageManifest) manifest;
        ImageConfig config = ManifestCodec.parseConfig(client.getBlob(source.repository(), image.config().digest()));
        return new ResolvedImage(platform, source, response, image, config, attestations);
    }

    private Attestation attestation(Platform platform, ImageReference source, Descriptor entry) {
        ManifestResponse response = client.getManifest(source.repository(), entry.digest().toString());
        if (!(response.parse() instanceof ImageManifest image)) {
            throw new MultiarchException(platform + " source " + source + ": its attestation " + entry.digest()
                    + " is not an image manifest (" + response.mediaType() + ")");
        }
        return new Attestation(entry, response, image);
    }
}
