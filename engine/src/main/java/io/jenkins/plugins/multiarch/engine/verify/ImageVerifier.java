package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.oci.Attestations;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

import io.jenkins.plugins.multiarch.engine.image.ImageResolver;
import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
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
import io.jenkins.plugins.multiarch.engine.registry.BlobPrefetch;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.util.DaemonPool;
import io.jenkins.plugins.multiarch.engine.util.WorkPool;
import io.jenkins.plugins.multiarch.engine.util.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Checks an image that is already published: every platform of an index against its index entry, or a single image
 * against the platform its config says. The same checks as a publish, all platforms in parallel; nothing is written.
 */
public final class ImageVerifier {

    /** Buildx marks its provenance and SBOM entries so; they are not images anyone runs. */

    private final RegistryClient client;
    private final CheckRunner checkRunner;
    private final WorkPool shared;

    /** @param log gets one line per check that could not tell (see {@link CheckRunner}) */
    public ImageVerifier(RegistryClient client, List<ImageCheck> checks, Consumer<String> log) {
        this(client, checks, log, null);
    }

    /** @param work the engine's shared threads for the per-platform checks; null for a pool of this check's own */
    public ImageVerifier(RegistryClient client, List<ImageCheck> checks, Consumer<String> log, WorkPool work) {
        this.shared = work;
        this.client = client;
        this.checkRunner = new CheckRunner(checks, log);
    }

    public VerifyResult verify(ImageReference reference) {
        client.requestAccess(reference.repository(), false);
        client.authenticate();
        ManifestResponse response = client.getManifest(reference.repository(), reference.manifestReference());
        Manifest manifest = response.parse();
        if (manifest instanceof ManifestIndex index) {
            client.checkChildren(reference.repository() + "@" + response.digest(), index.manifests().size(), "a verify");
        }
        List<CompletableFuture<PlatformVerification>> work = new ArrayList<>();
        // Each platform may also open its first checked layer while its config is read (see BlobPrefetch).
        ExecutorService pool = WorkPool.forOperation(shared, "multiarch-verify", manifest instanceof ManifestIndex index
                ? Math.min(16, 2 * index.manifests().size()) : 1);
        BlobPrefetch prefetch = new BlobPrefetch(pool);
        try {
            if (manifest instanceof ManifestIndex index) {
                ImageResolver resolver = new ImageResolver(client);
                for (Descriptor child : runnableChildren(index)) {
                    work.add(CompletableFuture.supplyAsync(() -> check(child.platform(), child, () -> resolver.resolve(
                            child.platform(), reference.withDigest(child.digest()), false,
                            checkRunner.openingAhead(child.platform(), client, reference.repository(), prefetch)),
                            prefetch), pool));
                }
            } else {
                work.add(CompletableFuture.supplyAsync(() -> checkSingle(reference, response, (ImageManifest) manifest,
                        prefetch), pool));
            }
            List<PlatformVerification> platforms = work.stream().map(Futures::await).toList();
            return new VerifyResult(reference, response.digest(), response.mediaType(), platforms);
        } finally {
            prefetch.close();
            DaemonPool.close(pool);
        }
    }

    private PlatformVerification checkSingle(ImageReference reference, ManifestResponse response, ImageManifest image,
                                             BlobPrefetch prefetch) {
        Descriptor self = response.descriptor();
        return check(null, self, () -> {
            ImageConfig config = ManifestCodec.parseConfig(client.getBlob(reference.repository(), image.config().digest()));
            Platform declared;
            try {
                declared = Platform.parse(config.platformText());
            } catch (InvalidPlatformException e) {
                throw new MultiarchException(reference + " is a single image whose config names no platform we"
                        + " know (" + config.platformText() + "); nothing to check it against");
            }
            return new ResolvedImage(declared, reference, response, image, config);
        }, prefetch);
    }

    /** Resolves and checks one image; any error becomes a failed result for that platform, so the others still report. */
    private PlatformVerification check(Platform entryPlatform, Descriptor descriptor, ResolveStep resolve,
                                       BlobPrefetch prefetch) {
        ResolvedImage image;
        try {
            image = resolve.resolve();
        } catch (RuntimeException e) {
            return new PlatformVerification(entryPlatform, descriptor.digest(), List.of(CheckResult.failed("resolve",
                    label(entryPlatform) + "could not be read: " + e.getMessage(), Map.of())));
        }
        List<CheckResult> results;
        try {
            results = checkRunner.run(image, client, prefetch);
        } catch (RuntimeException e) {
            results = List.of(CheckResult.failed("check", label(image.declared()) + "could not be checked: "
                    + e.getMessage(), Map.of()));
        }
        return new PlatformVerification(image.declared(), image.manifest().digest(), results);
    }

    private static String label(Platform platform) {
        return platform == null ? "" : platform + ": ";
    }

    /** Index entries that are images for a platform; attestations and unknown/unknown entries are left out. */
    static List<Descriptor> runnableChildren(ManifestIndex index) {
        return index.manifests().stream()
                .filter(d -> MediaTypes.isImageManifest(d.mediaType()))
                .filter(d -> d.platform() != null && !"unknown".equals(d.platform().os()))
                .filter(d -> !d.annotations().containsKey(Attestations.REFERENCE_TYPE))
                .toList();
    }

    /** Resolving may fail; the failure belongs to the platform's row, not the whole run. */
    @FunctionalInterface
    private interface ResolveStep {
        ResolvedImage resolve();
    }
}
