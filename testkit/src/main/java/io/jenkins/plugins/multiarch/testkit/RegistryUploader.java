package io.jenkins.plugins.multiarch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the OCI Distribution API to put fixture images into a test registry over plain HTTP, on
 * {@code java.net.http} and independent of the engine's client: monolithic blob uploads ({@code POST}, then
 * {@code PUT ?digest=} with the streamed content and its length; a blob the repository has is skipped) and manifest
 * {@code PUT}s. It authenticates the way the rig's registries ask on {@code GET /v2/}: not at all, HTTP Basic, or a
 * Bearer token for {@code repository:REPO:pull,push} fetched with Basic credentials from the realm. No retries: the
 * rig's registries do not fail unless a test makes them, and then the fixture should fail loudly.
 */
final class RegistryUploader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A blob PUT's response comes after the whole body is sent: a GiB layer of a benchmark takes a while. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    /** One client for all uploads: its connection pool and selector thread are reused. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;
    private final String repository;
    private final String authorization;

    private RegistryUploader(URI base, String repository, String authorization) {
        this.base = base;
        this.repository = repository;
        this.authorization = authorization;
    }

    /**
     * Asks {@code GET /v2/} of {@code http://host} how to authenticate and does so for pushing to {@code repository}.
     *
     * @param credentials the user to log in as, or {@code null} for an anonymous registry
     */
    static RegistryUploader connect(String host, RegistryCredentials credentials, String repository) {
        URI base = URI.create("http://" + host);
        HttpResponse<String> probe = send(request(base.resolve("/v2/")).GET(),
                HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() == 200) {
            return new RegistryUploader(base, repository, null);
        }
        String challenge = probe.headers().firstValue("WWW-Authenticate").orElse("");
        if (probe.statusCode() != 401 || credentials == null) {
            throw new IllegalStateException("GET " + base + "/v2/ answered " + probe.statusCode()
                    + (challenge.isEmpty() ? "" : " (" + challenge + ")")
                    + (credentials == null ? "; no credentials were given" : ""));
        }
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return new RegistryUploader(base, repository, credentials.basicAuthorization());
        }
        if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            return new RegistryUploader(base, repository,
                    "Bearer " + fetchToken(challengeParameters(challenge), credentials, repository));
        }
        throw new IllegalStateException("unknown authentication scheme from " + base + ": " + challenge);
    }

    /** Uploads a blob unless the repository has it. Returns whether it was uploaded. */
    boolean uploadBlob(String digest, long size, Supplier<InputStream> content) {
        URI blob = base.resolve("/v2/" + repository + "/blobs/" + digest);
        HttpResponse<Void> head = send(authorized(request(blob)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())), HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() == 200) {
            return false;
        }
        URI uploads = base.resolve("/v2/" + repository + "/blobs/uploads/");
        HttpResponse<String> opened = send(authorized(request(uploads)
                .POST(HttpRequest.BodyPublishers.noBody())), HttpResponse.BodyHandlers.ofString());
        expect(opened, 202, "POST " + uploads);
        URI location = uploads.resolve(opened.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("POST " + uploads + " answered 202 without a Location")));
        URI target = URI.create(location + (location.getRawQuery() == null ? "?" : "&") + "digest="
                + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(content), size);
        HttpResponse<String> put = send(authorized(request(target)
                .header("Content-Type", "application/octet-stream")
                .PUT(body)).timeout(UPLOAD_TIMEOUT), HttpResponse.BodyHandlers.ofString());
        expect(put, 201, "PUT blob " + digest);
        return true;
    }

    /** {@code PUT}s a manifest under a tag or digest and returns its digest, checked against what the registry says. */
    String putManifest(String reference, byte[] manifest, String mediaType) {
        URI uri = base.resolve("/v2/" + repository + "/manifests/" + reference);
        HttpResponse<String> put = send(authorized(request(uri)
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))), HttpResponse.BodyHandlers.ofString());
        expect(put, 201, "PUT " + uri);
        String digest = Digests.sha256(manifest);
        Optional<String> reported = put.headers().firstValue("Docker-Content-Digest");
        if (reported.isPresent() && !reported.get().equals(digest)) {
            throw new IllegalStateException("PUT " + uri + " stored " + reported.get() + ", but we sent " + digest);
        }
        return digest;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    private static String fetchToken(Map<String, String> challenge, RegistryCredentials credentials,
            String repository) {
        String realm = challenge.get("realm");
        if (realm == null) {
            throw new IllegalStateException("a Bearer challenge without a realm: " + challenge);
        }
        StringBuilder query = new StringBuilder();
        if (challenge.containsKey("service")) {
            query.append("service=").append(URLEncoder.encode(challenge.get("service"), StandardCharsets.UTF_8))
                    .append('&');
        }
        query.append("scope=").append(URLEncoder.encode("repository:" + repository + ":pull,push",
                StandardCharsets.UTF_8));
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpResponse<String> response = send(request(uri)
                .header("Authorization", credentials.basicAuthorization()).GET(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "GET token from " + realm);
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode token = body.hasNonNull("token") ? body.get("token") : body.get("access_token");
            if (token == null || token.asText().isEmpty()) {
                throw new IllegalStateException("the token service " + realm + " answered without a token");
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("the token service " + realm + " answered with bad JSON", e);
        }
    }

    /** {@code Bearer realm="...",service="...",scope="..."} → its parameters. */
    static Map<String, String> challengeParameters(String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
        }
        return parameters;
    }

    private static void expect(HttpResponse<?> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " instead of " + status
                    + (response.body() instanceof String text && !text.isBlank() ? ": " + text.strip() : ""));
        }
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        HttpRequest built = request.build();
        try {
            return HTTP.send(built, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), e);
        }
    }
}
