package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running {@code docker-registry serve} process. */
final class RegistryProcess implements AutoCloseable {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(25);

    private final Process process;

    private RegistryProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts the registry and waits until {@code GET /v2/} is answered by this very instance.
     *
     * @throws RegistryStartException if it exits or does not answer within {@code timeout}
     */
    static RegistryProcess start(Path executable, Path configFile, Path logFile, int port, String instanceId,
            Duration timeout) {
        return start(executable, configFile, logFile, port, instanceId, timeout, null);
    }

    /** @param tls the CA of the registry's HTTPS certificate, or {@code null} when it speaks plain HTTP */
    static RegistryProcess start(Path executable, Path configFile, Path logFile, int port, String instanceId,
            Duration timeout, PrivateCa tls) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), "serve", configFile.toString())
                    .directory(configFile.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            // REGISTRY_* variables override config.yml; one leaking in from the environment must not change the rig.
            builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_"));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        RegistryProcess registry = new RegistryProcess(process);
        try {
            registry.awaitReady(port, instanceId, timeout, logFile, tls);
            return registry;
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    private void awaitReady(int port, String instanceId, Duration timeout, Path logFile, PrivateCa tls) {
        HttpClient.Builder clientBuilder = HttpClient.newBuilder();
        if (tls != null) {
            clientBuilder.sslContext(tls.trustingContext());
        }
        HttpClient client = clientBuilder
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create((tls == null ? "http" : "https")
                + "://127.0.0.1:" + port + "/v2/"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new RegistryStartException("docker-registry exited with code " + process.exitValue()
                        + " during startup; log " + logFile + ":\n" + tail(logFile), tail(logFile));
            }
            try {
                HttpResponse<Void> response = client.send(probe, HttpResponse.BodyHandlers.discarding());
                boolean ours = instanceId.equals(response.headers().firstValue("X-Rig-Instance").orElse(null));
                if (ours && (response.statusCode() == 200 || response.statusCode() == 401)) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for docker-registry", e);
            }
            // Only the polling interval of a bounded wait for an observable condition (this registry answers).
            sleep(PROBE_INTERVAL);
        }
        throw new RegistryStartException("docker-registry did not answer GET " + probe.uri() + " within "
                + timeout + "; log " + logFile + ":\n" + tail(logFile), tail(logFile));
    }

    /** Stops the registry (and anything it started) and waits for it to go. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for docker-registry", e);
        }
    }
}
