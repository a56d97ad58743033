package io.jenkins.plugins.multiarch.engine.host;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-local host uses nothing of the machine it runs on. A child JVM gets an environment full of working logins
 * for a password-protected registry — {@code $DOCKER_CONFIG/config.json} naming a credential helper, a Docker config
 * under {@code $HOME}, a containers auth file in {@code $REGISTRY_AUTH_FILE} — and inspects an image there. With
 * {@link Host#local()} the login works and the helper runs (so the environment really offers them); with
 * {@link Host#explicit()} the registry says no credentials were given, and the helper never ran.
 */
class ExplicitHostIntegrationTest {

    static final String USER = "ambient";
    static final String PASSWORD = "ambient-S3cret";

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd(USER, PASSWORD);

    @TempDir
    static Path temp;

    static Path helperRan;
    static Map<String, String> environment;

    @BeforeAll
    static void poisonedEnvironment() throws IOException {
        ScratchImage.forPlatform("linux/amd64").file("/a", "private").credentials(registry.credentials())
                .pushTo(registry.host(), "ambient/app:1");
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String config = "{\"auths\": {\"" + registry.host() + "\": {\"auth\": \"" + auth + "\"}}}";

        Path bin = Files.createDirectories(temp.resolve("bin"));
        helperRan = temp.resolve("helper-ran");
        Path helper = bin.resolve("docker-credential-spy");
        Files.writeString(helper, "#!/bin/sh\ncat > /dev/null\ntouch '" + helperRan + "'\n"
                + "echo '{\"Username\": \"" + USER + "\", \"Secret\": \"" + PASSWORD + "\"}'\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dockerConfig = Files.createDirectories(temp.resolve("docker-config"));
        Files.writeString(dockerConfig.resolve("config.json"), "{\"credsStore\": \"spy\"}");

        Path home = Files.createDirectories(temp.resolve("home"));
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), config);
        Files.createDirectories(home.resolve(".config/containers"));
        Files.writeString(home.resolve(".config/containers/auth.json"), config);
        Path authFile = temp.resolve("auth.json");
        Files.writeString(authFile, config);

        environment = Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", home.toString(),
                "DOCKER_CONFIG", dockerConfig.toString(), "REGISTRY_AUTH_FILE", authFile.toString(),
                "XDG_RUNTIME_DIR", temp.resolve("runtime").toString());
    }

    private static String probe(String host) throws Exception {
        Files.deleteIfExists(helperRan);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + environment.get("HOME"), "-cp", System.getProperty("java.class.path"),
                ExplicitHostProbe.class.getName(), host, registry.host() + "/ambient/app:1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(output);
    }

    @Test
    void theLocalHostFindsTheLoginsThisEnvironmentOffers() throws Exception {
        assertThat(probe("local")).isEqualTo("RESULT inspected");
        assertThat(helperRan).as("the credential helper named in $DOCKER_CONFIG/config.json ran").exists();
    }

    @Test
    @FaultCase(area = "secrets", fault = "an environment offering the host's own logins (helper, config.json, auth file) to Host.explicit()",
            outcome = "none is used; the helper never runs")
    void anExplicitHostUsesNoneOfThem() throws Exception {
        assertThat(probe("explicit")).isEqualTo("RESULT denied NO_CREDENTIALS");
        assertThat(helperRan).as("no credential helper ran").doesNotExist();
    }
}
