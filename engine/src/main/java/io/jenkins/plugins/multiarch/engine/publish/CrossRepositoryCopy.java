package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
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

    /** @throws PublishException naming every blob or manifest that could not be copied */
    void copyInto(String targetRepo, List<ResolvedImage> images) {
        String where = client.registry() + "/" + targetRepo;
        Map<Digest, ResolvedImage> foreign = new LinkedHashMap<>();
        for (ResolvedImage image : images) {
            if (source != client || !image.source().repository().equals(targetRepo)) {
                foreign.putIfAbsent(image.manifest().digest(), image);
            }
        }
        List<ResolvedImage> candidates = new ArrayList<>(foreign.values());
        List<Boolean> present = all(where, candidates,
                image -> client.headManifest(targetRepo, image.manifest().digest().toString()).isPresent(), this::name);
        List<ResolvedImage> missing = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!present.get(i)) {
                missing.add(candidates.get(i));
            }
        }
        // Each distinct blob once, from the first image that has it.
        Map<Digest, String> blobs = new LinkedHashMap<>();
        Map<Digest, Long> sizes = new LinkedHashMap<>();
        for (ResolvedImage image : missing) {
            blobs.putIfAbsent(image.image().config().digest(), image.source().repository());
            sizes.putIfAbsent(image.image().config().digest(), image.image().config().size());
            image.image().layers().forEach(layer -> {
                blobs.putIfAbsent(layer.digest(), image.source().repository());
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
        all(where, missing, image -> client.putManifest(targetRepo, image.manifest().digest().toString(),
                image.manifest().bytes(), image.manifest().mediaType()), this::name);
    }

    private String name(ResolvedImage image) {
        return image.declared() + " image " + image.source().repository() + "@" + image.manifest().digest();
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
