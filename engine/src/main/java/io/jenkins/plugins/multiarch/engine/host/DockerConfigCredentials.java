package io.jenkins.plugins.multiarch.engine.host;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.reference.DockerHub;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Credentials from a Docker {@code config.json}: {@code auths} entries ({@code auth} as base64 user:password,
 * or {@code username}/{@code password}, or {@code identitytoken}), and credential helpers ({@code credHelpers}
 * per registry, {@code credsStore} for all), run as {@code docker-credential-NAME get} the way the Docker CLI
 * runs them: the server on standard input, JSON on standard output.
 */
final class DockerConfigCredentials implements CredentialProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(30);
    /** A helper answers with one small JSON object; more output than this is not an answer. */
    static final int MAX_HELPER_OUTPUT = 64 * 1024;

    private final JsonNode config;
    private final Path source;
    private final Path helperDirectory; // null: find docker-credential-* on PATH, as the Docker CLI does
    private final Duration helperTimeout;

    private DockerConfigCredentials(JsonNode config, Path source, Path helperDirectory, Duration helperTimeout) {
        this.config = config;
        this.source = source;
        this.helperDirectory = helperDirectory;
        this.helperTimeout = helperTimeout;
    }

    /** {@code config.json} in the Docker config directory; none if the file is missing. */
    static CredentialProvider inDirectory(Path dockerConfigDirectory) {
        Path file = dockerConfigDirectory.resolve("config.json");
        return Files.isRegularFile(file) ? load(file) : CredentialProvider.none();
    }

    static DockerConfigCredentials load(Path file) {
        return load(file, null);
    }

    /** As {@link #load(Path)}, but runs credential helpers from this directory instead of finding them on PATH. */
    static DockerConfigCredentials load(Path file, Path helperDirectory) {
        return load(file, helperDirectory, HELPER_TIMEOUT);
    }

    /** As {@link #load(Path, Path)}, with a helper given {@code helperTimeout} to answer and exit (tests). */
    static DockerConfigCredentials load(Path file, Path helperDirectory, Duration helperTimeout) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new MultiarchException("Docker config " + file + " is not a JSON object");
            }
            return new DockerConfigCredentials(root, file, helperDirectory, helperTimeout);
        } catch (JsonProcessingException e) {
            // Not e.getMessage(), nor e as the cause: Jackson quotes the token it choked on, which may be a password.
            throw new MultiarchException("Docker config " + file + " is not valid JSON" + where(e));
        } catch (IOException e) {
            throw new MultiarchException("cannot read Docker config " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Credentials> find(String registry) {
        String helper = config.path("credHelpers").path(registry).asText(null);
        if (helper == null && DockerHub.isDockerHub(registry)) {
            helper = config.path("credHelpers").path(DockerHub.CONFIG_KEY).asText(null);
        }
        if (helper != null) {
            return fromHelper(helper, registry);
        }
        Optional<Credentials> inline = fromAuths(registry);
        if (inline.isPresent()) {
            return inline;
        }
        String store = config.path("credsStore").asText(null);
        return store == null || store.isEmpty() ? Optional.empty() : fromHelper(store, registry);
    }

    private Optional<Credentials> fromAuths(String registry) {
        JsonNode auths = config.path("auths");
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (hostOf(entry.getKey()).equals(DockerHub.isDockerHub(registry) ? DockerHub.LEGACY_REGISTRY : registry)) {
                return decode(entry.getValue(), entry.getKey());
            }
        }
        return Optional.empty();
    }

    private Optional<Credentials> decode(JsonNode entry, String key) {
        String identityToken = entry.path("identitytoken").asText("");
        String username = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MultiarchException("Docker config " + source + ": the 'auth' of '" + key
                        + "' is not base64 of user:password");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new MultiarchException("Docker config " + source + ": the 'auth' of '" + key
                        + "' is not base64 of user:password");
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        if (!identityToken.isEmpty()) {
            return Optional.of(Credentials.identityToken(username.isEmpty() ? "<token>" : username, identityToken));
        }
        if (username.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Credentials.of(username, password));
    }

    private Optional<Credentials> fromHelper(String helper, String registry) {
        String server = DockerHub.isDockerHub(registry) ? DockerHub.CONFIG_KEY : registry;
        String program = "docker-credential-" + helper;
        String command = helperDirectory == null ? program : helperDirectory.resolve(program).toString();
        try {
            // stderr is discarded so a chatty helper cannot block on a full pipe; stdout is read with a deadline
            // so a hung helper (e.g. waiting for a keychain prompt) cannot hang the publish.
            Process process = new ProcessBuilder(command, "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(server.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // a helper may exit without reading its input; its exit code and output still tell
            }
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> {
                try (InputStream out = process.getInputStream()) {
                    return out.readNBytes(MAX_HELPER_OUTPUT + 1);
                } catch (IOException e) {
                    return new byte[0];
                }
            }, runnable -> {
                Thread reader = new Thread(runnable, "credential-helper-output");
                reader.setDaemon(true);
                reader.start();
            });
            byte[] out;
            try {
                out = stdout.get(helperTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                killTree(process);
                throw new MultiarchException("credential helper " + program + " did not answer within "
                        + seconds(helperTimeout) + " for " + server + "; it was stopped with the processes it started");
            } catch (InterruptedException e) {
                killTree(process);
                throw e;
            }
            if (out.length > MAX_HELPER_OUTPUT) {
                // Not waited for: it may be blocked writing the rest, which nobody reads.
                killTree(process);
                throw new MultiarchException("credential helper " + program + " named in " + source + " wrote more than "
                        + MAX_HELPER_OUTPUT / 1024 + " KiB for " + server + "; that is not a credentials answer");
            }
            if (!process.waitFor(helperTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                throw new MultiarchException("credential helper " + program + " did not exit within "
                        + seconds(helperTimeout) + " for " + server + "; it was stopped with the processes it started");
            }
            if (process.exitValue() != 0) {
                return Optional.empty(); // helpers exit 1 with "credentials not found in native keychain"
            }
            JsonNode answer;
            try {
                answer = JSON.readTree(out);
            } catch (JsonProcessingException e) {
                // Not e.getMessage(), nor e as the cause: what the helper printed may be the secret itself.
                throw new MultiarchException("credential helper " + program + " named in " + source
                        + " answered with something that is not JSON" + where(e));
            }
            String username = answer.path("Username").asText("");
            String secret = answer.path("Secret").asText("");
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("<token>".equals(username)
                    ? Credentials.identityToken(username, secret)
                    : Credentials.of(username, secret));
        } catch (IOException e) {
            throw new MultiarchException("credential helper " + program + " named in " + source
                    + " could not be run: " + e.getMessage() + "; install it or remove it from the config", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MultiarchException("interrupted while asking " + program, e);
        }
    }

    /**
     * Stops a helper and every process it started (a hung helper is often waiting on a child, e.g. a keychain
     * prompt, that holds its output open). The descendants are listed first, while they are still the helper's.
     */
    private static void killTree(Process process) {
        java.util.List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** config.json keys may be a bare host or a URL such as https://index.docker.io/v1/. */
    static String hostOf(String key) {
        String host = key;
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return DockerHub.isDockerHub(host) ? DockerHub.LEGACY_REGISTRY : host;
    }
}
