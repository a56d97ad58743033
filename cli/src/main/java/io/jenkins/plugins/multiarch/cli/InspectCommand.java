package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import io.jenkins.plugins.multiarch.cli.output.InspectOutput;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.image.InspectRequest;
import io.jenkins.plugins.multiarch.engine.image.InspectResult;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Shows the platforms, digests and sizes of an index, or the platform of a single image.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "registry/repository:tag or @digest")
    String reference;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    OutputFormat output;

    @Mixin
    RegistryOptions registryOptions;

    @Override
    public Integer call() throws InterruptedException {
        registryOptions.validate();
        ImageReference ref = UsageException.parsing(() -> ImageReference.parse(reference));
        InspectResult result;
        try (Multiarch engine = Multiarch.create()) {
            result = engine.inspect(new InspectRequest(ref, registryOptions.settings()),
                    registryOptions.host(ref.registry(), System.in));
        }
        spec.commandLine().getOut().print(output == OutputFormat.json ? InspectOutput.json(result) + "\n"
                : Printable.lines(InspectOutput.text(result)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
