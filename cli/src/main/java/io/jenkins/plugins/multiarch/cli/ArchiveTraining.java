package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.index.IndexAssembler;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The run {@code bin/multiarch} trains its start-up archive on (Java 17's class list, Java 25's AOT cache): the classes
 * and code a publish with the binary check uses, so that every later command starts with them ready.
 *
 * <p>With arguments, they are a real command line (say, a publish against a local registry, as {@code bin/bench}
 * gives): the most representative training. Without, what can be done offline: every command's option model and
 * help, a publish with the binary check through the engine up to its first request (to a loopback port nobody
 * listens on, not retried), and the manifest codec on an index and an image manifest. Output is discarded.
 */
public final class ArchiveTraining {

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (String command : List.of("build", "publish", "verify", "inspect")) {
            MultiarchCommand.newCommandLine().setOut(nowhere).setErr(nowhere).execute(command, "--help");
        }
        if (args.length > 0) {
            int status = MultiarchCommand.newCommandLine().setOut(nowhere).setErr(nowhere).execute(args);
            System.exit(status);
        }
        offlinePublish();
        codec();
        System.exit(0);
    }

    private static void offlinePublish() throws InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: connections to it are refused at once
        } catch (java.io.IOException e) {
            return;
        }
        String registry = "127.0.0.1:" + port;
        PublishRequest request = new PublishRequest(ImageReference.parse(registry + "/training/app:1"), List.of("latest"),
                List.of(PlatformSource.parse("linux/amd64=" + registry + "/training/app:amd64"),
                        PlatformSource.parse("linux/arm64=" + registry + "/training/app:arm64")),
                IndexFormat.OCI, Map.of(), false, CheckPolicy.standard(),
                RegistrySettings.DEFAULT.withRetryPolicy(RetryPolicy.NONE));
        try (Multiarch engine = Multiarch.create()) {
            engine.publish(request, Host.explicit());
        } catch (RuntimeException expected) {
            // nothing listens there; the point was to load and run the way there
        }
    }

    private static void codec() {
        Digest manifest = Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8));
        byte[] index = ManifestCodec.write(IndexAssembler.assemble(IndexFormat.OCI, List.of(
                new Descriptor(MediaTypes.OCI_MANIFEST, manifest, 500).withPlatform(Platform.parse("linux/amd64")),
                new Descriptor(MediaTypes.OCI_MANIFEST, manifest, 500).withPlatform(Platform.parse("linux/arm/v7"))),
                Map.of("org.opencontainers.image.version", "1")));
        ManifestCodec.parse(index, null);
        String image = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + manifest + "\",\"size\":2},\"layers\":[{"
                + "\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + manifest
                + "\",\"size\":3}]}";
        ManifestCodec.parse(image.getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST);
        ManifestCodec.parseConfig(("{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v7\",\"config\":{"
                + "\"Entrypoint\":[\"/hello\"]}}").getBytes(StandardCharsets.UTF_8));
    }
}
