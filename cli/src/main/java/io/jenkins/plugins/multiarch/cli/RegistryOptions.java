package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.RegistryEndpoint;
import io.jenkins.plugins.multiarch.engine.registry.auth.ContainersAuthFile;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.engine.registry.auth.DockerConfigCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every command that talks to a registry shares. The password is read from standard input only, so it
 * never appears in a process listing or a shell history; without it, credentials come from the Docker config, then
 * from the auth file of {@code buildah login} / {@code podman login}.
 */
final class RegistryOptions {

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Reach this registry over plain HTTP (loopback registries always are). Repeatable.")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--username", paramLabel = "USER",
            description = "Registry user; the password is read from standard input (--password-stdin).")
    String username;

    @Option(names = "--password-stdin", description = "Read the registry password from standard input.")
    boolean passwordStdin;

    /** The --username credentials once read; null until then. */
    private Optional<Credentials> given;

    /** A client for this registry with the credentials these options, the Docker config or a containers login give. */
    RegistryClient client(String registry, InputStream stdin) {
        return RegistryClient.builder(registry)
                .insecureRegistries(new HashSet<>(insecureRegistries))
                .credentials(credentials(registry, stdin))
                .build();
    }

    /** True when this registry is reached over plain HTTP: loopback, or named with --insecure-registry. */
    boolean isPlainHttp(String registry) {
        return RegistryEndpoint.of(registry, new HashSet<>(insecureRegistries)).isPlainHttp();
    }

    /** Fails with a usage error when --username and --password-stdin are not given together. */
    void validate() {
        if (username == null && passwordStdin) {
            throw new UsageException("--password-stdin needs --username");
        }
        if (username != null && !passwordStdin) {
            throw new UsageException("--username " + username + " needs --password-stdin: pipe the password"
                    + " in (passwords on the command line would show in process listings)");
        }
    }

    /** The --username user with the password from standard input (read once), or empty without --username. */
    Optional<Credentials> givenCredentials(InputStream stdin) {
        validate();
        if (given == null) {
            given = username == null ? Optional.empty() : Optional.of(Credentials.of(username, readPassword(stdin)));
        }
        return given;
    }

    private CredentialProvider credentials(String registry, InputStream stdin) {
        Optional<Credentials> user = givenCredentials(stdin);
        if (user.isPresent()) {
            return CredentialProvider.fixed(registry, user.get());
        }
        // What docker login stored, else what buildah/podman/skopeo login stored.
        return DockerConfigCredentials.fromEnvironment().orElse(ContainersAuthFile.fromEnvironment());
    }

    private static String readPassword(InputStream stdin) {
        try {
            String password = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            password = password.replaceAll("[\\r\\n]+$", "");
            if (password.isEmpty()) {
                throw new UsageException("--password-stdin: standard input was empty; pipe the password in");
            }
            return password;
        } catch (IOException e) {
            throw new IllegalStateException("--password-stdin: cannot read standard input: " + e.getMessage(), e);
        }
    }
}
