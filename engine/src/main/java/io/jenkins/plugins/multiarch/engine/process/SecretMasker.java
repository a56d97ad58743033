package io.jenkins.plugins.multiarch.engine.process;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces known secret strings with {@code ****}. Secrets never go on a command line by design; this is the
 * second line of defence for tools that echo something they read (an auth file, an error from a registry).
 */
public final class SecretMasker {

    public static final String MASK = "****";

    private final List<String> secrets;

    public SecretMasker(Collection<String> secrets) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public static SecretMasker none() {
        return new SecretMasker(List.of());
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** A sink that masks each line before passing it on. */
    public LineSink masking(LineSink delegate) {
        return secrets.isEmpty() ? delegate : line -> delegate.line(mask(line));
    }
}
