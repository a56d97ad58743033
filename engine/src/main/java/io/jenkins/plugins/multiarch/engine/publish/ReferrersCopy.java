package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.oci.Manifest;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.oci.Referrer;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;
import io.jenkins.plugins.multiarch.engine.registry.ReferrerList;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.util.Futures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Carries the OCI 1.1 referrers of images (signatures, SBOMs: manifests whose {@code subject} is the image) along
 * when the images cross into another repository, so that what verified the source still verifies the target.
 * Rounds, each in parallel: list each image's referrers in its source repository (API, else the fallback tag); read
 * the referrer manifests; copy them with their blobs ({@link CrossRepositoryCopy}); then, where the target registry
 * has no referrers API, merge them into the target's fallback tag {@code sha256-<hex>} (sorted, each once: a re-run
 * writes nothing). One instance per source registry serves every target: what it read from the source (the lists,
 * the manifests) is read once. Referrers that are indexes themselves, and referrers of referrers, are not followed.
 */
final class ReferrersCopy {

    private final RegistryClient source;
    private final ExecutorService pool;
    private final Consumer<String> log;
    /** By image digest, then by referrer digest: read from the source once for all targets. */
    private final Map<Digest, CompletableFuture<ReferrerList>> listed = new HashMap<>();
    private final Map<Digest, CompletableFuture<ManifestResponse>> manifests = new HashMap<>();

    ReferrersCopy(RegistryClient source, ExecutorService pool, Consumer<String> log) {
        this.source = source;
        this.pool = pool;
        this.log = log;
    }

    /**
     * Copies the referrers of each image that is not already in {@code targetRepo} of the {@code target} registry.
     *
     * @return the referrers copied, per image digest (images without referrers left out)
     * @throws PublishException naming what could not be read or copied
     */
    Map<Digest, List<Referrer>> copyInto(RegistryClient target, String targetRepo, List<ResolvedImage> images) {
        List<ResolvedImage> crossing = images.stream()
                .filter(i -> CrossRepositoryCopy.crosses(target, source, i, targetRepo)).toList();
        crossing.forEach(i -> listed.computeIfAbsent(i.manifest().digest(),
                d -> async(() -> source.referrers(i.source().repository(), d))));
        List<String> problems = new ArrayList<>();
        Map<ResolvedImage, List<Referrer>> listedFor = new LinkedHashMap<>();
        for (ResolvedImage image : crossing) {
            try {
                listedFor.put(image, Futures.await(listed.get(image.manifest().digest())).referrers());
            } catch (RuntimeException e) {
                problems.add(name(image) + ": " + Futures.messageOf(e));
            }
        }
        failOn(problems, "the referrers could not be read");
        listedFor.forEach((image, referrers) -> referrers.forEach(r -> manifests.computeIfAbsent(r.digest(),
                d -> async(() -> source.getManifest(image.source().repository(), d.toString())))));
        Map<Digest, List<Referrer>> found = new LinkedHashMap<>();
        List<CrossRepositoryCopy.Unit> units = new ArrayList<>();
        listedFor.forEach((image, referrers) -> {
            String repo = image.source().repository();
            List<Referrer> copied = new ArrayList<>();
            for (Referrer r : referrers) {
                try {
                    ManifestResponse manifest = Futures.await(manifests.get(r.digest()));
                    Manifest parsed = manifest.parse();
                    if (parsed instanceof ImageManifest m) {
                        units.add(new CrossRepositoryCopy.Unit(repo, manifest, m, image.declared() + " referrer "
                                + repo + "@" + r.digest()));
                        copied.add(r);
                    } else {
                        log.accept("referrer " + repo + "@" + r.digest() + " of " + image.declared()
                                + " is an index; not copied (only image-manifest referrers are)");
                    }
                } catch (RuntimeException e) {
                    problems.add(name(image) + ": " + r.digest() + ": " + Futures.messageOf(e));
                }
            }
            if (!copied.isEmpty()) {
                found.put(image.manifest().digest(), copied);
            }
        });
        failOn(problems, "the referrers could not be read");
        if (found.isEmpty()) {
            return found;
        }
        new CrossRepositoryCopy(target, source, pool).copy(targetRepo, units);
        List<Digest> subjects = new ArrayList<>(found.keySet());
        List<CompletableFuture<Void>> tagging = new ArrayList<>();
        for (Digest subject : subjects) {
            tagging.add(CompletableFuture.runAsync(() -> mergeFallbackTag(target, targetRepo, subject,
                    found.get(subject)), pool));
        }
        for (int i = 0; i < subjects.size(); i++) {
            try {
                Futures.await(tagging.get(i));
            } catch (RuntimeException e) {
                problems.add("fallback tag " + Referrer.fallbackTag(subjects.get(i)) + " in " + target.registry() + "/"
                        + targetRepo + ": " + Futures.messageOf(e));
            }
        }
        failOn(problems, "the referrers could not be listed in the target");
        return found;
    }

    /**
     * Where the target lists referrers itself (API) nothing; else its fallback tag gets old and new, each once, and is
     * left alone when it already lists every one.
     */
    private static void mergeFallbackTag(RegistryClient target, String targetRepo, Digest subject,
                                         List<Referrer> copied) {
        ReferrerList there = target.referrers(targetRepo, subject);
        if (there.viaApi()) {
            return;
        }
        Set<Digest> listed = there.referrers().stream().map(Referrer::digest).collect(Collectors.toSet());
        if (copied.stream().allMatch(r -> listed.contains(r.digest()))) {
            return;
        }
        List<Referrer> all = new ArrayList<>(there.referrers());
        all.addAll(copied);
        target.putManifest(targetRepo, Referrer.fallbackTag(subject), Referrer.fallbackIndex(all),
                MediaTypes.OCI_INDEX);
    }

    private static String name(ResolvedImage image) {
        return image.declared() + " referrers of " + image.source().repository() + "@" + image.manifest().digest();
    }

    private static void failOn(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            throw new PublishException("nothing was published: " + what, problems);
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }
}
