package io.jenkins.plugins.multiarch.testkit;

import java.util.Arrays;
import java.util.Map;

/**
 * One-call shortcuts for pushing fixture images; see {@link ScratchImage} and {@link ImageIndexFixture} for every
 * option.
 */
public final class ImageFixtures {

    private ImageFixtures() {
    }

    /**
     * Builds a {@code FROM scratch} OCI image holding {@code files} and pushes it anonymously.
     *
     * @param platform {@code os/arch[/variant]}, e.g. {@code linux/arm64} or {@code linux/arm/v7}
     * @return the pushed manifest digest, {@code sha256:...}
     */
    public static String pushScratchImage(String registryHost, String repoAndTag, String platform,
            Map<String, byte[]> files, String... entrypoint) {
        return ScratchImage.forPlatform(platform).files(files).entrypoint(entrypoint).pushTo(registryHost, repoAndTag);
    }

    /** As above, to a test registry (with its credentials, if any) and in the given manifest format. */
    public static String pushScratchImage(RegistryExtension registry, String repoAndTag, String platform,
            ManifestFormat format, Map<String, byte[]> files, String... entrypoint) {
        return ScratchImage.forPlatform(platform)
                .files(files)
                .entrypoint(entrypoint)
                .format(format)
                .credentials(registry.credentials())
                .pushTo(registry.host(), repoAndTag);
    }

    /**
     * Pushes an index of images that are already in the same repository, given by digest, as {@code repoAndTag}.
     *
     * @param format the index format, or {@code null} to keep the images as they are (see {@link ImageIndexFixture})
     * @return the pushed index digest
     */
    public static String pushIndex(RegistryExtension registry, String repoAndTag, ManifestFormat format,
            String... manifestDigests) {
        String repository = repositoryOf(repoAndTag);
        String[] images = Arrays.stream(manifestDigests)
                .map(digest -> registry.host() + "/" + repository + "@" + digest)
                .toArray(String[]::new);
        return ImageIndexFixture.of(images)
                .format(format)
                .credentials(registry.credentials())
                .pushTo(registry.host(), repoAndTag);
    }

    /** {@code team/app:tag} → {@code team/app}. */
    static String repositoryOf(String repoAndTag) {
        int lastSlash = repoAndTag.lastIndexOf('/');
        int colon = repoAndTag.indexOf(':', lastSlash + 1);
        return colon < 0 ? repoAndTag : repoAndTag.substring(0, colon);
    }
}
