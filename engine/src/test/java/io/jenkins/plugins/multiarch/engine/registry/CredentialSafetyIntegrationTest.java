package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.ProxiedRequest;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where credentials go, and how often they are tried, against a real htpasswd registry behind proxies. */
class CredentialSafetyIntegrationTest {

    private static final String PASSWORD = "safety-S3cret-42";

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd("alice", PASSWORD);

    @Test
    @FaultCase(area = "secrets", fault = "an upload Location on another host",
            outcome = "the upload there is sent without credentials")
    void anUploadSessionOnAnotherHostGetsNoCredentials() {
        byte[] content = "a blob for another host".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(content);
        try (FaultInjectingProxy otherHost = FaultInjectingProxy.inFrontOf(registry);
             FaultInjectingProxy front = FaultInjectingProxy.inFrontOf(registry)) {
            front.locationsPointAt("http://localhost:" + port(otherHost));

            // The other host forwards to the registry without the password, so the upload is refused there.
            assertThatThrownBy(() -> client(front.host(), PASSWORD).uploadBlob("safety/app", digest, content.length,
                    () -> new ByteArrayInputStream(content)))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageNotContaining(PASSWORD);

            assertThat(front.requests()).filteredOn(r -> r.method().equals("POST"))
                    .allSatisfy(r -> assertThat(r.authorized()).isTrue());
            assertThat(otherHost.requests()).filteredOn(r -> r.method().equals("PUT")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.authorized()).as("Authorization sent to another host").isFalse());
        }
    }

    @Test
    @FaultCase(area = "auth", fault = "a wrong Basic password",
            outcome = "tried once on /v2/, before any other request; fails naming the registry")
    void aWrongPasswordIsTriedOnceBeforeAnyOtherRequest() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
            RegistryClient client = client(proxy.host(), "not-" + PASSWORD);

            assertThatThrownBy(() -> client.getManifest("safety/app", "1"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("authentication failed for registry " + proxy.host()
                            + " as user 'alice' (HTTP 401): check the username and password");

            assertThat(proxy.requests()).extracting(ProxiedRequest::path).containsExactly("/v2/", "/v2/");
            assertThat(proxy.requests()).extracting(ProxiedRequest::authorized).containsExactly(false, true);
        }
    }

    private static RegistryClient client(String host, String password) {
        return RegistryClient.builder(host)
                .credentials(CredentialProvider.fixed(host, Credentials.of("alice", password)))
                .retryPolicy(RetryPolicy.NONE)
                .build();
    }

    private static String port(FaultInjectingProxy proxy) {
        return proxy.host().substring(proxy.host().lastIndexOf(':') + 1);
    }
}
