package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import io.jenkins.plugins.multiarch.cli.output.VerifyOutput;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.engine.verify.VerifyRequest;
import io.jenkins.plugins.multiarch.engine.verify.VerifyResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks an image already in a registry: every platform of an index, or a single image for the"
                + " platform its config says, with the config check and the binary check.",
                "Exit status 0 when nothing failed ('not checked' is not a failure), 1 when any platform failed."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "registry/repository:tag or @digest")
    String reference;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    OutputFormat output;

    @Mixin
    BinaryCheckOptions binaryOptions;

    @Mixin
    RegistryOptions registryOptions;

    @Override
    public Integer call() throws InterruptedException {
        registryOptions.validate();
        ImageReference ref = UsageException.parsing(() -> ImageReference.parse(reference));
        CheckPolicy checks = UsageException.parsing(binaryOptions::policy);
        VerifyResult result;
        try (Multiarch engine = Multiarch.create()) {
            // "Not checked" is shown in the table and the JSON; standard error is kept for problems.
            result = engine.verify(new VerifyRequest(ref, checks, registryOptions.settings()),
                    registryOptions.host(ref.registry(), System.in));
        }
        spec.commandLine().getOut().print(output == OutputFormat.json ? VerifyOutput.json(result) + "\n"
                : Printable.lines(VerifyOutput.text(result)));
        spec.commandLine().getOut().flush();
        if (!result.passed()) {
            throw new VerificationFailedException(ref + ": " + result.verdict(), result.problems());
        }
        return 0;
    }
}
