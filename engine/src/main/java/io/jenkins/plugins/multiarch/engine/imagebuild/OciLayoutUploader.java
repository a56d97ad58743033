package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.oci.InvalidManifestException;
import io.jenkins.plugins.multiarch.engine.oci.Manifest;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.util.DaemonPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Puts the one image of an OCI image layout into a repository with our own registry client: every blob the
 * repository lacks (config and layers, several at a time), then the manifest, by digest or under tags. The bytes
 * go up exactly as the layout holds them, so the image's digest is the digest of the layout's manifest.
 *
 * <p>This is how buildah and podman builds reach the registry without a tag: those tools cannot push by digest
 * alone, but they can write a layout. The layout is a {@link Path} on the machine this runs on; the Jenkins plugin
 * runs the upload on the agent that holds it.
 *
 * <pre>{@code
 * LayoutUpload up = new OciLayoutUploader(client).upload(Path.of("build/layout"), "team/app", List.of());
 * // up.digest(): registry.example.com/team/app@sha256:...
 * }</pre>
 */
public final class OciLayoutUploader implements LayoutUploader {

    /** Blobs sent at once; a few overlap round trips without flooding the registry. */
    public static final int DEFAULT_PARALLEL_UPLOADS = 4;

    private final RegistryClient client;
    private final int parallelUploads;

    public OciLayoutUploader(RegistryClient client) {
        this(client, DEFAULT_PARALLEL_UPLOADS);
    }

    public OciLayoutUploader(RegistryClient client, int parallelUploads) {
        this.client = Objects.requireNonNull(client, "client");
        if (parallelUploads < 1) {
            throw new IllegalArgumentException("parallel uploads must be at least 1, got " + parallelUploads);
        }
        this.parallelUploads = parallelUploads;
    }

    /**
     * Uploads into the build's target repository: by digest, or under the per-platform tag if the build has one.
     *
     * @throws IllegalArgumentException if the build's registry is not this uploader's
     */
    @Override
    public LayoutUpload upload(PlatformBuild build, Path layout, Digest reported)
            throws IOException, InterruptedException {
        if (!build.target().registry().equals(client.registry())) {
            throw new IllegalArgumentException("this uploader writes to " + client.registry() + ", but the build of "
                    + build.platform() + " goes to " + build.target().registry());
        }
        OciLayout oci = OciLayout.open(layout);
        Digest inLayout = oci.onlyImageManifest().digest();
        if (!inLayout.equals(reported)) {
            throw new InvalidLayoutException("the builder reported " + reported + " for " + build.platform()
                    + " but the manifest in its OCI layout " + layout + " is " + inLayout + "; nothing was uploaded");
        }
        return upload(oci, build.target().repository(), build.lastingTag().map(List::of).orElse(List.of()));
    }

    /**
     * Uploads the layout's image into {@code repository}.
     *
     * @param layout     the OCI image layout directory, holding exactly one image
     * @param repository the repository path on this client's registry, e.g. {@code team/app}
     * @param tags       tags to put the manifest under; empty puts it by digest only, leaving no tag behind
     * @return the manifest's digest, checked against what the registry reports
     * @throws InvalidLayoutException if the layout is missing, incomplete or not one image; nothing is written
     * @throws RegistryException      if the registry refuses a blob or the manifest
     * @throws InterruptedException   if interrupted while blobs upload; those still running are stopped
     */
    public LayoutUpload upload(Path layout, String repository, List<String> tags)
            throws IOException, InterruptedException {
        return upload(OciLayout.open(layout), repository, tags);
    }

    private LayoutUpload upload(OciLayout oci, String repository, List<String> tags)
            throws IOException, InterruptedException {
        Descriptor manifestDescriptor = oci.onlyImageManifest();
        byte[] manifestBytes = oci.readBlob(manifestDescriptor);
        ImageManifest manifest = imageManifest(oci, manifestDescriptor, manifestBytes);
        // Check every blob is there before sending anything: an incomplete layout writes nothing.
        Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
        blobs.put(manifest.config().digest(), manifest.config());
        manifest.layers().forEach(layer -> blobs.putIfAbsent(layer.digest(), layer));
        for (Descriptor blob : blobs.values()) {
            oci.openBlob(blob).close();
        }

        client.requestAccess(repository, true);
        client.authenticate(); // once, before the parallel requests
        List<Descriptor> list = new ArrayList<>(blobs.values());
        List<Boolean> sent = uploadAll(oci, repository, list);
        int uploaded = 0;
        long bytes = 0;
        for (int i = 0; i < list.size(); i++) {
            if (sent.get(i)) {
                uploaded++;
                bytes += list.get(i).size();
            }
        }
        Digest digest = manifestDescriptor.digest();
        if (tags.isEmpty()) {
            client.putManifest(repository, digest.toString(), manifestBytes, manifestDescriptor.mediaType());
        }
        for (String tag : tags) {
            client.putManifest(repository, tag, manifestBytes, manifestDescriptor.mediaType());
        }
        return new LayoutUpload(digest, manifestDescriptor.mediaType(), tags, uploaded, list.size() - uploaded, bytes);
    }

    private List<Boolean> uploadAll(OciLayout oci, String repository, List<Descriptor> blobs)
            throws InterruptedException {
        ExecutorService pool = DaemonPool.create("multiarch-upload", Math.min(parallelUploads, blobs.size()));
        try {
            List<CompletableFuture<Boolean>> futures = new ArrayList<>();
            for (Descriptor blob : blobs) {
                futures.add(CompletableFuture.supplyAsync(() -> client.uploadBlob(repository, blob.digest(),
                        blob.size(), () -> open(oci, blob)), pool));
            }
            List<Boolean> sent = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            AccessDeniedException denied = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    // get(), not join(): a cancelled build must not wait for blobs that may take many minutes.
                    sent.add(futures.get(i).get());
                } catch (InterruptedException e) {
                    // cancel() only marks the futures; shutdownNow() below interrupts the running uploads.
                    futures.forEach(f -> f.cancel(true));
                    throw e;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
                    if (cause instanceof AccessDeniedException auth && denied == null) {
                        denied = auth;
                    }
                    problems.add(blobs.get(i).digest() + ": " + cause.getMessage());
                }
            }
            if (denied != null) {
                throw denied; // about the repository, not one blob: say it once
            }
            if (!problems.isEmpty()) {
                throw RegistryException.of(RegistryException.builder(client.registry(), "uploading " + problems.size()
                        + " of " + blobs.size() + " blobs from " + oci.directory() + " to " + client.registry() + "/"
                        + repository + " failed (no manifest was written): " + String.join("; ", problems)));
            }
            return sent;
        } finally {
            DaemonPool.close(pool);
        }
    }

    private static InputStream open(OciLayout oci, Descriptor blob) {
        try {
            return oci.openBlob(blob);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImageManifest imageManifest(OciLayout oci, Descriptor descriptor, byte[] bytes)
            throws InvalidLayoutException {
        Manifest parsed;
        try {
            parsed = ManifestCodec.parse(bytes, descriptor.mediaType());
        } catch (InvalidManifestException e) {
            throw new InvalidLayoutException("OCI layout " + oci.directory() + ": manifest " + descriptor.digest()
                    + " is invalid: " + e.getMessage(), e);
        }
        if (!(parsed instanceof ImageManifest image)) {
            throw new InvalidLayoutException("OCI layout " + oci.directory() + ": " + descriptor.digest() + " is a "
                    + parsed.mediaType() + ", not an image manifest");
        }
        if (!image.mediaType().equals(descriptor.mediaType())) {
            throw new InvalidLayoutException("OCI layout " + oci.directory() + ": index.json says " + descriptor.digest()
                    + " is a " + descriptor.mediaType() + " but the manifest says " + image.mediaType());
        }
        return image;
    }
}
