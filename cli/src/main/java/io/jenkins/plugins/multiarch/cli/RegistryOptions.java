package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.registry.ReadLimits;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.engine.registry.transport.TlsTrust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Options every command that talks to a registry shares. The password is read from standard input only, so it
 * never appears in a process listing or a shell history; without it, credentials come from what the local host has
 * stored: the Docker config, then the auth file of {@code buildah login} / {@code podman login}.
 */
final class RegistryOptions {

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Reach this registry over plain HTTP (loopback registries always are). Repeatable.")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--ca-cert", paramLabel = "[HOST[:PORT]=]FILE",
            description = "Trust the CA certificate(s) in this PEM file, for every registry or, with HOST[:PORT]=,"
                    + " for that registry alone (which is then reached over HTTPS even on loopback). Repeatable.")
    List<String> caCertificates = new ArrayList<>();

    @Option(names = "--insecure-skip-tls-verify", paramLabel = "HOST[:PORT]",
            description = "Reach this registry over HTTPS without checking its certificate (a warning is printed"
                    + " each time): anyone in between can read and change what is sent. Repeatable.")
    List<String> unverifiedRegistries = new ArrayList<>();

    @Option(names = "--username", paramLabel = "USER",
            description = "Registry user; the password is read from standard input (--password-stdin).")
    String username;

    @Option(names = "--password-stdin", description = "Read the registry password from standard input.")
    boolean passwordStdin;

    @Option(names = "--login", paramLabel = "REGISTRY=USER:env:VARIABLE|file:PATH",
            description = "The login for one more registry (a source's or an --also-to target's): the password is read"
                    + " from the environment variable or the file named, never given on the command line. Repeatable.")
    List<String> logins = new ArrayList<>();

    @Option(names = "--max-children", paramLabel = "N",
            description = "Most entries of an index that inspect or verify follow (default 1000); a bigger index fails"
                    + " before any entry is read.")
    Integer maxChildren;

    @Option(names = "--max-manifest-size", paramLabel = "SIZE",
            description = "Largest manifest or index read from a registry (default 4MiB, as the OCI spec suggests).")
    String maxManifestSize;

    @Option(names = "--max-config-size", paramLabel = "SIZE",
            description = "Largest image config read from a registry (default 16MiB).")
    String maxConfigSize;

    /** The --username credentials once read; null until then. */
    private Optional<Credentials> given;

    /**
     * How registries are reached: plain HTTP for loopback and the --insecure-registry hosts, HTTPS trusting the
     * JVM's CAs and the --ca-cert ones.
     */
    RegistrySettings settings() {
        TlsTrust trust = TlsTrust.DEFAULT;
        for (String value : caCertificates) {
            trust = withCaCertificate(trust, value);
        }
        for (String registry : unverifiedRegistries) {
            if (insecureRegistries.contains(registry)) {
                throw new UsageException("--insecure-skip-tls-verify " + registry + " and --insecure-registry "
                        + registry + " cannot go together: the first speaks HTTPS without checking the certificate,"
                        + " the second plain HTTP; pick one");
            }
            trust = trust.withoutVerification(registry);
        }
        return RegistrySettings.DEFAULT.withInsecureRegistries(new HashSet<>(insecureRegistries))
                .withLimits(UsageException.parsing(this::limits)).withTlsTrust(trust);
    }

    /** --max-children, --max-manifest-size and --max-config-size over the defaults. */
    private ReadLimits limits() {
        ReadLimits limits = ReadLimits.DEFAULT;
        if (maxChildren != null) {
            if (maxChildren < 1) {
                throw new UsageException("invalid --max-children " + maxChildren + ": must be at least 1 (default "
                        + ReadLimits.DEFAULT_CHILDREN + ")");
            }
            limits = limits.withChildren(maxChildren);
        }
        if (maxManifestSize != null) {
            limits = limits.withManifestBytes(Sizes.parse(maxManifestSize, "--max-manifest-size"));
        }
        if (maxConfigSize != null) {
            limits = limits.withConfigBytes(Sizes.parse(maxConfigSize, "--max-config-size"));
        }
        return limits;
    }

    /** {@code FILE} or {@code HOST[:PORT]=FILE}; a file whose own name has a '=' counts as a file when it exists. */
    private static TlsTrust withCaCertificate(TlsTrust trust, String value) {
        int eq = value.indexOf('=');
        String registry = eq > 0 && !Files.isRegularFile(Path.of(value)) ? value.substring(0, eq) : null;
        Path file = Path.of(registry == null ? value : value.substring(eq + 1));
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("--ca-cert " + value + ": cannot read " + file + " (" + e.getMessage()
                    + "); give a PEM file with the CA's certificate");
        }
        String source = "--ca-cert " + value;
        return UsageException.parsing(() -> registry == null ? trust.withCaCertificates(pem, source)
                : trust.withRegistryCaCertificates(registry, pem, source));
    }

    /**
     * This machine, with the --username credentials for {@code registry} if given and the --login ones for their
     * registries; for any other registry the logins stored on this machine for the engine's client, and the tools'
     * own logins for builds.
     */
    Host host(String registry, InputStream stdin) {
        return host(registry, stdin, List.of());
    }

    /**
     * As {@link #host(String, InputStream)} for a publish that also reads from or writes to {@code otherRegistries}
     * (sources elsewhere, {@code --also-to}): --username is for {@code registry} alone, --login for the registry it
     * names, and the other registries use the logins stored on this machine.
     */
    Host host(String registry, InputStream stdin, Collection<String> otherRegistries) {
        Optional<Credentials> user = givenCredentials(stdin);
        List<RegistryLogin> named = namedLogins(registry);
        Host local = Host.local();
        if (user.isEmpty() && named.isEmpty()) {
            return local;
        }
        CredentialProvider given = user.map(u -> CredentialProvider.fixed(registry, u)).orElse(CredentialProvider.none());
        for (RegistryLogin login : named) {
            given = given.orElse(CredentialProvider.fixed(login.registry(), login.credentials()));
        }
        boolean others = !named.isEmpty() || otherRegistries.stream().anyMatch(r -> !r.equals(registry));
        return local.withCredentials(others ? given.orElse(local.credentials()) : given);
    }

    /** The --login values, each registry once and none the --username one's. */
    private List<RegistryLogin> namedLogins(String registry) {
        List<RegistryLogin> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String value : logins) {
            RegistryLogin login = RegistryLogin.parse(value, System::getenv);
            if (username != null && login.registry().equals(registry)) {
                throw new UsageException("--login " + login.registry() + "=... and --username are both for "
                        + login.registry() + "; give one of them");
            }
            if (!seen.add(login.registry())) {
                throw new UsageException("--login is given twice for " + login.registry() + "; give one per registry");
            }
            parsed.add(login);
        }
        return parsed;
    }

    /** Fails with a usage error when --username and --password-stdin are not given together. */
    void validate() {
        settings(); // the limits' options, before any registry is asked anything
        if (username == null && passwordStdin) {
            throw new UsageException("--password-stdin needs --username");
        }
        if (username != null && !passwordStdin) {
            throw new UsageException("--username " + username + " needs --password-stdin: pipe the password"
                    + " in (passwords on the command line would show in process listings)");
        }
    }

    /** The --username user with the password from standard input (read once), or empty without --username. */
    private Optional<Credentials> givenCredentials(InputStream stdin) {
        validate();
        if (given == null) {
            given = username == null ? Optional.empty()
                    : Optional.of(UsageException.parsing(() -> Credentials.of(username, readPassword(stdin))));
        }
        return given;
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
