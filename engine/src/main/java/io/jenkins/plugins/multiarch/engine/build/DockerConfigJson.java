package io.jenkins.plugins.multiarch.engine.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Docker {@code config.json} that carries registry credentials: {@code {"auths": {host: {"auth":
 * base64(user:password)}}}}. Docker, buildx, kaniko, buildah and podman ({@code --authfile}) all read it.
 */
public final class DockerConfigJson {

    /** Docker Hub's key in config.json, which every client also accepts for docker.io. */
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerConfigJson() {
    }

    /** The file's content. Holds secrets: write it only to a private file. */
    public static byte[] render(List<RegistryCredentials> credentials) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode auths = root.putObject("auths");
        for (RegistryCredentials c : credentials) {
            String key = "docker.io".equals(c.registry()) || "index.docker.io".equals(c.registry())
                    ? DOCKER_HUB_KEY : c.registry();
            auths.putObject(key).put("auth", basicAuth(c));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write registry auth JSON", e); // no secret in this message
        }
    }

    /** What must never show up in output: each password and each encoded user:password. */
    public static List<String> secretsIn(List<RegistryCredentials> credentials) {
        List<String> secrets = new ArrayList<>();
        for (RegistryCredentials c : credentials) {
            secrets.add(c.password());
            secrets.add(basicAuth(c));
        }
        return secrets;
    }

    private static String basicAuth(RegistryCredentials c) {
        return Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }
}
