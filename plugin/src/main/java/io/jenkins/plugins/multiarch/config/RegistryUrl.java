package io.jenkins.plugins.multiarch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL of a registry as docker-commons' {@code DockerRegistryEndpoint} holds it: {@code https://host[:port]},
 * or empty for Docker Hub.
 */
public final class RegistryUrl {

    private RegistryUrl() {
    }

    /** The form check of a registry URL field. */
    public static FieldValidation check(String text) {
        if (text == null || text.isBlank()) {
            return FieldValidation.ok(Messages.RegistryUrl_DockerHub());
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            return FieldValidation.error(Messages.RegistryUrl_Invalid(text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return FieldValidation.error(Messages.RegistryUrl_Invalid(text));
        }
        if (uri.getRawUserInfo() != null) {
            // a login in the URL would end up in config files and logs; credentials are stored encrypted
            return FieldValidation.error(Messages.RegistryUrl_UserInfo());
        }
        if (uri.getHost() == null) {
            return FieldValidation.error(Messages.RegistryUrl_Invalid(text));
        }
        if (scheme.equals("http")) {
            return FieldValidation.warning(Messages.RegistryUrl_PlainHttp(uri.getHost()));
        }
        return FieldValidation.ok();
    }
}
