package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import io.jenkins.plugins.multiarch.engine.BuildAndPublishRequest;
import io.jenkins.plugins.multiarch.engine.BuildAndPublishResult;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildResult;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildToolKind;
import io.jenkins.plugins.multiarch.engine.imagebuild.ParallelBuildException;
import io.jenkins.plugins.multiarch.engine.imagebuild.PlatformBuildException;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import io.jenkins.plugins.multiarch.engine.process.ToolNotFoundException;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code multiarch build}: one Dockerfile built for each platform (in parallel), each image pushed into the target
 * repository by digest, and with {@code --publish} verified and published as one index, with the checks
 * {@code publish} runs (config platform and, unless {@code --no-binary-check}, the program's ELF header). Every
 * option is checked before anything runs, so a typo costs no build.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds the image for each platform, pushes each into TARGET_REF's repository by digest and prints"
                + " 'PLATFORM DIGEST' lines; with --publish, verifies them and publishes one index under TARGET_REF's tag.",
                "A failed platform fails the command and nothing is published."})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET_REF",
            description = "registry/repository:tag; images go into this repository, the index (--publish) under this tag")
    String target;

    @Option(names = "--platform", paramLabel = "PLATFORM", split = ",", required = true,
            description = "Platforms to build, e.g. linux/amd64,linux/arm64,linux/arm/v7. Repeatable.")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--builder", paramLabel = "BUILDER",
            description = "${COMPLETION-CANDIDATES}. Default: the first installed of buildah, podman, buildx.")
    BuilderOption builder;

    @Option(names = "--file", paramLabel = "DOCKERFILE", description = "The Dockerfile; default: Dockerfile or Containerfile in the context.")
    Path dockerfile;

    @Option(names = "--context", paramLabel = "DIR", defaultValue = ".", description = "The build context directory (default: .).")
    Path context;

    @Option(names = "--build-arg", paramLabel = "NAME=VALUE",
            description = "A build argument for every platform. Repeatable. TARGETARCH, GOARCH and the like are set per platform.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--tag-template", paramLabel = "TEMPLATE",
            description = "Also tag each platform's image, e.g. {arch}-{version}; placeholders {os} {arch} {variant} {version} {platform}."
                    + " Default: no per-platform tag.")
    String tagTemplate;

    @Option(names = "--digest-file", paramLabel = "FILE", description = "Write the 'PLATFORM DIGEST' lines to FILE.")
    Path digestFile;

    @Option(names = "--publish", description = "Verify the images and publish one index under TARGET_REF's tag (and --tag).")
    boolean publish;

    @Option(names = "--tag", paramLabel = "TAG", description = "With --publish: a further tag for the index. Repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--format", paramLabel = "oci|docker|auto",
            description = "With --publish: OCI image index (default), Docker manifest list, or auto.")
    String format;

    @Option(names = "--annotation", paramLabel = "KEY=VALUE", description = "With --publish: an index annotation. Repeatable.")
    List<String> annotations = new ArrayList<>();

    @Option(names = "--also-to", paramLabel = "REGISTRY/REPO[:TAG]",
            description = "With --publish: publish the same index to this repository too (any registry), under TAG or"
                    + " every tag. Repeatable.")
    List<String> alsoTo = new ArrayList<>();

    @Option(names = "--no-binary-check",
            description = "With --publish: check only each image's config platform, not the program it starts.")
    boolean noBinaryCheck;

    @Mixin
    BinaryCheckOptions binaryOptions;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Platforms built at once; default: all (kaniko: one).")
    Integer jobs;

    @Option(names = "--storage-driver", paramLabel = "DRIVER",
            description = "buildah/podman: the containers-storage driver, e.g. vfs where overlay is unavailable.")
    String storageDriver;

    @Option(names = "--storage-root", paramLabel = "DIR",
            description = "buildah/podman: keep build images in DIR instead of the machine's image store.")
    Path storageRoot;

    @Option(names = "--progress", paramLabel = "auto|tty|plain", defaultValue = "auto",
            description = "tty: redraw a status block; plain: one line per change; auto: tty on a terminal.")
    String progress;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    OutputFormat output;

    @Mixin
    RegistryOptions registryOptions;

    @Mixin
    GitOptions gitOptions;

    /** How programs are found; null: the local host's PATH. Tests replace it. */
    ProgramLookup programs;

    @Override
    public Integer call() throws InterruptedException {
        Plan checked = UsageException.parsing(() -> validate(GitMetadata.NONE));
        Host host = registryOptions.host(checked.target().registry(), System.in,
                checked.alsoTo().stream().map(ImageReference::registry).toList());
        if (programs != null) {
            host = host.withPrograms(programs);
        }
        Plan plan = checked;
        if (gitOptions.any()) {
            // Before any build: a state git cannot tell fails now, and the tags decide the target's {version}.
            GitMetadata git;
            try (Multiarch engine = Multiarch.create()) {
                git = gitOptions.read(engine, checked.target(), registryOptions.settings(), host);
            }
            git.logLines().forEach(line -> spec.commandLine().getErr().println("multiarch: " + Printable.escaped(line)));
            plan = UsageException.parsing(() -> validate(git));
        }
        BuildToolKind kind = builder != null ? builder.kind() : defaultBuilder(host);
        // Usage first (exit 2), then what the machine lacks (exit 1).
        checkFormatFor(kind, plan.format());
        if ((storageDriver != null || storageRoot != null) && !kind.usesContainersStorage()) {
            throw new UsageException("--storage-driver and --storage-root apply to buildah and podman, but the builder"
                    + " is " + kind + "; name one with --builder, or leave them out");
        }
        if (host.programs().find(kind.program()).isEmpty()) {
            throw new MissingToolException("--builder " + kind + " needs '" + kind.program() + "', which is not"
                    + " installed or not on the PATH; install " + kind.installHint() + ", or choose another builder"
                    + " with --builder (" + BuildToolKind.names() + ")");
        }
        BuildRequest request = plan.request().tool(kind).build();

        PrintWriter err = spec.commandLine().getErr();
        // SIGTERM or Ctrl-C: interrupt the builds so that they stop their tools and delete their workspaces (and the
        // private auth files in them) before the JVM exits.
        CountDownLatch buildsDone = new CountDownLatch(1);
        Thread buildThread = Thread.currentThread();
        Thread onShutdown = new Thread(() -> {
            buildThread.interrupt();
            try {
                buildsDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }, "multiarch-build-shutdown");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        BuildResult built;
        PublishResult published = null;
        try (Multiarch engine = Multiarch.create();
             BuildProgressDisplay display = new BuildProgressDisplay(err, interactive(), request.platforms(), System::nanoTime)) {
            Host building = host.withLog(display).withProgress(display);
            display.start();
            try {
                if (publish) {
                    BuildAndPublishResult result = engine.buildAndPublish(new BuildAndPublishRequest(request,
                            plan.extraTags(), plan.format(), plan.annotations(), plan.checks(), plan.alsoTo()),
                            building);
                    built = result.build();
                    published = result.published();
                } else {
                    built = engine.build(request, building);
                }
            } catch (ParallelBuildException e) {
                throw new BuildFailedException(failureMessage(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BuildFailedException("interrupted; nothing was published", e);
            }
        } finally {
            buildsDone.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the countDown above
            }
        }
        BuildToolKind used = kind;
        built.images().stream().filter(r -> r.temporaryTagName().isPresent()).forEach(r -> err.println("note: " + used
                + " cannot push without a tag, so " + r.platform() + " was pushed under the temporary tag "
                + r.temporaryTagName().get() + ", which stays in the registry"));

        BuildResultOutput result = new BuildResultOutput(plan.target(), built.tool(), built.images(),
                Optional.ofNullable(published));
        if (digestFile != null) {
            writeDigestFile(result.digestLines());
        }
        err.flush();
        spec.commandLine().getOut().print(output == OutputFormat.json ? result.toJson()
                : Printable.lines(result.toText()));
        spec.commandLine().getOut().flush();
        return 0;
    }


    private static BuildToolKind defaultBuilder(Host host) {
        try {
            return BuildToolKind.detect(host.programs());
        } catch (ToolNotFoundException e) {
            throw new MissingToolException(e.getMessage() + " with --builder");
        }
    }

    /**
     * Everything the options say, with git's tags and annotations, checked; throws UsageException or
     * InvalidInputException naming the bad input. With --tags-from-git and {@link GitMetadata#NONE} (the check before
     * git is read) TARGET_REF may lack its tag.
     */
    Plan validate(GitMetadata git) {
        registryOptions.validate();
        gitOptions.validate();
        if (!publish && gitOptions.any()) {
            throw new UsageException("--tags-from-git and --annotations-from-git are about publishing the index: add"
                    + " --publish, or leave them out");
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be at least 1, got " + jobs);
        }
        if (!publish) {
            for (Map.Entry<String, Boolean> option : Map.of("--tag", !tags.isEmpty(), "--annotation",
                    !annotations.isEmpty(), "--format", format != null, "--no-binary-check", noBinaryCheck,
                    "--also-to", !alsoTo.isEmpty(),
                    "--binary-budget, --all-binaries and --all-binaries-layers", binaryOptions.given()).entrySet()) {
                if (option.getValue()) {
                    throw new UsageException(option.getKey() + " is about publishing the index: add --publish,"
                            + " or leave " + option.getKey() + " out");
                }
            }
        }
        if ((storageDriver != null || storageRoot != null) && builder != null && !builder.kind().usesContainersStorage()) {
            throw new UsageException("--storage-driver and --storage-root apply to buildah and podman, not to"
                    + " --builder " + builder);
        }
        if (!Files.isDirectory(context)) {
            throw new UsageException("build context '" + context + "' is not a directory; give one with --context");
        }
        if (dockerfile != null && !Files.isRegularFile(dockerfile)) {
            throw new UsageException("--file '" + dockerfile + "' is not a file");
        }
        if (dockerfile == null && !Files.isRegularFile(context.resolve("Dockerfile"))
                && !Files.isRegularFile(context.resolve("Containerfile"))) {
            throw new UsageException("build context '" + context + "' has no Dockerfile or Containerfile;"
                    + " add one, or name it with --file");
        }
        if (digestFile != null && digestFile.toAbsolutePath().getParent() != null
                && !Files.isDirectory(digestFile.toAbsolutePath().getParent())) {
            throw new UsageException("--digest-file '" + digestFile + "': directory "
                    + digestFile.toAbsolutePath().getParent() + " does not exist");
        }
        if (!List.of("auto", "tty", "plain").contains(progress)) {
            throw new UsageException("invalid --progress '" + progress + "': expected auto, tty or plain");
        }
        if ("docker".equals(format) && !annotations.isEmpty()) {
            throw new UsageException("--annotation cannot go with --format docker: a Docker manifest list has no"
                    + " annotations; use --format oci (or auto) to keep them, or leave --annotation out");
        }
        IndexFormat indexFormat = IndexFormat.parse(format == null ? "oci" : format);
        ImageReference parsedTarget = ImageReference.parse(target);
        boolean gitTagsToCome = gitOptions.tagsFromGit && git == GitMetadata.NONE;
        ImageReference targetRef = gitOptions.tagsFromGit && !gitTagsToCome ? git.target(parsedTarget) : parsedTarget;
        CheckPolicy checks = CheckPolicy.standard();
        List<String> extraTags = git.extraTags(targetRef, tags);
        Map<String, String> indexAnnotations = Map.of();
        if (publish) {
            // The same checks the publish will make, now, before hours of building.
            checks = binaryOptions.publishPolicy(noBinaryCheck);
            extraTags.forEach(targetRef::withTag);
            indexAnnotations = git.annotations(PublishRequest.parseAnnotations(annotations));
            if (targetRef.tag().isEmpty() && !gitTagsToCome) {
                throw new UsageException("--publish needs a tag in TARGET_REF '" + target + "', e.g. "
                        + targetRef.repositoryName() + ":1.0");
            }
        }
        BuildRequest.Builder request = BuildRequest.builder(targetRef, context)
                .platforms(parsePlatforms())
                .dockerfile(dockerfile)
                .buildArgs(parseBuildArgs())
                .registries(registryOptions.settings())
                .storage(storage());
        if (jobs != null) {
            request.parallelism(jobs);
        }
        if (tagTemplate != null) {
            request.perPlatformTags(tagTemplate);
            if (publish) {
                // A platform tag equal to an index tag would be overwritten by the index.
                request.indexTags(extraTags);
            }
        }
        request.build(); // checks the request as a whole now
        List<ImageReference> further = alsoTo.stream().map(ImageReference::parse).toList();
        PublishRequest.checkFurtherTargets(targetRef, further);
        return new Plan(targetRef, request, indexFormat, checks, extraTags, indexAnnotations, further);
    }

    /**
     * The validated request, and for --publish the index format, the checks every image must pass, the further
     * tags and the annotations.
     */
    record Plan(ImageReference target, BuildRequest.Builder request, IndexFormat format, CheckPolicy checks,
                List<String> extraTags, Map<String, String> annotations, List<ImageReference> alsoTo) {
    }

    private List<Platform> parsePlatforms() {
        List<Platform> parsed = new ArrayList<>();
        for (String text : platforms) {
            if (!text.isBlank()) {
                parsed.add(Platform.parse(text.trim()));
            }
        }
        return parsed;
    }

    private Map<String, String> parseBuildArgs() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String arg : buildArgs) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                // docker's bare NAME (value from the environment) would put the value on the builder's command line.
                throw new UsageException("invalid --build-arg '" + arg + "': expected NAME=VALUE, e.g."
                        + " --build-arg APP_VERSION=1.0");
            }
            String name = arg.substring(0, eq);
            if (parsed.put(name, arg.substring(eq + 1)) != null) {
                throw new UsageException("--build-arg " + name + " is given twice");
            }
        }
        return parsed;
    }

    /** buildah and podman here always make OCI manifests, which a Docker manifest list cannot list. */
    private static void checkFormatFor(BuildToolKind kind, IndexFormat format) {
        if (format == IndexFormat.DOCKER && kind.usesContainersStorage()) {
            throw new UsageException("--format docker needs Docker manifests, but " + kind + " builds push OCI"
                    + " manifests; use --format oci (the default) or auto, or --builder docker");
        }
    }

    private ContainersStorageOptions storage() {
        if (storageRoot == null) {
            return new ContainersStorageOptions(storageDriver, null, null);
        }
        Path root = storageRoot.toAbsolutePath();
        return new ContainersStorageOptions(storageDriver, root.resolve("root"), root.resolve("runroot"));
    }

    private boolean interactive() {
        return switch (progress) {
            case "tty" -> true;
            case "plain" -> false;
            // bin/multiarch tells whether stderr (where the display goes) is a terminal; System.console() only knows
            // about stdin and stdout.
            default -> !"dumb".equals(System.getenv("TERM")) && (System.getenv("MULTIARCH_STDERR_TTY") != null
                    ? "1".equals(System.getenv("MULTIARCH_STDERR_TTY")) : System.console() != null);
        };
    }

    private void writeDigestFile(String lines) {
        try {
            Files.writeString(digestFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write --digest-file " + digestFile + ": " + e.getMessage(), e);
        }
    }

    /** One line per failed platform without the output tail (it just streamed by above); then who was skipped. */
    private String failureMessage(ParallelBuildException e) {
        int total = e.failures().size() + e.succeeded().size() + e.skipped().size();
        StringBuilder sb = new StringBuilder().append(e.failures().size()).append(" of ").append(total)
                .append(" platforms failed").append(publish ? ", nothing was published" : "").append(':');
        for (PlatformBuildException failure : e.failures()) {
            sb.append("\n  ").append(failure.summary());
        }
        if (!e.succeeded().isEmpty()) {
            sb.append("\n  built: ").append(e.succeeded().stream().map(r -> r.platform().toString())
                    .collect(Collectors.joining(", ")));
        }
        if (!e.skipped().isEmpty()) {
            sb.append("\n  not started: ").append(e.skipped().stream().map(Platform::toString)
                    .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }
}
