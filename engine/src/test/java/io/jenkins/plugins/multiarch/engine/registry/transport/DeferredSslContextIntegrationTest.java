package io.jenkins.plugins.multiarch.engine.registry.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plain-HTTP registry's client sets up TLS only on first use, yet an HTTPS hop it makes (a token realm, a storage
 * redirect) is still a real handshake checked against the JVM's trust: here against a registry whose certificate comes
 * from a private CA the JVM does not trust, so the handshake must fail on the certificate.
 */
class DeferredSslContextIntegrationTest {

    @RegisterExtension
    static final RegistryExtension tls = RegistryExtension.anonymous().withTls();

    @Test
    void anHttpsHopOfAPlainHttpClientIsCheckedAgainstTheJvmsTrust() {
        RegistryEndpoint plain = RegistryEndpoint.of("127.0.0.1:5999", Set.of());
        try (SharedHttpClient shared = SharedHttpClient.create(plain, Duration.ofSeconds(10), HttpLimits.DEFAULT)) {
            HttpRequest hop = HttpRequest.newBuilder(URI.create("https://" + tls.host() + "/v2/")).build();

            assertThatThrownBy(() -> shared.http().send(hop, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("PKIX path building failed");
        }
    }
}
