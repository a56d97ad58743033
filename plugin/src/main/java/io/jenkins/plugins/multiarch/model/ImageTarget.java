package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.reference.DockerHub;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which image a step works on, which registry that is on, and which credentials ID logs in there, resolved from the
 * step's arguments, the build's environment and the global configuration (an argument always wins). Holds IDs
 * only, never a secret.
 */
public final class ImageTarget implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ImageReference reference;
    private final String credentialsId;
    private final String credentialsUri;
    private final boolean insecure;

    private ImageTarget(ImageReference reference, String credentialsId, String credentialsUri, boolean insecure) {
        this.reference = reference;
        this.credentialsId = credentialsId;
        this.credentialsUri = credentialsUri;
        this.insecure = insecure;
    }

    /**
     * @param step          the step's name, for messages ({@code multiArchBuild})
     * @param image         the {@code image} argument, or null
     * @param credentialsId the {@code credentialsId} argument, or null
     * @param registry      the {@code registry} argument ({@code [url:, credentialsId:]}), or {@link RegistryChoice#NONE}
     * @param insecure      the {@code insecure} argument: reach the registry over plain HTTP / without TLS checks
     * @param environment   the build's environment
     * @param global        the global configuration's default registry, or {@link RegistryChoice#NONE}
     * @throws InvalidInputException naming the argument (or variable) that is missing or wrong
     */
    public static ImageTarget resolve(String step, String image, String credentialsId, RegistryChoice registry,
                                      boolean insecure, Map<String, String> environment, RegistryChoice global) {
        String imageText = StepEnvironment.argumentOrEnvironment(image, environment, StepEnvironment.IMAGE);
        if (imageText == null) {
            throw new InvalidInputException(Messages.ImageTarget_NoImage(step, StepEnvironment.IMAGE));
        }
        String urlSource = registry.url() != null ? "registry.url" : StepEnvironment.REGISTRY_URL;
        String stepUrl = registry.url() != null ? registry.url() : Texts.trimToNull(environment.get(StepEnvironment.REGISTRY_URL));
        RegistryUri given = stepUrl == null ? null : RegistryUri.parse(stepUrl, urlSource);

        boolean namesRegistry = namesRegistry(imageText);
        if (!namesRegistry && given != null && !DockerHub.isDockerHub(given.host())) {
            imageText = given.host() + "/" + imageText;
        }
        ImageReference reference = parseImage(imageText, step);
        if (given != null && !sameRegistry(given.host(), reference.registry())) {
            throw new InvalidInputException(Messages.ImageTarget_RegistryMismatch(step, reference, reference.registry(),
                    urlSource, stepUrl));
        }

        RegistryUri globalUri = global.url() == null ? null : RegistryUri.parse(global.url(), "the global default registry");
        // The global default registry applies to images on it (no URL: Docker Hub), never to images elsewhere.
        boolean globalApplies = given == null && sameRegistry(globalUri == null ? DockerHub.REGISTRY : globalUri.host(),
                reference.registry());

        String id = Texts.trimToNull(credentialsId);
        if (id == null) {
            id = registry.credentialsId();
        }
        if (id == null) {
            id = Texts.trimToNull(environment.get(StepEnvironment.CREDENTIALS_ID));
        }
        if (id == null && globalApplies) {
            id = global.credentialsId();
        }
        RegistryUri uri = given != null ? given : globalApplies && globalUri != null ? globalUri : null;
        boolean plainHttp = insecure || (uri != null && uri.plainHttp());
        String credentialsUri = uri != null ? uri.text()
                : DockerHub.isDockerHub(reference.registry()) ? DockerHub.CONFIG_KEY
                : (plainHttp ? "http://" : "https://") + reference.registry();
        return new ImageTarget(reference, id, credentialsUri, plainHttp);
    }

    private static ImageReference parseImage(String text, String step) {
        try {
            return ImageReference.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(Messages.ImageTarget_InvalidImage(step, e.getMessage()));
        }
    }

    /** As the Docker CLI reads a name: the first component is a registry if it has a dot, a port, or is localhost. */
    public static boolean namesRegistry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    private static boolean sameRegistry(String a, String b) {
        if (DockerHub.isDockerHub(a) && DockerHub.isDockerHub(b)) {
            return true;
        }
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    /** The same registry and credentials for another reference in the same repository (another tag). */
    ImageTarget withReference(ImageReference other) {
        return new ImageTarget(other, credentialsId, credentialsUri, insecure);
    }

    /** The image, with its registry; its tag, if any, as given. */
    public ImageReference reference() {
        return reference;
    }

    /** The registry host ({@code host[:port]}, {@code docker.io}) the credentials are for. */
    public String registry() {
        return reference.registry();
    }

    /** The username/password credentials ID to log in with; null: anonymous. */
    public String credentialsId() {
        return credentialsId;
    }

    /** The URI the credentials' domain must fit ({@code URIRequirementBuilder.fromUri}). */
    public String credentialsUri() {
        return credentialsUri;
    }

    /** Whether the registry is reached over plain HTTP ({@code insecure: true}, or an {@code http://} URL). */
    public boolean insecure() {
        return insecure;
    }

    /** How the engine reaches the registry: plain HTTP for it when insecure (loopback registries always are). */
    public RegistrySettings registrySettings() {
        return insecure ? RegistrySettings.DEFAULT.withInsecureRegistries(Set.of(reference.registry()))
                : RegistrySettings.DEFAULT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageTarget other && reference.equals(other.reference)
                && Objects.equals(credentialsId, other.credentialsId) && credentialsUri.equals(other.credentialsUri)
                && insecure == other.insecure;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, credentialsId, credentialsUri, insecure);
    }

    @Override
    public String toString() {
        return reference + (credentialsId == null ? " (anonymous)" : " (credentials " + credentialsId + ")");
    }

    /** A registry URL as given: {@code https://host[:port]} or {@code http://host[:port]}. */
    record RegistryUri(String text, String host, boolean plainHttp) {

        static RegistryUri parse(String text, String source) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new InvalidInputException(Messages.ImageTarget_InvalidUrl(source, text));
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new InvalidInputException(Messages.ImageTarget_InvalidUrl(source, text));
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidInputException(Messages.ImageTarget_UserInfo(source));
            }
            String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return new RegistryUri(text, host, scheme.equals("http"));
        }
    }
}
