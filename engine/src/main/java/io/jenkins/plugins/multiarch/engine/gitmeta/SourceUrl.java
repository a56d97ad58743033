package io.jenkins.plugins.multiarch.engine.gitmeta;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git remote URL made into the public web address an image's {@code org.opencontainers.image.source} annotation
 * names: credentials ({@code https://user:token@host/...}) are always removed, because an index is public and
 * permanent; SSH remotes ({@code git@host:org/repo.git}, {@code ssh://git@host:22/org/repo}) become
 * {@code https://host/org/repo}; the {@code .git} suffix, query and fragment are dropped. Local paths and
 * {@code file:} URLs have no public form.
 */
final class SourceUrl {

    /** {@code user@host:path}, git's scp-like syntax (no scheme, a colon before the first slash). */
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/:]+@)?([^@/:]+):(?!/)(.+)");

    private SourceUrl() {
    }

    static Optional<String> publicForm(String remote) {
        String text = remote.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.contains("://")) {
            Matcher scp = SCP_LIKE.matcher(text);
            return scp.matches() ? Optional.of(https(scp.group(1), "/" + scp.group(2))) : Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawPath() == null) {
            return Optional.empty();
        }
        switch (scheme) {
            case "http", "https" -> {
                String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
                return Optional.of(scheme + "://" + uri.getHost() + port + trimPath(uri.getRawPath()));
            }
            case "ssh", "git", "git+ssh", "ssh+git" -> {
                // The SSH port says nothing about where the web pages are.
                return Optional.of(https(uri.getHost(), uri.getRawPath()));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static String https(String host, String path) {
        return "https://" + host + trimPath(path.startsWith("/") ? path : "/" + path);
    }

    private static String trimPath(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        return p;
    }
}
