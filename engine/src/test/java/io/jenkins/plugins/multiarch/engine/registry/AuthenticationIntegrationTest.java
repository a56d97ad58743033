package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.publish.Publisher;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.testkit.MutableClock;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.engine.verify.ImageCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Publishing to real registries that want Basic (htpasswd) or bearer-token authentication. */
class AuthenticationIntegrationTest {

    private static final String PASSWORD = "s3cret-Pw-7a1";
    private static final String WRONG = "not-the-Pw-91z";

    @Nested
    class Htpasswd {

        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.htpasswd("alice", PASSWORD);

        @BeforeAll
        static void push() {
            pushImages(registry);
        }

        @Test
        void publishesWithTheRightPassword() {
            PublishResult result = publish(registry, "alice", PASSWORD, "team/app:1.0");
            assertThat(result.tagsWritten()).containsExactly("1.0");
            assertThat(result.requests()).doesNotContainKey("GET token");
        }

        @Test
        @FaultCase(area = "secrets", fault = "a wrong password (Basic)",
                outcome = "AccessDeniedException naming the registry and user, never the secret")
        void aWrongPasswordNamesTheRegistryAndNeverTheSecret() {
            assertThatThrownBy(() -> publish(registry, "alice", WRONG, "team/app:wrong"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("authentication failed for registry " + registry.host() + " as user 'alice'")
                    .hasMessageContaining("check the username and password")
                    .hasMessageNotContaining(WRONG)
                    .hasMessageNotContaining(PASSWORD);
        }

        @Test
        @FaultCase(area = "auth", fault = "a registry that needs a login, none given",
                outcome = "AccessDeniedException NO_CREDENTIALS saying how to give them")
        void noCredentialsSaysHowToGiveThem() {
            assertThatThrownBy(() -> publish(registry, null, null, "team/app:anon"))
                    .hasMessageContaining("registry " + registry.host() + " requires authentication and no credentials were given for it")
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.reason())
                            .isEqualTo(AccessDeniedException.Reason.NO_CREDENTIALS));
        }
    }

    @Nested
    class Token {

        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.tokenAuth("alice", PASSWORD);

        @BeforeAll
        static void push() {
            pushImages(registry);
        }

        @Test
        void publishesWithOneTokenForEveryRepositoryInvolved() {
            registry.tokenIssuer().reset();

            PublishResult result = publish(registry, "alice", PASSWORD, "team/app:1.0",
                    "linux/amd64=team/app:amd64", "linux/arm64=team/other:arm64");

            assertThat(result.tagsWritten()).containsExactly("1.0");
            assertThat(registry.tokenIssuer().tokenRequests()).isEqualTo(1);
            assertThat(registry.tokenIssuer().requestedScopes())
                    .contains("repository:team/app:pull,push", "repository:team/other:pull");
        }

        @Test
        @FaultCase(area = "secrets", fault = "a wrong password refused by the token service",
                outcome = "fails naming registry and realm; the secret is never shown")
        void aWrongPasswordIsRefusedByTheTokenServiceAndNeverShown() {
            assertThatThrownBy(() -> publish(registry, "alice", WRONG, "team/app:wrong"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("authentication failed for registry " + registry.host())
                    .hasMessageContaining("refused user 'alice'")
                    .hasMessageNotContaining(WRONG);
        }

        @Test
        @FaultCase(area = "auth", fault = "a bearer token that expires mid-operation",
                outcome = "renewed once; the operation succeeds")
        void anExpiredTokenIsRenewed() {
            registry.tokenIssuer().reset();
            MutableClock clock = new MutableClock();
            RegistryClient client = RegistryClient.builder(registry.host())
                    .credentials(CredentialProvider.fixed(registry.host(), Credentials.of("alice", PASSWORD)))
                    .clock(clock).build();
            client.requestAccess("team/app", false);

            assertThat(client.headManifest("team/app", "amd64")).isPresent();
            assertThat(client.headManifest("team/app", "arm64")).isPresent();
            assertThat(registry.tokenIssuer().tokenRequests()).as("one token while it is fresh").isEqualTo(1);

            clock.advance(java.time.Duration.ofMinutes(10)); // the issuer's tokens say they live 5 minutes
            assertThat(client.headManifest("team/app", "amd64")).isPresent();
            assertThat(registry.tokenIssuer().tokenRequests()).as("renewed once expired").isEqualTo(2);
        }

        @Test
        void aRepositoryNoTokenCoveredYetGetsANewToken() {
            registry.tokenIssuer().reset();
            RegistryClient client = client(registry, "alice", PASSWORD);
            client.requestAccess("team/app", false);

            assertThat(client.headManifest("team/other", "arm64")).isPresent();

            assertThat(registry.tokenIssuer().tokenRequests()).isEqualTo(2);
            assertThat(registry.tokenIssuer().requests().get(1).scopes()).contains("repository:team/other:pull");
        }
    }

    // ---- helpers ----

    private static void pushImages(RegistryExtension registry) {
        ScratchImage.forPlatform("linux/amd64").file("/a", "amd64").credentials(registry.credentials())
                .pushTo(registry.host(), "team/app:amd64");
        ScratchImage.forPlatform("linux/arm64").file("/a", "arm64").credentials(registry.credentials())
                .pushTo(registry.host(), "team/app:arm64");
        ScratchImage.forPlatform("linux/arm64").file("/a", "other arm64").credentials(registry.credentials())
                .pushTo(registry.host(), "team/other:arm64");
    }

    private static RegistryClient client(RegistryExtension registry, String user, String password) {
        CredentialProvider credentials = user == null ? CredentialProvider.none()
                : CredentialProvider.fixed(registry.host(), Credentials.of(user, password));
        return RegistryClient.builder(registry.host()).credentials(credentials).retryPolicy(RetryPolicy.NONE).build();
    }

    private static PublishResult publish(RegistryExtension registry, String user, String password, String target,
                                         String... sources) {
        String[] given = sources.length > 0 ? sources : new String[] {"linux/amd64=team/app:amd64", "linux/arm64=team/app:arm64"};
        List<PlatformSource> parsed = java.util.Arrays.stream(given).map(s -> {
            int eq = s.indexOf('=');
            return PlatformSource.parse(s.substring(0, eq + 1) + registry.host() + "/" + s.substring(eq + 1));
        }).toList();
        PublishRequest request = new PublishRequest(ImageReference.parse(registry.host() + "/" + target), List.of(),
                parsed, IndexFormat.OCI, Map.of(), false);
        return new Publisher(client(registry, user, password), List.of(ImageCheck.configPlatform()), line -> { })
                .publish(request);
    }
}
