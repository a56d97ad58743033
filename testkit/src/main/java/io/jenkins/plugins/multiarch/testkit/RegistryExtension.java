package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Distribution 2.8 registry ({@code docker-registry serve}) on a free loopback port, in a temporary directory
 * that is deleted afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * static RegistryExtension registry = RegistryExtension.tokenAuth("alice", "s3cret-pw");
 * }</pre>
 *
 * As a static field it serves the whole test class; as an instance field, one registry per test. Outside JUnit,
 * call {@link #start()} and {@link #close()}.
 */
public final class RegistryExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static final int START_ATTEMPTS = 3;

    private final RegistryAuth auth;
    private Path workDir;
    private RegistryProcess process;
    private int port;
    private boolean startedForOneTest;
    private boolean tls;
    private PrivateCa ca;

    private RegistryExtension(RegistryAuth auth) {
        this.auth = auth;
    }

    /** A registry anyone may pull from and push to. */
    public static RegistryExtension anonymous() {
        return new RegistryExtension(new AnonymousAuth());
    }

    /** A registry that accepts one user over HTTP Basic authentication (htpasswd, bcrypt). */
    public static RegistryExtension htpasswd(String username, String password) {
        return new RegistryExtension(new HtpasswdAuth(new RegistryCredentials(username, password)));
    }

    /** A registry that wants Bearer tokens from a {@link TokenIssuer} that knows one user. */
    public static RegistryExtension tokenAuth(String username, String password) {
        return new RegistryExtension(new TokenAuth(new RegistryCredentials(username, password)));
    }

    /**
     * Serves HTTPS with a certificate for {@code 127.0.0.1} from a private CA made for this registry
     * ({@link #privateCa()}), the way a company registry with its own CA does; returns this.
     */
    public RegistryExtension withTls() {
        if (process != null) {
            throw new IllegalStateException("withTls() must be called before the registry starts");
        }
        this.tls = true;
        return this;
    }

    /** The CA that issued this registry's certificate: its {@code caCertificate()} is what clients must trust. */
    public PrivateCa privateCa() {
        if (ca == null) {
            throw new IllegalStateException("this registry does not serve HTTPS (or is not running); use withTls()");
        }
        return ca;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Only an instance-field registration reaches here without {@link #beforeAll}: then it lives for one test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (process == null) {
            start();
            startedForOneTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            startedForOneTest = false;
            close();
        }
    }

    /** Starts the registry (and its token issuer, if any); returns this. */
    public RegistryExtension start() {
        if (process != null) {
            throw new IllegalStateException("the registry is already running at " + url());
        }
        Path executable = RequiredTool.dockerRegistry();
        workDir = Directories.createTemp("rig-registry-");
        try {
            Path storage = Files.createDirectory(workDir.resolve("storage"));
            String authSection = auth.configSection(workDir);
            ca = tls ? PrivateCa.create(workDir.resolve("tls")) : null;
            for (int attempt = 1; ; attempt++) {
                port = LoopbackPort.free();
                String instanceId = UUID.randomUUID().toString();
                RegistryConfigFile.write(configFile(), port, storage, instanceId, authSection, ca);
                try {
                    process = RegistryProcess.start(executable, configFile(), logFile(), port, instanceId,
                            STARTUP_TIMEOUT, ca);
                    return this;
                } catch (RegistryStartException e) {
                    if (!e.portWasTaken() || attempt == START_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot prepare " + workDir, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stops the registry and its token issuer and deletes the temporary directory, storage included. */
    @Override
    public void close() {
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            process = null;
            ca = null;
            auth.close();
            Directories.deleteRecursively(workDir);
            workDir = null;
        }
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image references. */
    public String host() {
        return "127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:PORT}, or {@code https://} for a registry {@link #withTls() with TLS} */
    public String url() {
        return (tls ? "https://" : "http://") + host();
    }

    /** The user's name, or {@code null} for an anonymous registry. */
    public String username() {
        RegistryCredentials credentials = auth.credentials();
        return credentials == null ? null : credentials.username();
    }

    /** The user's password, or {@code null} for an anonymous registry. */
    public String password() {
        RegistryCredentials credentials = auth.credentials();
        return credentials == null ? null : credentials.password();
    }

    /** The user's credentials, or {@code null} for an anonymous registry. */
    public RegistryCredentials credentials() {
        return auth.credentials();
    }

    /** The token issuer of a {@link #tokenAuth} registry. */
    public TokenIssuer tokenIssuer() {
        TokenIssuer issuer = auth.tokenIssuer();
        if (issuer == null) {
            throw new IllegalStateException("this registry does not use token auth (or is not running)");
        }
        return issuer;
    }

    /** Where the registry keeps blobs and manifests ({@code storage.filesystem.rootdirectory}). */
    public Path storageDir() {
        return running().resolve("storage");
    }

    /** The registry's combined stdout and stderr. */
    public Path logFile() {
        return running().resolve("registry.log");
    }

    private Path configFile() {
        return workDir.resolve("config.yml");
    }

    private int port() {
        running();
        return port;
    }

    private Path running() {
        if (workDir == null) {
            throw new IllegalStateException("the registry is not running");
        }
        return workDir;
    }

    @Override
    public String toString() {
        return "RegistryExtension[" + (process == null ? "stopped" : url()) + "]";
    }
}
