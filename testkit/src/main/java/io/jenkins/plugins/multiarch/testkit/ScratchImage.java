package io.jenkins.plugins.multiarch.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny single-platform image built {@code FROM scratch} with buildah and pushed to a registry.
 *
 * <pre>{@code
 * String digest = ScratchImage.forPlatform("linux/arm/v7")
 *         .file("hello.txt", "hi")
 *         .entrypoint("/hello")
 *         .format(ManifestFormat.DOCKER)
 *         .credentials(registry.credentials())
 *         .pushTo(registry.host(), "team/app:arm-v7");
 * }</pre>
 *
 * It is assembled with {@code buildah from/copy/config/commit} rather than {@code buildah bud --platform}, because
 * buildah 1.28 turns {@code --platform linux/arm/v6} into variant v7 when building; setting os/arch/variant with
 * {@code buildah config} is right for every platform.
 */
public final class ScratchImage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImagePlatform platform;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> symlinks = new LinkedHashMap<>();
    private List<String> entrypoint = List.of();
    private String shellEntrypoint;
    private List<String> cmd = List.of();
    private ManifestFormat format = ManifestFormat.OCI;
    private RegistryCredentials credentials;

    private ScratchImage(ImagePlatform platform) {
        this.platform = platform;
    }

    /** @param platform {@code os/arch[/variant]}, e.g. {@code linux/arm64} or {@code linux/arm/v6} */
    public static ScratchImage forPlatform(String platform) {
        return new ScratchImage(ImagePlatform.parse(platform));
    }

    /**
     * Adds a file, mode 0755 (so it can be found through PATH); {@code path} is relative to the image root (a leading
     * slash is ignored).
     */
    public ScratchImage file(String path, byte[] content) {
        files.put(relativePath(path), content.clone());
        return this;
    }

    /**
     * Adds a symbolic link, e.g. {@code symlink("/bin/sh", "busybox")} or {@code symlink("/app", "/usr/bin/app")}.
     * {@code buildah copy} keeps links as links, with their target text unchanged.
     */
    public ScratchImage symlink(String path, String target) {
        symlinks.put(relativePath(path), target);
        return this;
    }

    /** Adds a UTF-8 text file. */
    public ScratchImage file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public ScratchImage files(Map<String, byte[]> pathsToContent) {
        pathsToContent.forEach(this::file);
        return this;
    }

    /** The exec form, {@code ENTRYPOINT ["/app", "--flag"]}. */
    public ScratchImage entrypoint(String... args) {
        this.entrypoint = List.of(args);
        return this;
    }

    /** The shell form, {@code ENTRYPOINT /app --flag}: buildah stores it as {@code ["/bin/sh", "-c", "/app --flag"]}. */
    public ScratchImage shellEntrypoint(String commandLine) {
        this.shellEntrypoint = commandLine;
        return this;
    }

    /** The exec form of {@code CMD}. */
    public ScratchImage cmd(String... args) {
        this.cmd = List.of(args);
        return this;
    }

    /** OCI (the default) or Docker v2 schema 2. */
    public ScratchImage format(ManifestFormat format) {
        this.format = format;
        return this;
    }

    /** Logs in with these credentials when pushing; {@code null} (the default) pushes anonymously. */
    public ScratchImage credentials(RegistryCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /**
     * Builds the image and pushes it to {@code registryHost} (plain HTTP) as {@code repoAndTag}.
     *
     * @return the digest of the pushed manifest, {@code sha256:...}
     */
    public String pushTo(String registryHost, String repoAndTag) {
        try (BuildahStorage buildah = BuildahStorage.create()) {
            Path work = buildah.workDir();
            String container = buildah.run("from", "--quiet", "--name", "fixture", "--platform", platform.toString(),
                    "scratch");
            if (!files.isEmpty() || !symlinks.isEmpty()) {
                buildah.run("copy", "--quiet", container, writeContext(work.resolve("context")).toString(), "/");
            }
            buildah.run(configArgs(container));
            String image = "localhost/multiarch-rig-fixture:latest";
            buildah.run("commit", "--quiet", "--rm", "--format", format.commitFormat(), container, image);
            Path digestFile = work.resolve("digest");
            buildah.run("push", "--quiet", "--format", format.pushFormat(), "--tls-verify=false",
                    "--authfile", AuthFile.write(work, registryHost, credentials).toString(),
                    "--digestfile", digestFile.toString(),
                    image, "docker://" + registryHost + "/" + repoAndTag);
            return Files.readString(digestFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build or push " + repoAndTag, e);
        }
    }

    private Path writeContext(Path context) throws IOException {
        Files.createDirectories(context);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = context.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Map.Entry<String, String> link : symlinks.entrySet()) {
            Path path = context.resolve(link.getKey());
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(link.getValue()));
        }
        return context;
    }

    private static String relativePath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty() || List.of(relative.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a file path inside the image: " + path);
        }
        return relative;
    }

    private String[] configArgs(String container) throws JsonProcessingException {
        List<String> args = new ArrayList<>(List.of("config", "--os", platform.os(), "--arch", platform.architecture()));
        if (platform.variant() != null) {
            args.addAll(List.of("--variant", platform.variant()));
        }
        if (!entrypoint.isEmpty()) {
            // The JSON (exec) form, so arguments are taken literally rather than wrapped in "/bin/sh -c".
            args.addAll(List.of("--entrypoint", JSON.writeValueAsString(entrypoint)));
        } else if (shellEntrypoint != null) {
            args.addAll(List.of("--entrypoint", shellEntrypoint));
        }
        if (!cmd.isEmpty()) {
            args.addAll(List.of("--cmd", JSON.writeValueAsString(cmd)));
        }
        args.add(container);
        return args.toArray(String[]::new);
    }
}
