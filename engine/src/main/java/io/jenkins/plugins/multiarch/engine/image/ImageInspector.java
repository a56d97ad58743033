package io.jenkins.plugins.multiarch.engine.image;

import io.jenkins.plugins.multiarch.engine.oci.Attestations;

import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageConfig;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.oci.Manifest;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.oci.ManifestIndex;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import io.jenkins.plugins.multiarch.engine.util.DaemonPool;
import io.jenkins.plugins.multiarch.engine.util.WorkPool;
import io.jenkins.plugins.multiarch.engine.util.Futures;

/**
 * Tells what a reference points at. For an index it reads each child manifest (in parallel) to give image sizes;
 * for a single image it reads the config to give its platform.
 */
public final class ImageInspector {

    private final RegistryClient client;
    private final WorkPool work;

    public ImageInspector(RegistryClient client) {
        this(client, null);
    }

    /** @param work the engine's shared threads for reading the children; null for a pool of this inspection's own */
    public ImageInspector(RegistryClient client, WorkPool work) {
        this.client = client;
        this.work = work;
    }

    public InspectResult inspect(ImageReference reference) {
        client.requestAccess(reference.repository(), false);
        ManifestResponse response = client.getManifest(reference.repository(), reference.manifestReference());
        Manifest manifest = response.parse();
        if (manifest instanceof ManifestIndex index) {
            client.checkChildren(reference.repository() + "@" + response.digest(), index.manifests().size(), "an inspect");
            ExecutorService pool = WorkPool.forOperation(work, "multiarch-inspect",
                    Math.min(16, index.manifests().size()));
            try {
                List<CompletableFuture<InspectResult.Entry>> entries = new ArrayList<>();
                for (Descriptor child : index.manifests()) {
                    entries.add(CompletableFuture.supplyAsync(() -> entry(reference, child), pool));
                }
                return new InspectResult(reference, response.digest(), response.mediaType(), response.bytes().length,
                        entries.stream().map(Futures::await).toList(), index.annotations());
            } finally {
                DaemonPool.close(pool);
            }
        }
        ImageManifest image = (ImageManifest) manifest;
        ImageConfig config = ManifestCodec.parseConfig(client.getBlob(reference.repository(), image.config().digest()));
        Platform platform;
        try {
            platform = Platform.parse(config.platformText()).withOsVersion(config.osVersion());
        } catch (InvalidPlatformException e) {
            platform = new Platform(String.valueOf(config.os()), String.valueOf(config.architecture()), config.variant(),
                    config.osVersion());
        }
        return new InspectResult(reference, response.digest(), response.mediaType(), response.bytes().length,
                List.of(new InspectResult.Entry(platform, response.digest(), response.mediaType(),
                        response.bytes().length, image.contentSize(), null,
                        client.referrers(reference.repository(), response.digest()).referrers())), Map.of());
    }

    private InspectResult.Entry entry(ImageReference reference, Descriptor child) {
        long imageSize = -1;
        String attestationOf = Attestations.subjectOf(child).orElse(null);
        List<io.jenkins.plugins.multiarch.engine.oci.Referrer> referrers = List.of();
        if (MediaTypes.isImageManifest(child.mediaType()) && attestationOf == null) {
            referrers = client.referrers(reference.repository(), child.digest()).referrers();
        }
        if (MediaTypes.isImageManifest(child.mediaType())) {
            Manifest childManifest = client.getManifest(reference.repository(), child.digest().toString()).parse();
            if (childManifest instanceof ImageManifest image) {
                imageSize = image.contentSize();
            }
        }
        return new InspectResult.Entry(child.platform(), child.digest(), child.mediaType(), child.size(), imageSize,
                attestationOf, referrers);
    }
}
