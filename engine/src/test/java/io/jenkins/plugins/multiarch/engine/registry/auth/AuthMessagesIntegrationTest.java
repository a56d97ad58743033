package io.jenkins.plugins.multiarch.engine.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every authentication error names the registry and, where there is one, the realm; a challenge this client cannot
 * answer is said to be one, not blamed on the password. The challenges are the proxy's, in front of a real registry.
 */
class AuthMessagesIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private FaultInjectingProxy proxy;

    @BeforeAll
    static void push() {
        ScratchImage.forPlatform("linux/amd64").file("/a", "auth").pushTo(registry.host(), "auth/app:1");
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(registry);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private RegistryClient client() {
        return RegistryClient.builder(proxy.host())
                .credentials(CredentialProvider.fixed(proxy.host(), Credentials.of("alice", "s3cret")))
                .sleeper(wait -> { }).build();
    }

    private void challenge(String header) {
        proxy.answerNext(1, "GET", "/v2/", 401, Map.of("WWW-Authenticate", header), new byte[0]);
    }

    @Test
    @FaultCase(area = "auth", fault = "a Negotiate (Kerberos) challenge",
            outcome = "AccessDeniedException naming the registry and 'negotiate' as unsupported; the password is not"
                    + " blamed and never sent")
    void aNegotiateChallengeIsNamedAsUnsupported() {
        challenge("Negotiate");

        assertThatThrownBy(() -> client().getManifest("auth/app", "1"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDeniedException.Reason.NOT_PERMITTED))
                .hasMessageContaining("registry " + proxy.host() + " asks for 'negotiate' authentication")
                .hasMessageContaining("supports Basic and Bearer")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("password", "s3cret"));
        assertThat(proxy.requests()).noneMatch(request -> request.authorized());
    }

    @Test
    @FaultCase(area = "auth", fault = "a Digest challenge with a realm",
            outcome = "names the registry, the scheme and the realm")
    void anotherUnsupportedSchemeNamesItsRealm() {
        challenge("Digest realm=\"corp\", nonce=\"abc\"");

        assertThatThrownBy(() -> client().getManifest("auth/app", "1"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("registry " + proxy.host() + " asks for 'digest' authentication (realm 'corp')");
    }

    @Test
    @FaultCase(area = "auth", fault = "a bearer challenge whose realm is ftp://",
            outcome = "BadContentException naming the registry and the realm")
    void anFtpRealmIsNamed() {
        challenge("Bearer realm=\"ftp://auth.example.com/token\",service=\"registry\"");

        assertThatThrownBy(() -> client().getManifest("auth/app", "1"))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("registry " + proxy.host() + " named the token realm 'ftp://auth.example.com/token'")
                .hasMessageContaining("not an absolute http(s) URL");
    }

    @Test
    @FaultCase(area = "auth", fault = "a bearer challenge with a relative realm (/token)",
            outcome = "BadContentException naming the registry and the realm")
    void aRelativeRealmIsNamed() {
        challenge("Bearer realm=\"/token\",service=\"registry\"");

        assertThatThrownBy(() -> client().getManifest("auth/app", "1"))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("registry " + proxy.host() + " named the token realm '/token'");
    }

    @Test
    @FaultCase(area = "auth", fault = "a bearer challenge without a realm",
            outcome = "BadContentException naming the registry: no realm to get a token from")
    void aBearerChallengeWithoutRealmIsNamed() {
        challenge("Bearer service=\"registry\"");

        assertThatThrownBy(() -> client().getManifest("auth/app", "1"))
                .isInstanceOf(BadContentException.class)
                .hasMessageContaining("registry " + proxy.host() + " asked for a bearer token but named no realm");
    }

    @Test
    @FaultCase(area = "output", fault = "a token realm with an 8-bit CSI control (0x9b; the JDK refuses ESC in headers itself)",
            outcome = "the message quotes it escaped (\\x9b2J); no control byte")
    void aRealmWithControlCharactersIsQuotedEscaped() {
        proxy.answerNext(5, "GET", "/v2/", 401, Map.of("WWW-Authenticate", "Bearer realm=\"ftp://x\u009b2JPublished\""),
                new byte[0]);

        assertThatThrownBy(() -> client().getManifest("auth/app", "1"))
                .hasMessageContaining("ftp://x\\x9b2JPublished")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u009b"));
    }

    @Test
    @FaultCase(area = "auth", fault = "401 without any WWW-Authenticate challenge",
            outcome = "AccessDeniedException naming the registry and the missing header")
    void aChallengeWithoutHeaderIsNamed() {
        proxy.answerNext(1, "GET", "/v2/", 401, Map.of(), new byte[0]);

        assertThatThrownBy(() -> client().getManifest("auth/app", "1"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("registry " + proxy.host() + " answered 401 without saying how to authenticate");
    }

    @Test
    @FaultCase(area = "output", fault = "a registry error message with ANSI escapes and a forged 'Published' line",
            outcome = "RegistryException message has the text escaped on one line")
    void aRegistryErrorMessageIsEscaped() {
        proxy.answerNext(1, "GET", ".*/manifests/1", 400, Map.of("Content-Type", "application/json"),
                ("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no\\u001b[1A\\nPublished 127.0.0.1/app:1\"}]}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> RegistryClient.builder(proxy.host()).build().getManifest("auth/app", "1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("DENIED no\\e[1A\\nPublished 127.0.0.1/app:1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b", "\n"));
    }
}
