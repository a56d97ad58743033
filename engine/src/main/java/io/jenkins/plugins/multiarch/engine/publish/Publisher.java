package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import io.jenkins.plugins.multiarch.engine.image.ImageResolver;
import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.index.IndexAssembler;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.oci.ManifestIndex;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.BlobPrefetch;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.util.DaemonPool;
import io.jenkins.plugins.multiarch.engine.util.WorkPool;
import io.jenkins.plugins.multiarch.engine.util.Futures;
import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import io.jenkins.plugins.multiarch.engine.verify.CheckRunner;
import io.jenkins.plugins.multiarch.engine.verify.ImageCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Publishes one index over per-platform images: resolve every source, verify every image, and only then write.
 *
 * <p>Rounds of requests, each round in parallel: (1) resolve sources (manifest, perhaps an index child, config)
 * while asking what each tag points at now; (2) for images in another repository, mount their blobs (each distinct
 * blob once) and put their manifests into the target repository ({@link CrossRepositoryCopy}). Then (3) the index
 * is put under each tag that does not already point at it, one tag after another in the order given, stopping at
 * the first failure ({@link TagWriteException}). No tag is written when any source fails, and a re-run that changes
 * nothing writes nothing.
 *
 * <p>Further targets ({@link PublishRequest#alsoTo()}) get the same index bytes: every target's login is settled
 * first, each target's tags are read in round (1), every target gets every image (and the attestation manifests
 * kept with them) in round (2) before any tag is written anywhere, and then the tags of the main target and of each
 * further target are written one after another; a failure names each tag as {@code registry/repository:tag}.
 */
public final class Publisher {

    private final RegistryClient client;
    private final CheckRunner checkRunner;
    private final Consumer<String> log;
    private final Function<String, RegistryClient> otherRegistries;
    private final WorkPool work;

    /**
     * @param client a client for the target registry (sources on other registries need the other constructor)
     * @param checks what each image must pass before it may be published
     * @param log    progress lines for a person
     */
    public Publisher(RegistryClient client, List<ImageCheck> checks, Consumer<String> log) {
        this(client, checks, log, registry -> {
            throw new IllegalStateException("no client for registry " + registry);
        }, null);
    }

    /**
     * @param otherRegistries makes a client for another registry that a source or a further target ({@code alsoTo})
     *                        is on
     * @param work            the engine's shared threads for the per-source work; null for a pool of this publish's own
     */
    public Publisher(RegistryClient client, List<ImageCheck> checks, Consumer<String> log,
                     Function<String, RegistryClient> otherRegistries, WorkPool work) {
        this.work = work;
        this.client = client;
        this.checkRunner = new CheckRunner(checks, log);
        this.log = log;
        this.otherRegistries = otherRegistries;
    }

    /** A further target: its repository, the client of its registry, its tags and what they point at now. */
    private record Further(ImageReference reference, RegistryClient client, List<String> tags,
                           Map<String, CompletableFuture<Optional<Descriptor>>> current) {
        String label(String tag) {
            return reference.repositoryName() + ":" + tag;
        }
    }

    public PublishResult publish(PublishRequest request) {
        String targetRepo = request.target().repository();
        client.requestAccess(targetRepo, !request.dryRun());
        Map<String, RegistryClient> clients = new LinkedHashMap<>();
        clients.put(client.registry(), client);
        // Sources may be on other registries: each registry gets one client, with its own credentials.
        request.sources().forEach(s -> clients.computeIfAbsent(s.reference().registry(), otherRegistries)
                .requestAccess(s.reference().repository(), false));
        List<Further> further = new ArrayList<>();
        for (ImageReference other : request.alsoTo()) {
            RegistryClient c = clients.computeIfAbsent(other.registry(), otherRegistries);
            c.requestAccess(other.repository(), !request.dryRun());
            further.add(new Further(other, c, request.tagsFor(other), new LinkedHashMap<>()));
        }
        // Every registry's login is checked before anything is read or written.
        clients.values().forEach(RegistryClient::authenticate);
        List<String> tags = request.tags();
        int furtherTags = further.stream().mapToInt(f -> f.tags().size()).sum();
        // Each source may also open its first checked layer while its config is read (see BlobPrefetch).
        ExecutorService pool = WorkPool.forOperation(work, "multiarch-publish",
                Math.min(16, 2 * request.sources().size() + tags.size() + furtherTags));
        BlobPrefetch prefetch = new BlobPrefetch(pool);
        try {
            // Round 1: resolve sources and read current tags together.
            List<CompletableFuture<ResolvedImage>> resolving = new ArrayList<>();
            for (PlatformSource source : request.sources()) {
                RegistryClient sourceClient = clients.get(source.reference().registry());
                ImageResolver resolver = new ImageResolver(sourceClient);
                resolving.add(async(pool, () -> resolver.resolve(source.platform(), source.reference(),
                        request.keepAttestations(), checkRunner.openingAhead(source.platform(), sourceClient,
                                source.reference().repository(), prefetch))));
            }
            Map<String, CompletableFuture<Optional<Descriptor>>> current = new LinkedHashMap<>();
            for (String tag : tags) {
                current.put(tag, async(pool, () -> client.headManifest(targetRepo, tag)));
            }
            for (Further f : further) {
                for (String tag : f.tags()) {
                    f.current().put(tag, async(pool, () -> f.client().headManifest(f.reference().repository(), tag)));
                }
            }
            List<String> problems = new ArrayList<>();
            List<ResolvedImage> images = new ArrayList<>();
            for (int i = 0; i < resolving.size(); i++) {
                try {
                    images.add(Futures.await(resolving.get(i)));
                } catch (RuntimeException e) {
                    problems.add(request.sources().get(i).platform() + " source " + request.sources().get(i).reference()
                            + ": " + Futures.messageOf(e));
                }
            }
            if (!problems.isEmpty()) {
                throw new PublishException("nothing was published: " + problems.size() + " of "
                        + request.sources().size() + " sources could not be read", problems);
            }
            // Checks may read layers: run them for all platforms at once.
            List<CompletableFuture<List<CheckResult>>> checking = new ArrayList<>();
            for (ResolvedImage image : images) {
                checking.add(async(pool, () -> checkRunner.run(image, clients.get(image.source().registry()),
                        prefetch)));
            }
            Map<ResolvedImage, List<CheckResult>> checkResults = new LinkedHashMap<>();
            for (int i = 0; i < images.size(); i++) {
                ResolvedImage image = images.get(i);
                try {
                    List<CheckResult> results = Futures.await(checking.get(i));
                    checkResults.put(image, results);
                    results.stream().filter(CheckResult::failed).forEach(r -> problems.add(r.message()));
                } catch (RuntimeException e) {
                    problems.add(image.declared() + " source " + image.source() + " could not be checked: "
                            + Futures.messageOf(e));
                }
            }
            if (!problems.isEmpty()) {
                throw new PublishException("nothing was published: " + problems.size() + " verification "
                        + (problems.size() == 1 ? "failure" : "failures"), problems);
            }
            images.forEach(image -> log.accept("verified " + image.declared() + " " + image.manifest().digest()));

            List<Descriptor> children = new ArrayList<>();
            for (ResolvedImage image : images) {
                children.add(image.manifest().descriptor().withPlatform(indexPlatform(image)));
            }
            List<Descriptor> attestations = new ArrayList<>();
            images.forEach(image -> image.attestations().forEach(a -> attestations.add(a.entry())));
            ManifestIndex index;
            try {
                index = IndexAssembler.assemble(request.format(), children, attestations, request.annotations());
            } catch (InvalidInputException e) {
                throw new PublishException("nothing was published", List.of(e.getMessage()));
            }
            byte[] indexBytes = ManifestCodec.write(index);
            Digest indexDigest = Digest.sha256(indexBytes);

            List<String> written = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (String tag : tags) {
                Optional<Descriptor> now = Futures.await(current.get(tag));
                if (now.isPresent() && now.get().digest().equals(indexDigest)) {
                    unchanged.add(tag);
                } else {
                    written.add(tag);
                }
            }
            List<TargetResult> furtherResults = new ArrayList<>();
            List<TagWriter.TagWrite> furtherWrites = new ArrayList<>();
            List<String> furtherUnchanged = new ArrayList<>();
            for (Further f : further) {
                List<String> fWritten = new ArrayList<>();
                List<String> fUnchanged = new ArrayList<>();
                for (String tag : f.tags()) {
                    Optional<Descriptor> now = Futures.await(f.current().get(tag));
                    if (now.isPresent() && now.get().digest().equals(indexDigest)) {
                        fUnchanged.add(tag);
                        furtherUnchanged.add(f.label(tag));
                    } else {
                        fWritten.add(tag);
                        furtherWrites.add(new TagWriter.TagWrite(f.client(), f.reference().repository(), tag,
                                f.label(tag)));
                    }
                }
                furtherResults.add(new TargetResult(f.reference().repositoryName(), fWritten, fUnchanged));
            }
            Map<String, List<io.jenkins.plugins.multiarch.engine.oci.Referrer>> referrers = new LinkedHashMap<>();
            if (!request.dryRun()) {
                // Round 2: children from other repositories must exist in the target repository, and in every
                // further target, before any tag is written anywhere.
                Map<String, List<ResolvedImage>> bySourceRegistry = new LinkedHashMap<>();
                images.forEach(image -> bySourceRegistry.computeIfAbsent(image.source().registry(),
                        r -> new ArrayList<>()).add(image));
                bySourceRegistry.forEach((registry, from) ->
                        new CrossRepositoryCopy(client, clients.get(registry), pool).copyInto(targetRepo, from));
                for (Further f : further) {
                    bySourceRegistry.forEach((registry, from) -> new CrossRepositoryCopy(f.client(),
                            clients.get(registry), pool).copyInto(f.reference().repository(), from));
                }
                if (request.copyReferrers()) {
                    bySourceRegistry.forEach((registry, from) -> {
                        ReferrersCopy copy = new ReferrersCopy(clients.get(registry), pool, log);
                        copy.copyInto(client, targetRepo, from).forEach((subject, list) ->
                                referrers.put(subject.toString(), list));
                        further.forEach(f -> copy.copyInto(f.client(), f.reference().repository(), from));
                    });
                    referrers.forEach((subject, list) -> log.accept("referrers of " + subject + " copied: "
                            + list.size()));
                }
                // Then the index under each tag, one after another: a failure leaves a known prefix written.
                if (further.isEmpty()) {
                    new TagWriter(client).write(targetRepo, written, unchanged, indexDigest, indexBytes,
                            index.mediaType());
                } else {
                    String main = request.target().repositoryName();
                    List<TagWriter.TagWrite> writes = new ArrayList<>();
                    written.forEach(tag -> writes.add(new TagWriter.TagWrite(client, targetRepo, tag, main + ":" + tag)));
                    writes.addAll(furtherWrites);
                    List<String> allUnchanged = new ArrayList<>();
                    unchanged.forEach(tag -> allUnchanged.add(main + ":" + tag));
                    allUnchanged.addAll(furtherUnchanged);
                    TagWriter.writeInOrder(writes, allUnchanged, indexDigest, indexBytes, index.mediaType());
                }
                unchanged.forEach(tag -> log.accept("tag " + tag + " already points at " + indexDigest + "; not written"));
                furtherUnchanged.forEach(tag -> log.accept(tag + " already points at " + indexDigest + "; not written"));
            }
            List<PlatformResult> platforms = new ArrayList<>();
            for (ResolvedImage image : images) {
                platforms.add(new PlatformResult(indexPlatform(image), image.source(), image.manifest().digest(),
                        image.manifest().mediaType(), image.manifest().bytes().length, image.image().contentSize(),
                        checkResults.get(image), image.attestations().stream().map(a -> a.manifest().digest()).toList()));
            }
            platforms.sort((a, b) -> a.platform().compareTo(b.platform()));
            Map<String, Long> requests = new TreeMap<>();
            clients.values().forEach(c -> c.statistics().snapshot().forEach((k, v) -> requests.merge(k, v, Long::sum)));
            return new PublishResult(request.target().repositoryName(), indexDigest, index.mediaType(),
                    indexBytes.length, written, unchanged, platforms, request.dryRun(), requests, furtherResults,
                    referrers);
        } finally {
            prefetch.close();
            DaemonPool.close(pool);
        }
    }

    /** The declared platform, with the config's os.version: Windows hosts pick their image by it. */
    private static Platform indexPlatform(ResolvedImage image) {
        return image.declared().withOsVersion(image.config().osVersion());
    }

    private static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }
}
