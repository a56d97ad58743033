package io.jenkins.plugins.multiarch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /v2/<repository>/tags/list} says, read with a plain HTTP client. Distribution 2.8 answers 404
 * {@code NAME_UNKNOWN} for a repository that has manifests but no tag at all, the same as for one that does not
 * exist: so "no tags" is {@link #tags()} empty either way, and {@link #errorCode()} tells which answer came.
 *
 * @param status    the HTTP status
 * @param tags      the tags listed (empty for a 404)
 * @param errorCode the first Distribution error code of a non-200 answer, e.g. {@code NAME_UNKNOWN}, else null
 */
public record TagList(int status, List<String> tags, String errorCode) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TagList {
        tags = List.copyOf(tags);
    }

    /** Lists the tags of {@code repository} (e.g. {@code team/app}) of a basic-auth or anonymous test registry. */
    public static TagList of(RegistryExtension registry, String repository) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository + "/tags/list"))
                .timeout(Duration.ofSeconds(10));
        if (registry.credentials() != null) {
            request.header("Authorization", registry.credentials().basicAuthorization());
        }
        try {
            HttpResponse<byte[]> response = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                return new TagList(response.statusCode(), List.of(), body.path("errors").path(0).path("code").asText(null));
            }
            List<String> tags = new ArrayList<>();
            body.path("tags").forEach(tag -> tags.add(tag.asText()));
            return new TagList(200, tags, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the tags of " + repository + " on " + registry.host(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** True when the registry lists no tag: Distribution's 404 NAME_UNKNOWN, or an empty list from others. */
    public boolean none() {
        return tags.isEmpty() && (status == 200 || "NAME_UNKNOWN".equals(errorCode));
    }
}
