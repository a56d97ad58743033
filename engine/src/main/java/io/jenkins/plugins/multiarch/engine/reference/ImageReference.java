package io.jenkins.plugins.multiarch.engine.reference;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Docker image reference: {@code [registry[:port]/]repository[:tag][@digest]}, following the grammar of the
 * Distribution project's reference package. {@code app} means {@code docker.io/library/app}; a first path
 * component is a registry only when it contains a dot or a colon or is {@code localhost}.
 */
public final class ImageReference implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_NAME_LENGTH = 255;

    private static final Pattern HOST_COMPONENT = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[a-fA-F0-9:]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    private final String registry;
    private final String repository;
    private final String tag;
    private final Digest digest;

    private ImageReference(String registry, String repository, String tag, Digest digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses a reference.
     *
     * @throws InvalidReferenceException naming the part that is wrong and what would be valid
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidReferenceException("invalid image reference: it is empty; expected e.g. registry.example.com/team/app:1.0");
        }
        if (!text.equals(text.strip())) {
            throw new InvalidReferenceException("invalid image reference '" + Printable.value(text) + "': it has leading or trailing spaces");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(rest.substring(at + 1));
            } catch (InvalidReferenceException e) {
                throw new InvalidReferenceException("invalid image reference '" + Printable.value(text) + "': " + e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int lastColon = rest.lastIndexOf(':');
        if (lastColon > rest.lastIndexOf('/')) {
            tag = rest.substring(lastColon + 1);
            rest = rest.substring(0, lastColon);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidReferenceException("invalid image reference '" + Printable.value(text) + "': tag '" + Printable.value(tag)
                        + "' is not valid; a tag is 1-128 of letters, digits, '_', '.', '-' and does not start with '.' or '-'");
            }
        }
        String registry = DockerHub.REGISTRY;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = validateRegistry(text, first);
                if (registry.equals(DockerHub.LEGACY_REGISTRY)) {
                    registry = DockerHub.REGISTRY; // as the Docker CLI does: index.docker.io/alpine is docker.io/library/alpine
                }
                path = rest.substring(slash + 1);
            }
        }
        if (path.isEmpty()) {
            throw new InvalidReferenceException("invalid image reference '" + Printable.value(text) + "': the repository name is missing");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                String why = !component.equals(component.toLowerCase(java.util.Locale.ROOT))
                        ? "repository names must be lowercase"
                        : "each path component is lowercase letters and digits, separated by '.', '_', '__' or '-'";
                throw new InvalidReferenceException("invalid image reference '" + Printable.value(text) + "': repository component '"
                        + Printable.value(component) + "' is not valid: " + why);
            }
        }
        if (registry.equals(DockerHub.REGISTRY) && !path.contains("/")) {
            path = "library/" + path;
        }
        if (registry.length() + 1 + path.length() > MAX_NAME_LENGTH) {
            throw new InvalidReferenceException("invalid image reference '" + Printable.value(text) + "': the name is longer than "
                    + MAX_NAME_LENGTH + " characters");
        }
        return new ImageReference(registry, path, tag, digest);
    }

    private static String validateRegistry(String text, String registry) {
        String host = registry;
        String port = null;
        if (registry.startsWith("[")) {
            int end = registry.indexOf(']');
            host = end < 0 ? registry : registry.substring(0, end + 1);
            if (end >= 0 && end + 1 < registry.length()) {
                if (registry.charAt(end + 1) != ':') {
                    throw badRegistry(text, registry);
                }
                port = registry.substring(end + 2);
            }
            if (!IPV6.matcher(host).matches()) {
                throw badRegistry(text, registry);
            }
        } else {
            int colon = registry.indexOf(':');
            if (colon >= 0) {
                host = registry.substring(0, colon);
                port = registry.substring(colon + 1);
            }
            for (String component : host.split("\\.", -1)) {
                if (!HOST_COMPONENT.matcher(component).matches()) {
                    throw badRegistry(text, registry);
                }
            }
        }
        if (port != null && (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535 || Integer.parseInt(port) == 0)) {
            throw new InvalidReferenceException("invalid image reference '" + Printable.value(text) + "': registry port '" + Printable.value(port)
                    + "' is not a number from 1 to 65535");
        }
        return registry;
    }

    private static InvalidReferenceException badRegistry(String text, String registry) {
        return new InvalidReferenceException("invalid image reference '" + Printable.value(text) + "': registry '" + Printable.value(registry)
                + "' is not a valid host[:port] (e.g. registry.example.com:5000, localhost:5000, [::1]:5000)");
    }

    /** The registry host as written, e.g. {@code registry.example.com:5000}; {@code docker.io} by default. */
    public String registry() {
        return registry;
    }

    /** The repository path within the registry, e.g. {@code team/app} or {@code library/alpine}. */
    public String repository() {
        return repository;
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /** The tag or digest a registry request names: the digest when present (it is exact), else the tag, else latest. */
    public String manifestReference() {
        if (digest != null) {
            return digest.toString();
        }
        return tag == null ? "latest" : tag;
    }

    /** The same repository with only this tag. */
    public ImageReference withTag(String newTag) {
        if (newTag == null || !TAG.matcher(newTag).matches()) {
            throw new InvalidReferenceException("invalid tag '" + Printable.value(newTag) + "' for " + repositoryName()
                    + ": a tag is 1-128 of letters, digits, '_', '.', '-' and does not start with '.' or '-'");
        }
        return new ImageReference(registry, repository, newTag, null);
    }

    /** The same repository with only this digest. */
    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(registry, repository, null, Objects.requireNonNull(newDigest));
    }

    /** The same repository, no tag and no digest. */
    public String repositoryName() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(repositoryName());
        if (tag != null) {
            sb.append(':').append(tag);
        }
        if (digest != null) {
            sb.append('@').append(digest);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference other && registry.equals(other.registry)
                && repository.equals(other.repository) && Objects.equals(tag, other.tag)
                && Objects.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, repository, tag, digest);
    }
}
