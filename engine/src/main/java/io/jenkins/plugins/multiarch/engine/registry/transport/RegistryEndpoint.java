package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.reference.DockerHub;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a registry is reached. HTTPS always, except for registries on loopback and those the user named as
 * insecure: those speak plain HTTP, as a local test registry does, unless the caller asks for HTTPS on loopback.
 *
 * @param registry the registry as references name it, e.g. {@code docker.io} or {@code 127.0.0.1:5000}
 * @param baseUri  scheme and authority requests go to, e.g. {@code https://registry-1.docker.io}
 */
public record RegistryEndpoint(String registry, URI baseUri) {

    /** 127.0.0.0/8 written as an IPv4 address; a host name that starts with "127." is not loopback. */
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.[0-9]{1,3}){3}");

    /** The endpoint for a registry host, plain HTTP where it is loopback or listed in {@code insecure}. */
    public static RegistryEndpoint of(String registry, Set<String> insecure) {
        return of(registry, insecure, false);
    }

    /**
     * As {@link #of(String, Set)}; {@code httpsOnLoopback} makes a loopback registry HTTPS too (one with a TLS
     * certificate of its own, as the trust settings name it). A registry named insecure stays plain HTTP.
     */
    public static RegistryEndpoint of(String registry, Set<String> insecure, boolean httpsOnLoopback) {
        String authority = DockerHub.isDockerHub(registry) ? DockerHub.API_HOST : registry;
        boolean named = insecure.contains(registry) || insecure.contains(hostOnly(registry));
        boolean plain = named || (isLoopback(registry) && !httpsOnLoopback);
        return new RegistryEndpoint(registry, URI.create((plain ? "http://" : "https://") + authority));
    }

    public boolean isPlainHttp() {
        return "http".equals(baseUri.getScheme());
    }

    /** The URI of a registry API path such as {@code /v2/app/manifests/1.0}. */
    public URI resolve(String path) {
        return URI.create(baseUri + path);
    }

    static boolean isLoopback(String registry) {
        String host = hostOnly(registry).toLowerCase(Locale.ROOT);
        return host.equals("localhost") || IPV4_LOOPBACK.matcher(host).matches() || host.equals("[::1]") || host.equals("::1");
    }

    static String hostOnly(String registry) {
        if (registry.startsWith("[")) {
            int end = registry.indexOf(']');
            return end < 0 ? registry : registry.substring(0, end + 1);
        }
        int colon = registry.lastIndexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }
}
