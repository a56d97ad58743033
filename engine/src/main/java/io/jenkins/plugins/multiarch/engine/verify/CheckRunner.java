package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.image.ImageResolver;
import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.registry.BlobPrefetch;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs an image's checks in order, for publish and verify alike. */
public final class CheckRunner {

    private final List<ImageCheck> checks;
    private final Consumer<String> log;

    /** @param log gets the message of every "not checked" result, so a person sees what was left unproven */
    public CheckRunner(List<ImageCheck> checks, Consumer<String> log) {
        this.checks = List.copyOf(checks);
        this.log = log;
    }

    /**
     * The results in check order. Stops after the first failure: one reason per image is enough, and a config that
     * says amd64 under arm64 needs no layer reads to refute.
     *
     * @param prefetch layers perhaps opened ahead (see {@link #openingAhead}); {@link BlobPrefetch#none()} for none
     * @throws RuntimeException from a check that could not run (a layer that cannot be read), naming the image
     */
    public List<CheckResult> run(ResolvedImage image, RegistryClient client, BlobPrefetch prefetch) {
        List<CheckResult> results = new ArrayList<>();
        for (ImageCheck check : checks) {
            CheckResult result = check.check(image, client, prefetch);
            results.add(result);
            if (result.failed()) {
                break;
            }
            if (result.status() == CheckResult.Status.NOT_CHECKED) {
                log.accept(result.message());
            }
        }
        return results;
    }

    /**
     * What to do once an image's manifest is known (see {@link ImageResolver#resolve}): open ahead, into {@code
     * prefetch}, the layer these checks will read first of that image for {@code declared}, from {@code repository}.
     */
    public Consumer<ImageManifest> openingAhead(Platform declared, RegistryClient client, String repository,
                                                BlobPrefetch prefetch) {
        return image -> firstLayerRead(declared, image).ifPresent(layer -> prefetch.start(client, repository,
                layer.digest(), layer.size()));
    }

    /**
     * The layer the checks will read first for an image for {@code declared}, known from its manifest alone: the
     * first check's that reads layers. The checks before it read none, so a layer opened ahead is the one read first.
     */
    Optional<Descriptor> firstLayerRead(Platform declared, ImageManifest image) {
        for (ImageCheck check : checks) {
            Optional<Descriptor> layer = check.firstLayerRead(declared, image);
            if (layer.isPresent()) {
                return layer;
            }
        }
        return Optional.empty();
    }
}
