package io.jenkins.plugins.multiarch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.error.RegistryUnreachableException;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.image.InspectRequest;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import io.jenkins.plugins.multiarch.engine.registry.transport.TlsTrust;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.PrivateCa;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real registry on loopback that serves HTTPS with a certificate from a private CA. */
class TlsIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous().withTls();

    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(10));

    private static String digest;
    private static String caPem;

    @BeforeAll
    static void push() throws Exception {
        // buildah with --tls-verify=false speaks HTTPS without checking the certificate
        digest = ScratchImage.forPlatform("linux/arm64").file("/a", "tls").pushTo(registry.host(), "tls/app:1");
        caPem = Files.readString(registry.privateCa().caCertificate());
    }

    @Test
    @FaultCase(area = "TLS", fault = "a loopback registry with a private CA's certificate, the CA given as PEM",
            outcome = "reached over HTTPS (not plain HTTP, as loopback is by default); the manifest is read and checked")
    void readsFromARegistryWhoseCaIsTrusted() {
        RegistrySettings settings = RegistrySettings.DEFAULT.withTlsTrust(
                TlsTrust.DEFAULT.withRegistryCaCertificates(registry.host(), caPem, "ca.pem"));

        RegistryClient client = RegistryClient.builder(registry.host()).settings(settings).build();

        assertThat(client.endpoint().baseUri().getScheme()).isEqualTo("https");
        assertThat(client.getManifest("tls/app", "1").digest()).isEqualTo(Digest.parse(digest));
    }

    @Test
    @FaultCase(area = "TLS", fault = "a CA given for every registry, and HTTPS asked for a loopback registry",
            outcome = "the private CA is trusted in addition to the JVM's own; the manifest is read")
    void aCaForEveryRegistryAddsToTheJvmsOwn() {
        RegistrySettings settings = RegistrySettings.DEFAULT.withTlsTrust(
                TlsTrust.DEFAULT.withCaCertificates(caPem, "ca.pem")
                        .withRegistryCaCertificates(registry.host(), caPem, "ca.pem"));

        assertThat(RegistryClient.builder(registry.host()).settings(settings).build()
                .getManifest("tls/app", "1").digest()).isEqualTo(Digest.parse(digest));
    }

    @Test
    @FaultCase(area = "TLS", fault = "a registry certificate from a CA the JVM does not trust (PKIX path building fails)",
            outcome = "fails after one attempt, no retry wait; the error says the certificate is not trusted and to add"
                    + " the CA's certificate")
    void anUntrustedCertificateFailsOnceSayingHowToTrustIt() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        // HTTPS on loopback without trusting the CA: only "not verified" or a CA names the registry; a wrong CA does.
        PrivateCa other = PrivateCa.create(registry.storageDir().resolveSibling("other-ca"));
        String otherPem = read(other.caCertificate());
        RegistrySettings settings = RegistrySettings.DEFAULT.withTlsTrust(
                TlsTrust.DEFAULT.withRegistryCaCertificates(registry.host(), otherPem, "other-ca.pem"));
        RegistryClient client = RegistryClient.builder(registry.host()).settings(settings).retryPolicy(QUICK)
                .sleeper(waits::add).build();

        assertThatThrownBy(() -> client.getManifest("tls/app", "1"))
                .isInstanceOfSatisfying(RegistryUnreachableException.class, e -> {
                    assertThat(e.certificateNotTrusted()).isTrue();
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("1 attempt)")
                .hasMessageContaining("PKIX")
                .hasMessageContaining("TLS certificate is not trusted: add the certificate of the CA that issued it");
        assertThat(waits).isEmpty();
        assertThat(client.statistics().total()).isEqualTo(1);
    }

    @Test
    @FaultCase(area = "TLS", fault = "a registry told to skip certificate verification",
            outcome = "read over HTTPS; a warning is logged on every operation that reaches it")
    void skippingVerificationWorksAndWarnsEveryTime() throws Exception {
        RegistrySettings settings = RegistrySettings.DEFAULT.withTlsTrust(
                TlsTrust.DEFAULT.withoutVerification(registry.host()));
        List<String> log = new CopyOnWriteArrayList<>();
        Host host = Host.explicit().withLog(log::add);
        ImageReference ref = ImageReference.parse(registry.host() + "/tls/app:1");

        try (Multiarch engine = Multiarch.create()) {
            engine.inspect(new InspectRequest(ref, settings), host);
            engine.inspect(new InspectRequest(ref, settings), host);
        }

        assertThat(log).filteredOn(line -> line.contains("WARNING")).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("TLS certificate of registry " + registry.host() + " is not verified"));
    }

    @Test
    @FaultCase(area = "TLS", fault = "a CA file that is not a PEM certificate",
            outcome = "refused before any request, naming the file and what a valid one looks like")
    void aPemThatIsNoCertificateIsRefusedNamingIt() {
        assertThatThrownBy(() -> TlsTrust.DEFAULT.withCaCertificates("not a certificate", "/tmp/ca.pem"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/tmp/ca.pem")
                .hasMessageContaining("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void theTrustSurvivesSerializationAndStillWorks() throws Exception {
        RegistrySettings settings = RegistrySettings.DEFAULT.withTlsTrust(
                TlsTrust.DEFAULT.withRegistryCaCertificates(registry.host(), caPem, "ca.pem"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        RegistrySettings copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RegistrySettings) in.readObject();
        }

        assertThat(copy).isEqualTo(settings);
        assertThat(copy.tlsTrust().toString()).doesNotContain("BEGIN");
        assertThat(RegistryClient.builder(registry.host()).settings(copy).build().getManifest("tls/app", "1").digest())
                .isEqualTo(Digest.parse(digest));
    }

    @Test
    void theSslContextIsBuiltOncePerSettings() {
        TlsTrust trust = TlsTrust.DEFAULT.withRegistryCaCertificates(registry.host(), caPem, "ca.pem");

        assertThat(trust.sslContext(registry.host())).isSameAs(trust.sslContext(registry.host()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
