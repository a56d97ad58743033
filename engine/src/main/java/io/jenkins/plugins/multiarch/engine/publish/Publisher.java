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
import java.util.function.Consumer;
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
 */
public final class Publisher {

    private final RegistryClient client;
    private final CheckRunner checkRunner;
    private final Consumer<String> log;
    private final WorkPool work;

    /**
     * @param client a client for the target registry (every source is on it)
     * @param checks what each image must pass before it may be published
     * @param log    progress lines for a person
     */
    public Publisher(RegistryClient client, List<ImageCheck> checks, Consumer<String> log) {
        this(client, checks, log, null);
    }

    /** @param work the engine's shared threads for the per-source work; null for a pool of this publish's own */
    public Publisher(RegistryClient client, List<ImageCheck> checks, Consumer<String> log, WorkPool work) {
        this.work = work;
        this.client = client;
        this.checkRunner = new CheckRunner(checks, log);
        this.log = log;
    }

    public PublishResult publish(PublishRequest request) {
        String targetRepo = request.target().repository();
        client.requestAccess(targetRepo, !request.dryRun());
        request.sources().forEach(s -> client.requestAccess(s.reference().repository(), false));
        client.authenticate();
        List<String> tags = request.tags();
        ExecutorService pool = WorkPool.forOperation(work, "multiarch-publish",
                Math.min(16, request.sources().size() + tags.size()));
        try {
            // Round 1: resolve sources and read current tags together.
            ImageResolver resolver = new ImageResolver(client);
            List<CompletableFuture<ResolvedImage>> resolving = new ArrayList<>();
            for (PlatformSource source : request.sources()) {
                resolving.add(async(pool, () -> resolver.resolve(source.platform(), source.reference())));
            }
            Map<String, CompletableFuture<Optional<Descriptor>>> current = new LinkedHashMap<>();
            for (String tag : tags) {
                current.put(tag, async(pool, () -> client.headManifest(targetRepo, tag)));
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
                checking.add(async(pool, () -> checkRunner.run(image, client)));
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
            ManifestIndex index;
            try {
                index = IndexAssembler.assemble(request.format(), children, request.annotations());
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
            if (!request.dryRun()) {
                // Round 2: children from other repositories of this registry must exist in the target repository.
                new CrossRepositoryCopy(client, pool).copyInto(targetRepo, images);
                // Then the index under each tag, one after another: a failure leaves a known prefix written.
                new TagWriter(client).write(targetRepo, written, unchanged, indexDigest, indexBytes, index.mediaType());
                unchanged.forEach(tag -> log.accept("tag " + tag + " already points at " + indexDigest + "; not written"));
            }
            List<PlatformResult> platforms = new ArrayList<>();
            for (ResolvedImage image : images) {
                platforms.add(new PlatformResult(indexPlatform(image), image.source(), image.manifest().digest(),
                        image.manifest().mediaType(), image.manifest().bytes().length, image.image().contentSize(),
                        checkResults.get(image)));
            }
            platforms.sort((a, b) -> a.platform().compareTo(b.platform()));
            return new PublishResult(request.target().repositoryName(), indexDigest, index.mediaType(),
                    indexBytes.length, written, unchanged, platforms, request.dryRun(), client.statistics().snapshot());
        } finally {
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
