package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.verify.ImageCheck;
import io.jenkins.plugins.multiarch.engine.verify.ImageVerifier;
import io.jenkins.plugins.multiarch.engine.verify.VerifyResult;
import java.util.List;
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
    public Integer call() {
        registryOptions.validate();
        ImageReference ref = UsageException.parsing(() -> ImageReference.parse(reference));
        List<ImageCheck> checks = UsageException.parsing(() -> List.of(ImageCheck.configPlatform(), binaryOptions.check()));
        // "Not checked" is shown in the table and the JSON; standard error is kept for problems.
        ImageVerifier verifier = new ImageVerifier(registryOptions.client(ref.registry(), System.in), checks, line -> { });
        VerifyResult result = verifier.verify(ref);
        spec.commandLine().getOut().print(output == OutputFormat.json ? result.toJson() + "\n" : result.toText());
        spec.commandLine().getOut().flush();
        if (!result.passed()) {
            throw new VerificationFailedException(ref + ": " + result.verdict(), result.problems());
        }
        return 0;
    }
}
