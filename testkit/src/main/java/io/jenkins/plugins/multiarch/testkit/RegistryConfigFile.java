package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Writes the {@code config.yml} of one test registry (Distribution 2.8 format). */
final class RegistryConfigFile {

    private RegistryConfigFile() {
    }

    /**
     * @param instanceId echoed in an {@code X-Rig-Instance} response header so the readiness probe knows it reached
     *     this registry and not another one that grabbed the same port
     */
    static void write(Path file, int port, Path storageDir, String instanceId, String authSection) {
        write(file, port, storageDir, instanceId, authSection, null);
    }

    /** @param tls the CA whose server certificate the registry serves HTTPS with, or {@code null} for plain HTTP */
    static void write(Path file, int port, Path storageDir, String instanceId, String authSection, PrivateCa tls) {
        String yaml = "version: 0.1\n"
                // Quiet: failed requests are logged at error level, which is what one wants when a test breaks.
                + "log:\n"
                + "  level: error\n"
                + "  formatter: text\n"
                + "  accesslog:\n"
                + "    disabled: true\n"
                + "storage:\n"
                + "  filesystem:\n"
                + "    rootdirectory: " + Yaml.quote(storageDir.toString()) + "\n"
                + "  delete:\n"
                + "    enabled: true\n"
                + "  redirect:\n"
                + "    disable: true\n"
                + "  maintenance:\n"
                + "    uploadpurging:\n"
                + "      enabled: false\n"
                + "http:\n"
                + "  addr: 127.0.0.1:" + port + "\n"
                // A fixed secret silences the registry's warning about generating one.
                + "  secret: " + Yaml.quote(UUID.randomUUID().toString()) + "\n"
                + "  headers:\n"
                + "    X-Rig-Instance: [" + Yaml.quote(instanceId) + "]\n"
                + (tls == null ? "" : "  tls:\n"
                        + "    certificate: " + Yaml.quote(tls.serverCertificate().toString()) + "\n"
                        + "    key: " + Yaml.quote(tls.serverKey().toString()) + "\n")
                + authSection;
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
