package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to publish: per-platform sources, and the repository and tags the index goes under. Checked as a whole
 * when built, so that a bad request fails before any registry is asked anything.
 *
 * @param target      {@code registry/repository:tag}; its tag is the first tag written
 * @param extraTags   further tags for the same index
 * @param annotations index annotations, e.g. {@code org.opencontainers.image.source}
 * @param dryRun      resolve and verify everything, write nothing
 * @param checks      what every image must pass first
 * @param registries  how the registry is reached
 * @param alsoTo      further targets for the same index, {@code registry/repository[:tag]}: with a tag, under that
 *                    tag only; without, under every tag of {@link #tags()}
 * @param keepAttestations carry each image's attestation manifests (buildx provenance, SBOM) from an index source
 *                    into the published index
 * @param copyReferrers carry each image's OCI 1.1 referrers (signatures, SBOMs) along when it crosses into another
 *                    repository
 */
public record PublishRequest(ImageReference target, List<String> extraTags, List<PlatformSource> sources,
                             IndexFormat format, Map<String, String> annotations, boolean dryRun, CheckPolicy checks,
                             RegistrySettings registries, List<ImageReference> alsoTo, boolean keepAttestations,
                             boolean copyReferrers)
        implements Serializable {

    /** Without copying referrers. */
    public PublishRequest(ImageReference target, List<String> extraTags, List<PlatformSource> sources,
                          IndexFormat format, Map<String, String> annotations, boolean dryRun, CheckPolicy checks,
                          RegistrySettings registries, List<ImageReference> alsoTo, boolean keepAttestations) {
        this(target, extraTags, sources, format, annotations, dryRun, checks, registries, alsoTo, keepAttestations,
                false);
    }

    /** Keeping attestations. */
    public PublishRequest(ImageReference target, List<String> extraTags, List<PlatformSource> sources,
                          IndexFormat format, Map<String, String> annotations, boolean dryRun, CheckPolicy checks,
                          RegistrySettings registries, List<ImageReference> alsoTo) {
        this(target, extraTags, sources, format, annotations, dryRun, checks, registries, alsoTo, true);
    }

    /** To the target alone. */
    public PublishRequest(ImageReference target, List<String> extraTags, List<PlatformSource> sources,
                          IndexFormat format, Map<String, String> annotations, boolean dryRun, CheckPolicy checks,
                          RegistrySettings registries) {
        this(target, extraTags, sources, format, annotations, dryRun, checks, registries, List.of());
    }

    /** With the standard checks ({@link CheckPolicy#standard()}) and default registry settings. */
    public PublishRequest(ImageReference target, List<String> extraTags, List<PlatformSource> sources,
                          IndexFormat format, Map<String, String> annotations, boolean dryRun) {
        this(target, extraTags, sources, format, annotations, dryRun, CheckPolicy.standard(), RegistrySettings.DEFAULT);
    }

    public PublishRequest {
        if (target.tag().isEmpty()) {
            throw new InvalidInputException("target '" + target + "' has no tag; give one, e.g. " + target + ":1.0");
        }
        if (target.digest().isPresent()) {
            throw new InvalidInputException("target '" + target + "' names a digest; publish to a tag, e.g. "
                    + target.repositoryName() + ":" + target.tag().get());
        }
        if (sources.isEmpty()) {
            throw new InvalidInputException("no sources given: name one image per platform, e.g. linux/amd64="
                    + target.repositoryName() + ":amd64 and linux/arm64=" + target.repositoryName() + ":arm64");
        }
        Set<Platform> seen = new HashSet<>();
        for (PlatformSource source : sources) {
            // Two Windows images of one os/arch may differ by os.version, which only their configs tell: the
            // publish checks those once it has read them.
            if (!source.platform().hasOsVersions() && !seen.add(source.platform())) {
                throw new InvalidInputException("platform " + source.platform() + " is given twice; each platform "
                        + "may have one source");
            }
        }
        for (String tag : extraTags) {
            target.withTag(tag); // validates the tag
        }
        alsoTo = alsoTo == null ? List.of() : List.copyOf(alsoTo);
        checkFurtherTargets(target, alsoTo);
        extraTags = List.copyOf(extraTags);
        sources = List.copyOf(sources);
        annotations = Map.copyOf(new TreeMap<>(annotations));
        if (format == null) {
            format = IndexFormat.OCI;
        }
        if (format == IndexFormat.DOCKER && !annotations.isEmpty()) {
            // Refused here, before any registry request, rather than when the index is assembled.
            throw new InvalidInputException("a Docker manifest list cannot carry annotations "
                    + new TreeMap<>(annotations).keySet() + "; publish an OCI index (or let the format be chosen"
                    + " automatically) to keep them");
        }
        if (checks == null) {
            checks = CheckPolicy.standard();
        }
        if (registries == null) {
            registries = RegistrySettings.DEFAULT;
        }
    }

    /** The same request with other checks. */
    public PublishRequest withChecks(CheckPolicy value) {
        return new PublishRequest(target, extraTags, sources, format, annotations, dryRun, value, registries, alsoTo, keepAttestations, copyReferrers);
    }

    /** The same request reaching the registry with other settings. */
    public PublishRequest withRegistries(RegistrySettings value) {
        return new PublishRequest(target, extraTags, sources, format, annotations, dryRun, checks, value, alsoTo, keepAttestations, copyReferrers);
    }

    /** The same request, copying the images' referrers along or not. */
    public PublishRequest withReferrers(boolean value) {
        return new PublishRequest(target, extraTags, sources, format, annotations, dryRun, checks, registries, alsoTo,
                keepAttestations, value);
    }

    /** The tags the index goes under in a further target: its own tag, else all of {@link #tags()}. */
    public List<String> tagsFor(ImageReference further) {
        return further.tag().map(List::of).orElseGet(this::tags);
    }

    /** Every tag the index goes under, the target's first, without repeats. */
    public List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(target.tag().orElseThrow());
        tags.addAll(extraTags);
        return new ArrayList<>(tags);
    }

    /**
     * Each further target names a repository (and perhaps a tag), no digest, and no repository is a target twice.
     *
     * @throws InvalidInputException naming the target that is not
     */
    public static void checkFurtherTargets(ImageReference target, List<ImageReference> alsoTo) {
        Set<String> repositories = new HashSet<>();
        repositories.add(target.repositoryName());
        for (ImageReference other : alsoTo) {
            if (other.digest().isPresent()) {
                throw new InvalidInputException("further target '" + other + "' names a digest; give "
                        + other.repositoryName() + " (every tag) or " + other.repositoryName() + ":TAG");
            }
            if (!repositories.add(other.repositoryName())) {
                throw new InvalidInputException("repository " + other.repositoryName() + " is given as a target twice;"
                        + " name each repository once (further tags of the main target go with --tag)");
            }
        }
    }

    /** Parses {@code KEY=VALUE} annotations. */
    public static Map<String, String> parseAnnotations(List<String> pairs) {
        Map<String, String> annotations = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("invalid annotation '" + pair
                        + "': expected KEY=VALUE, e.g. org.opencontainers.image.source=https://example.com/app");
            }
            if (annotations.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new InvalidInputException("annotation '" + pair.substring(0, eq) + "' is given twice");
            }
        }
        return annotations;
    }
}
