package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.reference.DockerHub;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.engine.util.Printable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One {@code --login REGISTRY=USER:env:VARIABLE} or {@code --login REGISTRY=USER:file:PATH}: the login for one
 * registry among several (sources on other registries, {@code --also-to} targets). The password is named, never
 * given, so it stays out of process listings and shell histories; CI systems hand secrets over as environment
 * variables or files anyway.
 */
record RegistryLogin(String registry, Credentials credentials) {

    static final String FORMAT = "REGISTRY=USER:env:VARIABLE or REGISTRY=USER:file:PATH";

    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]+)?");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Parses {@code value}, reading the password from {@code environment} or the named file. */
    static RegistryLogin parse(String value, Function<String, String> environment) {
        int eq = value.indexOf('=');
        int colon = eq < 0 ? -1 : value.indexOf(':', eq + 1);
        if (eq <= 0 || colon < 0) {
            throw invalid(value, "expected " + FORMAT);
        }
        String registry = value.substring(0, eq);
        if (!REGISTRY.matcher(registry).matches()) {
            throw invalid(value, "'" + registry + "' is not a registry host[:port] (e.g. registry.example.com:5000"
                    + " or docker.io)");
        }
        String user = value.substring(eq + 1, colon);
        if (user.isEmpty()) {
            throw invalid(value, "the user is empty; expected " + FORMAT);
        }
        String source = value.substring(colon + 1);
        String password;
        if (source.startsWith("env:")) {
            password = fromEnvironment(value, source.substring("env:".length()), environment);
        } else if (source.startsWith("file:")) {
            password = fromFile(value, source.substring("file:".length()));
        } else {
            throw invalid(value, "the password's source must be env:VARIABLE or file:PATH (a password itself is not"
                    + " accepted on the command line)");
        }
        Credentials credentials = UsageException.parsing(() -> Credentials.of(user, password));
        return new RegistryLogin(DockerHub.isDockerHub(registry) ? DockerHub.REGISTRY : registry, credentials);
    }

    private static String fromEnvironment(String value, String variable, Function<String, String> environment) {
        if (!VARIABLE.matcher(variable).matches()) {
            throw invalid(value, "'" + variable + "' is not an environment variable name");
        }
        String password = environment.apply(variable);
        if (password == null || password.isEmpty()) {
            throw invalid(value, "the environment variable " + variable + " is not set or empty");
        }
        return password;
    }

    private static String fromFile(String value, String path) {
        if (path.isEmpty()) {
            throw invalid(value, "the file name is empty");
        }
        String password;
        try {
            password = Files.readString(Path.of(path), StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", "");
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            throw invalid(value, "cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
        if (password.isEmpty()) {
            throw invalid(value, "the file " + path + " is empty");
        }
        return password;
    }

    private static UsageException invalid(String value, String why) {
        return new UsageException("invalid --login " + Printable.value(value) + ": " + why);
    }
}
