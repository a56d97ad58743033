package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.cli.output.PublishOutput;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.util.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Verifies per-platform images and publishes one index over them under TARGET_REF's tag.",
                "Nothing is written unless every source resolves and matches its platform: its config, and the program it"
                        + " starts (the binary check, on by default)."})
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET_REF", description = "registry/repository:tag to publish the index under")
    String target;

    @Option(names = "--source", paramLabel = "PLATFORM=REF", required = true,
            description = "An image and the platform it is for, e.g. linux/arm64=registry:5000/app@sha256:..., on any"
                    + " registry (one elsewhere is copied into the target repository). Repeatable.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "A further tag for the same index. Repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--format", paramLabel = "oci|docker|auto", defaultValue = "oci",
            description = "Index type: OCI image index (default), Docker manifest list, or auto (Docker when every image is).")
    String format;

    @Option(names = "--annotation", paramLabel = "KEY=VALUE", description = "An index annotation (OCI only). Repeatable.")
    List<String> annotations = new ArrayList<>();

    @Option(names = "--also-to", paramLabel = "REGISTRY/REPO[:TAG]",
            description = "Publish the same index to this repository too, on any registry: under TAG, or without one"
                    + " under every tag. Every target gets every image before any tag is written. Repeatable.")
    List<String> alsoTo = new ArrayList<>();

    @Option(names = "--no-attestations",
            description = "Leave out the attestation manifests (buildx provenance and SBOM) that index sources list for"
                    + " their images; by default each chosen image's are kept.")
    boolean noAttestations;

    @Option(names = "--referrers",
            description = "Copy each image's OCI 1.1 referrers (signatures, SBOMs: manifests whose subject is the image)"
                    + " along when it comes from another repository, found through the referrers API or the sha256-<hex>"
                    + " fallback tag, and list them in the target the same way.")
    boolean referrers;

    @Option(names = "--dry-run", description = "Resolve and verify everything, print what would be published, write nothing.")
    boolean dryRun;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    OutputFormat output;

    @Option(names = "--no-binary-check",
            description = "Check only each image's config platform, not the program it starts (the binary check reads layers).")
    boolean noBinaryCheck;

    @Mixin
    BinaryCheckOptions binaryOptions;

    @Mixin
    RegistryOptions registryOptions;

    @Mixin
    GitOptions gitOptions;

    @Override
    public Integer call() throws InterruptedException {
        ImageReference given = UsageException.parsing(this::checkOptions);
        PublishResult result;
        try (Multiarch engine = Multiarch.create()) {
            List<ImageReference> further = UsageException.parsing(this::alsoToTargets);
            List<String> otherRegistries = new ArrayList<>(further.stream().map(ImageReference::registry).toList());
            sources.forEach(source -> otherRegistries.add(PlatformSource.parse(source).reference().registry()));
            Host host = registryOptions.host(given.registry(), System.in, otherRegistries)
                    .withLog(line -> spec.commandLine().getErr().println(Printable.escaped(line)));
            GitMetadata git = gitOptions.read(engine, given, registryOptions.settings(), host);
            git.logLines().forEach(line -> spec.commandLine().getErr().println("multiarch: " + Printable.escaped(line)));
            PublishRequest request = UsageException.parsing(() -> request(git));
            result = engine.publish(request, host);
        }
        spec.commandLine().getOut().print(output == OutputFormat.json ? PublishOutput.json(result) + "\n"
                : Printable.lines(PublishOutput.text(result)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Every option checked before any registry is asked anything (git's tags, read from the registry, come after);
     * returns TARGET_REF.
     */
    private ImageReference checkOptions() {
        gitOptions.validate();
        if (gitOptions.tagsFromGit) {
            ImageReference given = ImageReference.parse(target);
            registryOptions.validate();
            sources.forEach(PlatformSource::parse);
            tags.forEach(given::withTag);
            IndexFormat.parse(format);
            PublishRequest.parseAnnotations(annotations);
            binaryOptions.publishPolicy(noBinaryCheck);
            alsoToTargets();
            return given;
        }
        return request(GitMetadata.NONE).target();
    }

    /** The request the options and git's tags and annotations make. */
    private PublishRequest request(GitMetadata git) {
        registryOptions.validate();
        if ("docker".equals(format) && !annotations.isEmpty()) {
            throw new UsageException("--annotation cannot go with --format docker: a Docker manifest list has no"
                    + " annotations; use --format oci (or auto) to keep them, or leave --annotation out");
        }
        ImageReference targetRef = ImageReference.parse(target);
        if (gitOptions.tagsFromGit) {
            targetRef = git.target(targetRef);
        }
        List<PlatformSource> parsed = new ArrayList<>();
        for (String source : sources) {
            parsed.add(PlatformSource.parse(source));
        }
        return new PublishRequest(targetRef, git.extraTags(targetRef, tags), parsed, IndexFormat.parse(format),
                git.annotations(PublishRequest.parseAnnotations(annotations)), dryRun,
                binaryOptions.publishPolicy(noBinaryCheck), registryOptions.settings(), alsoToTargets(), !noAttestations, referrers);
    }

    private List<ImageReference> alsoToTargets() {
        return alsoTo.stream().map(ImageReference::parse).toList();
    }
}
