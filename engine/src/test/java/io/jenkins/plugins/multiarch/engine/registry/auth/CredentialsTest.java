package io.jenkins.plugins.multiarch.engine.registry.auth;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "alice, s3cret-password",
            "robot$ci, 'p@ss word:with colon'",
            "u, x",
    })
    void toStringNeverShowsTheSecret(String username, String secret) {
        Credentials password = Credentials.of(username, secret);
        Credentials token = Credentials.identityToken(username, secret);

        for (Credentials credentials : new Credentials[] {password, token}) {
            assertThat(credentials.toString()).doesNotContain(secret).contains(username).contains("****");
            assertThat(String.valueOf(credentials)).doesNotContain(credentials.basicHeader().substring("Basic ".length()));
        }
    }

    @Test
    void basicHeaderIsBase64OfUserColonPassword() {
        // RFC 7617's example: Aladdin / open sesame
        assertThat(Credentials.of("Aladdin", "open sesame").basicHeader()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(Credentials.of("jörg", "pässword").basicHeader()).isEqualTo("Basic asO2cmc6cMOkc3N3b3Jk");
    }

    @Test
    void identityTokenIsMarkedAsSuch() {
        assertThat(Credentials.identityToken("<token>", "t").isIdentityToken()).isTrue();
        assertThat(Credentials.of("user", "t").isIdentityToken()).isFalse();
    }

    @Test
    void emptyUsernameIsRejected() {
        assertThatThrownBy(() -> Credentials.of("", "secret"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("registry username is empty");
    }

    @Test
    void bearerTokenHidesTheTokenAndRenewsBeforeExpiry() {
        Instant expiry = Instant.parse("2030-01-01T00:01:00Z");
        BearerToken token = new BearerToken("eyJhbGciOi.secret.part", expiry);

        assertThat(token.toString()).doesNotContain("eyJhbGciOi").contains("2030-01-01T00:01:00Z");
        assertThat(token.header()).isEqualTo("Bearer eyJhbGciOi.secret.part");
        assertThat(token.isFresh(expiry.minusSeconds(60))).isTrue();
        assertThat(token.isFresh(expiry.minusSeconds(10))).as("within the renewal margin").isFalse();
        assertThat(token.isFresh(expiry.plusSeconds(1))).isFalse();
    }

    @Test
    void providers() {
        Credentials alice = Credentials.of("alice", "a");
        Credentials bob = Credentials.of("bob", "b");
        CredentialProvider fixed = CredentialProvider.fixed("r.example.com", alice);

        assertThat(fixed.find("r.example.com")).containsSame(alice);
        assertThat(fixed.find("other.example.com")).isEmpty();
        assertThat(CredentialProvider.none().find("r.example.com")).isEmpty();

        CredentialProvider chained = fixed.orElse(CredentialProvider.fixed("other.example.com", bob))
                .orElse(CredentialProvider.fixed("r.example.com", bob));
        assertThat(chained.find("r.example.com")).containsSame(alice);
        assertThat(chained.find("other.example.com")).containsSame(bob);
        assertThat(chained.find("third.example.com")).isEmpty();
    }
}
