package io.jenkins.plugins.multiarch.engine.imagebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jenkins.plugins.multiarch.engine.reference.DockerHub;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Docker {@code config.json} that carries registry credentials: {@code {"auths": {host: {"auth":
 * base64(user:password)}}}}. Docker, buildx, kaniko, buildah and podman ({@code --authfile}) all read it. For the
 * tools that get it as {@code DOCKER_CONFIG} it is built on the user's own config ({@link #render(List, Path)}).
 */
public final class DockerConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerConfigJson() {
    }

    /** What a temporary config keeps of the user's: other registries' logins and helpers, and plugin places. */
    private static final List<String> KEPT = List.of("auths", "credHelpers", "credsStore", "cliPluginsExtraDirs");

    /**
     * The file's content for these logins (registry host → credentials). Holds secrets: write it only to a private
     * file.
     */
    public static byte[] render(Map<String, Credentials> credentials) {
        return write(withCredentials(JSON.createObjectNode(), credentials));
    }

    /**
     * A config for a temporary {@code DOCKER_CONFIG} that does not hide the user's: starts from
     * {@code userDir/config.json} if readable, keeping {@code auths}, {@code credHelpers}, {@code credsStore} and
     * {@code cliPluginsExtraDirs}, adds {@code userDir/cli-plugins} to the latter, and overrides only the entries
     * of the given registries. Those also get an empty credential helper, which makes Docker read our
     * {@code auths} entry even when a {@code credsStore} or a helper is configured. Not kept:
     * {@code currentContext}, because contexts are looked up under {@code DOCKER_CONFIG} and would not be found.
     *
     * @throws IOException if the user's config.json exists but cannot be read or is not a JSON object
     */
    public static byte[] render(Map<String, Credentials> credentials, Path userDir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        Path file = userDir.resolve("config.json");
        if (Files.isRegularFile(file)) {
            JsonNode user = JSON.readTree(Files.readAllBytes(file));
            if (!(user instanceof ObjectNode)) {
                throw new IOException(file + " is not a JSON object");
            }
            for (String key : KEPT) {
                if (user.has(key)) {
                    root.set(key, user.get(key).deepCopy());
                }
            }
        }
        Path plugins = userDir.resolve("cli-plugins");
        if (Files.isDirectory(plugins)) {
            JsonNode existing = root.get("cliPluginsExtraDirs");
            ArrayNode dirs = existing instanceof ArrayNode array ? array : root.putArray("cliPluginsExtraDirs");
            dirs.add(plugins.toAbsolutePath().toString());
        }
        return write(withCredentials(root, credentials));
    }

    private static ObjectNode withCredentials(ObjectNode root, Map<String, Credentials> credentials) {
        ObjectNode auths = root.get("auths") instanceof ObjectNode existing ? existing : root.putObject("auths");
        boolean helpers = root.has("credsStore") || root.has("credHelpers");
        for (Map.Entry<String, Credentials> login : credentials.entrySet()) {
            String key = DockerHub.isDockerHub(login.getKey()) ? DockerHub.CONFIG_KEY : login.getKey();
            Credentials c = login.getValue();
            if (c.isIdentityToken()) {
                auths.putObject(key).put("identitytoken", c.secret());
            } else {
                auths.putObject(key).put("auth", basicAuth(c));
            }
            if (helpers) {
                ObjectNode credHelpers = root.get("credHelpers") instanceof ObjectNode existing
                        ? existing : root.putObject("credHelpers");
                credHelpers.put(key, "");
            }
        }
        return root;
    }

    private static byte[] write(ObjectNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write registry auth JSON", e); // no secret in this message
        }
    }

    /** What must never show up in output: each password and each encoded user:password. */
    public static List<String> secretsIn(Map<String, Credentials> credentials) {
        List<String> secrets = new ArrayList<>();
        for (Credentials c : credentials.values()) {
            secrets.add(c.secret());
            secrets.add(basicAuth(c));
        }
        return secrets;
    }

    /** base64 of {@code user:password}, the {@code auth} value of config.json. */
    private static String basicAuth(Credentials c) {
        return c.basicHeader().substring("Basic ".length());
    }
}
