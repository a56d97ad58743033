package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import java.net.URI;
import java.util.Optional;

/**
 * Follows redirects for requests that ask for it (blob downloads: registries send them to storage). Each hop goes
 * through the layers below again, where the authentication layer gives credentials only to the registry's own
 * origin: a storage host never sees them.
 */
public final class RedirectingTransport implements Transport {

    static final int MAX_REDIRECTS = 5;

    private final Transport next;
    private final String registry;

    public RedirectingTransport(Transport next, String registry) {
        this.next = next;
        this.registry = registry;
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        RegistryResponse response = next.send(request);
        if (!request.followsRedirects()) {
            return response;
        }
        for (int hop = 0; isRedirect(response.status()); hop++) {
            response.close();
            Optional<String> location = response.header("Location");
            if (location.isEmpty()) {
                throw BadContentException.of(registry, "registry " + registry + " redirected " + request.what()
                        + " without a Location", response.status());
            }
            if (hop >= MAX_REDIRECTS) {
                throw BadContentException.of(registry, "registry " + registry + " redirected " + request.what()
                        + " more than " + MAX_REDIRECTS + " times", response.status());
            }
            response = next.send(request.redirectedTo(resolve(response, location.get())));
        }
        return response;
    }

    /** A Location, relative or absolute, against the URI that sent it. */
    public static URI resolve(RegistryResponse response, String location, String registry) {
        try {
            return response.uri().resolve(location);
        } catch (IllegalArgumentException e) {
            throw BadContentException.of(registry, "registry " + registry + " answered with an unusable Location '"
                    + location + "'", response.status());
        }
    }

    private URI resolve(RegistryResponse response, String location) {
        return resolve(response, location, registry);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
