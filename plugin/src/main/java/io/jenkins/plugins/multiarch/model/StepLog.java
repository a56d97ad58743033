package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.engine.process.LineSink;
import io.jenkins.plugins.multiarch.engine.process.SecretMasker;
import java.io.PrintStream;
import java.util.Collection;

/**
 * The engine's progress lines into a build log: each prefixed with its platform ({@code [linux/arm64] }) unless the
 * engine already put it there, and every secret replaced by {@code ****}, whatever a tool echoed.
 */
public final class StepLog {

    private StepLog() {
    }

    /**
     * @param prefix  e.g. {@code [linux/arm64] }, or empty
     * @param secrets strings never to show (the registry password)
     */
    public static LineSink into(PrintStream log, String prefix, Collection<String> secrets) {
        SecretMasker masker = new SecretMasker(secrets);
        return LineSink.synchronizedSink(line -> {
            String masked = masker.mask(line);
            log.println(masked.startsWith(prefix) ? masked : prefix + masked);
            log.flush();
        });
    }
}
