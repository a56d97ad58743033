package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.image.Attestation;
import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.util.Futures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Puts images from other repositories into the target repository by digest, so the index can list them. Blobs are
 * gathered over all images first: a base layer that two platforms share is copied once, not once per platform (and
 * not twice at the same time). Three rounds, each in parallel: which manifests the target lacks; one mount (same
 * registry) or one streamed copy (another registry: read from the source, uploaded as it is read, never held in
 * memory; skipped where the target has the blob) per distinct blob; one manifest PUT per image. No tag is written.
 */
final class CrossRepositoryCopy {

    private final RegistryClient client;
    private final RegistryClient source;
    private final ExecutorService pool;

    /** Within one registry: blobs are mounted. */
    CrossRepositoryCopy(RegistryClient client, ExecutorService pool) {
        this(client, client, pool);
    }

    /**
     * @param target the target registry's client
     * @param source the sources' registry's client; when it is another registry, blobs are streamed across
     */
    CrossRepositoryCopy(RegistryClient target, RegistryClient source, ExecutorService pool) {
        this.client = target;
        this.source = source;
        this.pool = pool;
    }

    /** One manifest to copy: where it is, its bytes, and what it refers to. */
    record Unit(String sourceRepo, ManifestResponse manifest, ImageManifest image, String name) {
    }

    /**
     * Copies the images (and their attestation manifests, which are kept with them) into {@code targetRepo}.
     *
     * @throws PublishException naming every blob or manifest that could not be copied
     */
    void copyInto(String targetRepo, List<ResolvedImage> images) {
        Map<Digest, Unit> foreign = new LinkedHashMap<>();
        for (ResolvedImage image : images) {
            if (crosses(client, source, image, targetRepo)) {
                String repo = image.source().repository();
                foreign.putIfAbsent(image.manifest().digest(), new Unit(repo, image.manifest(), image.image(),
                        image.declared() + " image " + repo + "@" + image.manifest().digest()));
                for (Attestation a : image.attestations()) {
                    foreign.putIfAbsent(a.manifest().digest(), new Unit(repo, a.manifest(), a.image(),
                            image.declared() + " attestation " + repo + "@" + a.manifest().digest()));
                }
            }
        }
        copy(targetRepo, new ArrayList<>(foreign.values()));
    }

    /** Whether {@code image}, read through {@code source}, is not already in {@code targetRepo} of {@code target}. */
    static boolean crosses(RegistryClient target, RegistryClient source, ResolvedImage image, String targetRepo) {
        return source != target || !image.source().repository().equals(targetRepo);
    }

    /**
     * Copies these manifests, with their blobs, into {@code targetRepo} where it lacks them.
     *
     * @throws PublishException naming every blob or manifest that could not be copied
     */
    void copy(String targetRepo, List<Unit> candidates) {
        String where = client.registry() + "/" + targetRepo;
        List<Boolean> present = all(where, candidates,
                unit -> client.headManifest(targetRepo, unit.manifest().digest().toString()).isPresent(), Unit::name);
        List<Unit> missing = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!present.get(i)) {
                missing.add(candidates.get(i));
            }
        }
        // Each distinct blob once, from the first manifest that has it.
        Map<Digest, String> blobs = new LinkedHashMap<>();
        Map<Digest, Long> sizes = new LinkedHashMap<>();
        for (Unit unit : missing) {
            blobs.putIfAbsent(unit.image().config().digest(), unit.sourceRepo());
            sizes.putIfAbsent(unit.image().config().digest(), unit.image().config().size());
            unit.image().layers().forEach(layer -> {
                blobs.putIfAbsent(layer.digest(), unit.sourceRepo());
                sizes.putIfAbsent(layer.digest(), layer.size());
            });
        }
        all(where, new ArrayList<>(blobs.entrySet()), blob -> {
            if (source == client) {
                client.mountBlob(targetRepo, blob.getKey(), blob.getValue());
            } else {
                client.uploadBlob(targetRepo, blob.getKey(), sizes.get(blob.getKey()),
                        () -> source.openBlob(blob.getValue(), blob.getKey()));
            }
            return blob.getKey();
        }, blob -> "blob " + blob.getKey() + " from " + source.registry() + "/" + blob.getValue());
        all(where, missing, unit -> client.putManifest(targetRepo, unit.manifest().digest().toString(),
                unit.manifest().bytes(), unit.manifest().mediaType()), Unit::name);
    }


    /**
     * Runs {@code work} on every item at once and waits for all of it; the results in item order.
     *
     * @throws AccessDeniedException as it is when access was refused: it is about the repository, so said once
     * @throws PublishException        listing each item that failed
     */
    private <T, R> List<R> all(String where, List<T> items, Function<T, R> work, Function<T, String> name) {
        List<CompletableFuture<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> work.apply(item), pool));
        }
        List<R> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        AccessDeniedException denied = null;
        for (int i = 0; i < items.size(); i++) {
            try {
                results.add(Futures.await(futures.get(i)));
            } catch (AccessDeniedException e) {
                denied = denied == null ? e : denied;
            } catch (RuntimeException e) {
                problems.add(name.apply(items.get(i)) + ": " + Futures.messageOf(e));
            }
        }
        if (denied != null) {
            throw denied;
        }
        if (!problems.isEmpty()) {
            throw new PublishException("nothing was published: copying images into " + where + " failed", problems);
        }
        return results;
    }
}
