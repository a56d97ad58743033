package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An image index (manifest list) made by buildah from images already in a registry, so tests can use an existing
 * multi-platform image as a source. Platforms in the index come from the images' configs.
 *
 * <p>Careful: with a {@link #format(ManifestFormat) format}, buildah converts every image that is in the other format,
 * so those images get new digests. Read the pushed index back to learn them. Without a format buildah keeps the images
 * as they are and pushes an OCI index if any of them is OCI, else a Docker manifest list.
 */
public final class ImageIndexFixture {

    private final List<String> images;
    private ManifestFormat format;
    private RegistryCredentials credentials;

    private ImageIndexFixture(List<String> images) {
        this.images = images;
    }

    /** @param imageReferences {@code host/repo:tag} or {@code host/repo@sha256:...}, without {@code docker://} */
    public static ImageIndexFixture of(String... imageReferences) {
        if (imageReferences.length == 0) {
            throw new IllegalArgumentException("an index needs at least one image");
        }
        return new ImageIndexFixture(List.of(imageReferences));
    }

    /** The index format, or {@code null} (the default) to let buildah choose; see the class comment. */
    public ImageIndexFixture format(ManifestFormat format) {
        this.format = format;
        return this;
    }

    /** Credentials for reading the images and pushing the index (one registry); {@code null} for anonymous. */
    public ImageIndexFixture credentials(RegistryCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /**
     * Pushes the index and every image in it to {@code registryHost} as {@code repoAndTag}.
     *
     * @return the digest of the pushed index, {@code sha256:...}
     */
    public String pushTo(String registryHost, String repoAndTag) {
        try (BuildahStorage buildah = BuildahStorage.create()) {
            Path work = buildah.workDir();
            String authFile = AuthFile.write(work, registryHost, credentials).toString();
            String list = "localhost/multiarch-rig-index:latest";
            buildah.run("manifest", "create", list);
            for (String image : images) {
                buildah.run("manifest", "add", "--tls-verify=false", "--authfile", authFile, list, "docker://" + image);
            }
            Path digestFile = work.resolve("digest");
            List<String> push = new ArrayList<>(List.of("manifest", "push", "--all", "--quiet", "--tls-verify=false",
                    "--authfile", authFile, "--digestfile", digestFile.toString()));
            if (format != null) {
                push.addAll(List.of("--format", format.pushFormat()));
            }
            push.addAll(List.of(list, "docker://" + registryHost + "/" + repoAndTag));
            buildah.run(push.toArray(String[]::new));
            return Files.readString(digestFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot push the index " + repoAndTag, e);
        }
    }
}
