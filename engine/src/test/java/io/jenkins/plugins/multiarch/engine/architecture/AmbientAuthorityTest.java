package io.jenkins.plugins.multiarch.engine.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the local host may read this machine's environment: environment variables, the home directory, credential
 * helpers. Checked on the compiled classes, so a new {@code System.getenv} anywhere else fails the build; the runtime
 * side (a non-local host given a poisoned environment reads none of it) is {@code ExplicitHostIntegrationTest}.
 */
class AmbientAuthorityTest {

    private static final String HOST = "io/jenkins/plugins/multiarch/engine/host/";

    /** What reads the machine, and the classes allowed to do it. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "java/lang/System.getenv", Set.of(HOST + "LocalMachine"),
            "user.home", Set.of(HOST + "LocalMachine"),
            // Runs docker-credential-* helpers; only the local host's credentials are made of it.
            "java/lang/ProcessBuilder.start", Set.of(HOST + "DockerConfigCredentials",
                    "io/jenkins/plugins/multiarch/engine/process/LocalCommandRunner"),
            "java/lang/Runtime.exec", Set.of());

    /** The local host's readers are used by the local host alone. */
    private static final Map<String, Set<String>> ONLY_USED_BY = Map.of(
            HOST + "DockerConfigCredentials", Set.of(HOST + "LocalMachine", HOST + "ContainersAuthFile"),
            HOST + "ContainersAuthFile", Set.of(HOST + "LocalMachine"),
            HOST + "LocalMachine", Set.of(HOST + "Host"));

    private static List<ClassReferences> engineClasses() throws IOException {
        List<ClassReferences> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes.add(ClassReferences.read(file));
            }
        }
        assertThat(classes).as("compiled engine classes").hasSizeGreaterThan(100);
        return classes;
    }

    /** The top-level class a (nested or lambda-holding) class belongs to. */
    private static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    @Test
    void onlyTheLocalHostReadsTheEnvironmentTheHomeDirectoryOrStartsProcesses() throws IOException {
        List<String> violations = new ArrayList<>();
        for (ClassReferences c : engineClasses()) {
            ALLOWED.forEach((what, allowed) -> {
                boolean uses = c.methods.contains(what) || c.strings.contains(what);
                if (uses && !allowed.contains(topLevel(c.className))) {
                    violations.add(c.className + " uses " + what);
                }
            });
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theLocalHostsReadersAreUsedByTheLocalHostAlone() throws IOException {
        List<String> violations = new ArrayList<>();
        for (ClassReferences c : engineClasses()) {
            ONLY_USED_BY.forEach((reader, users) -> {
                String owner = topLevel(c.className);
                if (c.classes.contains(reader) && !owner.equals(reader) && !users.contains(owner)) {
                    violations.add(c.className + " uses " + reader);
                }
            });
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckSeesWhatItLooksFor() throws IOException {
        // Without this, a scan that reads nothing would pass the tests above.
        ClassReferences local = engineClasses().stream()
                .filter(c -> c.className.equals(HOST + "LocalMachine")).findFirst().orElseThrow();
        assertThat(local.methods).contains("java/lang/System.getenv");
        assertThat(local.strings).contains("user.home");
        ClassReferences helpers = engineClasses().stream()
                .filter(c -> c.className.equals(HOST + "DockerConfigCredentials")).findFirst().orElseThrow();
        assertThat(helpers.methods).contains("java/lang/ProcessBuilder.start");
    }
}
