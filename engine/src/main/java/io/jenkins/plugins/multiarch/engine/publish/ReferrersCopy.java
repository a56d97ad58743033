package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.oci.Manifest;
import io.jenkins.plugins.multiarch.engine.oci.Referrer;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;
import io.jenkins.plugins.multiarch.engine.registry.ReferrerList;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.util.Futures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Carries the OCI 1.1 referrers of images (signatures, SBOMs: manifests whose {@code subject} is the image) along
 * when the images cross into another repository, so that what verified the source still verifies the target.
 * Rounds, each in parallel: list each image's referrers in its source repository (API, else the fallback tag); copy
 * the referrer manifests with their blobs ({@link CrossRepositoryCopy}); then, where the target registry has no
 * referrers API, merge them into the target's fallback tag {@code sha256-<hex>} (sorted, each once: a re-run
 * writes nothing). Referrers that are indexes themselves, and referrers of referrers, are not followed.
 */
final class ReferrersCopy {

    private final RegistryClient target;
    private final RegistryClient source;
    private final ExecutorService pool;
    private final Consumer<String> log;

    ReferrersCopy(RegistryClient target, RegistryClient source, ExecutorService pool, Consumer<String> log) {
        this.target = target;
        this.source = source;
        this.pool = pool;
        this.log = log;
    }

    /**
     * Copies the referrers of each image that is not already in {@code targetRepo} of the target registry.
     *
     * @return the referrers copied, per image digest (images without referrers left out)
     * @throws PublishException naming what could not be read or copied
     */
    Map<Digest, List<Referrer>> copyInto(String targetRepo, List<ResolvedImage> images) {
        List<ResolvedImage> crossing = images.stream()
                .filter(i -> source != target || !i.source().repository().equals(targetRepo)).toList();
        List<CompletableFuture<ReferrerList>> listing = new ArrayList<>();
        for (ResolvedImage image : crossing) {
            listing.add(CompletableFuture.supplyAsync(
                    () -> source.referrers(image.source().repository(), image.manifest().digest()), pool));
        }
        Map<Digest, List<Referrer>> found = new LinkedHashMap<>();
        List<CrossRepositoryCopy.Unit> units = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < crossing.size(); i++) {
            ResolvedImage image = crossing.get(i);
            String repo = image.source().repository();
            try {
                List<Referrer> referrers = new ArrayList<>();
                for (Referrer r : Futures.await(listing.get(i)).referrers()) {
                    ManifestResponse manifest = source.getManifest(repo, r.digest().toString());
                    Manifest parsed = manifest.parse();
                    if (parsed instanceof ImageManifest m) {
                        units.add(new CrossRepositoryCopy.Unit(repo, manifest, m, image.declared() + " referrer "
                                + repo + "@" + r.digest()));
                        referrers.add(r);
                    } else {
                        log.accept("referrer " + repo + "@" + r.digest() + " of " + image.declared()
                                + " is an index; not copied (only image-manifest referrers are)");
                    }
                }
                if (!referrers.isEmpty()) {
                    found.put(image.manifest().digest(), referrers);
                }
            } catch (RuntimeException e) {
                problems.add(image.declared() + " referrers of " + repo + "@" + image.manifest().digest() + ": "
                        + Futures.messageOf(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new PublishException("nothing was published: the referrers could not be read", problems);
        }
        if (found.isEmpty()) {
            return found;
        }
        new CrossRepositoryCopy(target, source, pool).copy(targetRepo, units);
        List<CompletableFuture<Void>> tagging = new ArrayList<>();
        List<Digest> subjects = new ArrayList<>(found.keySet());
        for (Digest subject : subjects) {
            tagging.add(CompletableFuture.runAsync(() -> mergeFallbackTag(targetRepo, subject, found.get(subject)), pool));
        }
        for (int i = 0; i < subjects.size(); i++) {
            try {
                Futures.await(tagging.get(i));
            } catch (RuntimeException e) {
                problems.add("fallback tag " + Referrer.fallbackTag(subjects.get(i)) + " in " + target.registry() + "/"
                        + targetRepo + ": " + Futures.messageOf(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new PublishException("nothing was published: the referrers could not be listed in the target",
                    problems);
        }
        return found;
    }

    /** Where the target lists referrers itself (API) nothing; else the fallback tag holds old and new, each once. */
    private void mergeFallbackTag(String targetRepo, Digest subject, List<Referrer> copied) {
        ReferrerList there = target.referrers(targetRepo, subject);
        if (there.viaApi()) {
            return;
        }
        List<Referrer> all = new ArrayList<>(there.referrers());
        all.addAll(copied);
        byte[] merged = Referrer.fallbackIndex(all);
        if (!there.referrers().isEmpty() && Digest.sha256(merged).equals(
                Digest.sha256(Referrer.fallbackIndex(there.referrers())))) {
            return; // already lists them all
        }
        target.putManifest(targetRepo, Referrer.fallbackTag(subject), merged,
                io.jenkins.plugins.multiarch.engine.oci.MediaTypes.OCI_INDEX);
    }
}
