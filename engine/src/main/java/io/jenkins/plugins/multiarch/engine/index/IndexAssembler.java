package io.jenkins.plugins.multiarch.engine.index;

import io.jenkins.plugins.multiarch.engine.oci.Attestations;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ManifestIndex;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles the index to publish from verified per-platform manifests. The result depends only on its inputs,
 * never on time or on the order builds finished: children are sorted by platform and annotations by key, and
 * nothing like a "created" timestamp is added, so a re-run over the same images yields the same digest.
 */
public final class IndexAssembler {

    private static final Comparator<Descriptor> BY_PLATFORM = Comparator
            .comparing((Descriptor d) -> d.platform().os())
            .thenComparing(d -> d.platform().architecture())
            .thenComparing(d -> d.platform().variant() == null ? "" : d.platform().variant())
            .thenComparing(d -> d.platform().osVersion() == null ? "" : d.platform().osVersion());

    private IndexAssembler() {
    }

    /**
     * @param children one descriptor per platform, each carrying its platform
     * @throws IllegalArgumentException when the format cannot hold these children or annotations
     */
    public static ManifestIndex assemble(IndexFormat format, List<Descriptor> children, Map<String, String> annotations) {
        return assemble(format, children, List.of(), annotations);
    }

    /**
     * With attestation manifests (buildx provenance and SBOM entries, {@link Attestations}), listed after the images
     * as buildx lists them, each entry unchanged, in the order of the images they are about.
     *
     * @param attestations entries as the source index listed them; each names its image's digest
     */
    public static ManifestIndex assemble(IndexFormat format, List<Descriptor> children, List<Descriptor> attestations,
                                         Map<String, String> annotations) {
        if (attestations.isEmpty()) {
            return assembleImages(format, children, annotations);
        }
        if (format == IndexFormat.DOCKER) {
            throw new InvalidInputException("a Docker manifest list cannot carry the images' " + attestations.size()
                    + " attestation manifests (their entries need annotations); publish an OCI index, or publish"
                    + " without attestations");
        }
        ManifestIndex images = assembleImages(IndexFormat.OCI, children, annotations);
        List<String> order = images.manifests().stream().map(d -> d.digest().toString()).toList();
        List<Descriptor> sorted = new ArrayList<>(attestations);
        sorted.sort(Comparator.comparing((Descriptor d) -> order.indexOf(Attestations.subjectOf(d).orElse("")))
                .thenComparing(d -> d.digest().toString()));
        List<Descriptor> all = new ArrayList<>(images.manifests());
        for (Descriptor a : sorted) {
            if (!order.contains(Attestations.subjectOf(a).orElse(""))) {
                throw new InvalidInputException("attestation " + a.digest() + " is about "
                        + Attestations.subjectOf(a).orElse("no image") + ", which the index does not list");
            }
            if (all.stream().noneMatch(d -> d.digest().equals(a.digest()))) {
                all.add(a);
            }
        }
        return new ManifestIndex(images.mediaType(), all, images.annotations());
    }

    private static ManifestIndex assembleImages(IndexFormat format, List<Descriptor> children,
                                                Map<String, String> annotations) {
        if (children.isEmpty()) {
            throw new InvalidInputException("an index needs at least one platform image");
        }
        String mediaType = mediaTypeFor(format, children, annotations);
        if (mediaType.equals(MediaTypes.DOCKER_MANIFEST_LIST)) {
            for (Descriptor child : children) {
                if (!child.mediaType().equals(MediaTypes.DOCKER_MANIFEST)) {
                    throw new InvalidInputException("a Docker manifest list needs Docker v2 schema 2 images, but the "
                            + child.platform() + " image " + child.digest() + " is " + child.mediaType()
                            + "; publish an OCI index (or auto), or build that image in Docker format");
                }
            }
            if (!annotations.isEmpty()) {
                throw new InvalidInputException("a Docker manifest list cannot carry annotations "
                        + new TreeMap<>(annotations).keySet() + "; publish an OCI index to keep them");
            }
        }
        List<Descriptor> sorted = new ArrayList<>(children);
        sorted.sort(BY_PLATFORM);
        for (int i = 1; i < sorted.size(); i++) {
            Platform a = sorted.get(i - 1).platform();
            if (a.equals(sorted.get(i).platform())) {
                throw new InvalidInputException("platform " + a.describe() + " is given twice; each platform may"
                        + " appear once" + (a.osVersion() == null ? "" : " per OS version"));
            }
        }
        return new ManifestIndex(mediaType, sorted, annotations);
    }

    /** AUTO chooses a Docker list only where one can hold everything: Docker children and no annotations. */
    static String mediaTypeFor(IndexFormat format, List<Descriptor> children, Map<String, String> annotations) {
        return switch (format) {
            case OCI -> MediaTypes.OCI_INDEX;
            case DOCKER -> MediaTypes.DOCKER_MANIFEST_LIST;
            case AUTO -> annotations.isEmpty()
                    && children.stream().allMatch(c -> c.mediaType().equals(MediaTypes.DOCKER_MANIFEST))
                    ? MediaTypes.DOCKER_MANIFEST_LIST : MediaTypes.OCI_INDEX;
        };
    }
}
