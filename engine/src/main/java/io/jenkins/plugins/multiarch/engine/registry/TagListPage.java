package io.jenkins.plugins.multiarch.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryEndpoint;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One page of {@code GET /v2/<name>/tags/list}: its tags, and where the next page is ({@code Link} header). */
final class TagListPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*(?:;[^,]*?)?;\\s*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

    private TagListPage() {
    }

    static List<String> parse(byte[] body, String registry, String repository) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw BadContentException.of(registry, "registry " + registry + " sent a tag list of " + repository
                    + " that is not JSON: " + e.getMessage(), 200);
        }
        JsonNode tags = root == null ? null : root.get("tags");
        List<String> result = new ArrayList<>();
        if (tags == null || tags.isNull()) {
            return result; // Distribution answers "tags": null for a repository whose tags were all deleted
        }
        if (!tags.isArray()) {
            throw BadContentException.of(registry, "registry " + registry + " sent a tag list of " + repository
                    + " whose \"tags\" is not an array", 200);
        }
        tags.forEach(t -> result.add(t.asText()));
        return result;
    }

    /**
     * The next page's path and query, from {@code Link: </v2/app/tags/list?last=b&n=2>; rel="next"}. An absolute
     * link must point at the registry itself: credentials go nowhere else.
     */
    static Optional<String> next(Optional<String> link, RegistryEndpoint endpoint, String registry) {
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = NEXT.matcher(link.get());
        if (!m.find()) {
            return Optional.empty();
        }
        URI target = endpoint.baseUri().resolve(m.group(1));
        URI base = endpoint.baseUri();
        if (!target.getScheme().equalsIgnoreCase(base.getScheme()) || !target.getAuthority().equalsIgnoreCase(base.getAuthority())) {
            throw BadContentException.of(registry, "registry " + registry + " sent the next tag-list page on another"
                    + " host (" + target.getAuthority() + "); refusing to follow it", 200);
        }
        return Optional.of(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }
}
