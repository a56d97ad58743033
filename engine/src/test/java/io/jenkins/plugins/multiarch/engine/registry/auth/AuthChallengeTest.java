package io.jenkins.plugins.multiarch.engine.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthChallengeTest {

    @Test
    void dockerHubBearerChallenge() {
        AuthChallenge challenge = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\"").orElseThrow();

        assertThat(challenge.scheme()).isEqualTo("bearer");
        assertThat(challenge.isBearer()).isTrue();
        assertThat(challenge.isBasic()).isFalse();
        assertThat(challenge.parameters()).containsExactly(
                entry("realm", "https://auth.docker.io/token"),
                entry("service", "registry.docker.io"),
                entry("scope", "repository:samalba/my-app:pull,push"));
    }

    @Test
    void basicChallenge() {
        AuthChallenge challenge = AuthChallenge.parse("Basic realm=\"Registry Realm\"").orElseThrow();

        assertThat(challenge.isBasic()).isTrue();
        assertThat(challenge.isBearer()).isFalse();
        assertThat(challenge.parameter("realm")).contains("Registry Realm");
    }

    @Test
    void schemeWithoutParameters() {
        AuthChallenge challenge = AuthChallenge.parse("Basic").orElseThrow();

        assertThat(challenge.isBasic()).isTrue();
        assertThat(challenge.parameters()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Bearer realm=\"https://r.example.com/token\",service=\"r.example.com\"",
            "Bearer realm=https://r.example.com/token,service=r.example.com",
            "Bearer realm = \"https://r.example.com/token\" , service = r.example.com",
            "Bearer  realm=\"https://r.example.com/token\",\tservice=\"r.example.com\"  ",
            "bearer REALM=\"https://r.example.com/token\",Service=\"r.example.com\"",
            "BEARER Realm=https://r.example.com/token, SERVICE=\"r.example.com\"",
    })
    void lenientAboutQuotesSpacesAndCase(String header) {
        AuthChallenge challenge = AuthChallenge.parse(header).orElseThrow();

        assertThat(challenge.isBearer()).isTrue();
        assertThat(challenge.parameters()).containsOnly(
                entry("realm", "https://r.example.com/token"), entry("service", "r.example.com"));
    }

    @ParameterizedTest(name = "parameter({0})")
    @ValueSource(strings = {"realm", "REALM", "Realm"})
    void parameterNamesAreCaseInsensitive(String name) {
        AuthChallenge challenge = AuthChallenge.parse("Bearer ReAlM=\"x\"").orElseThrow();

        assertThat(challenge.parameter(name)).contains("x");
        assertThat(challenge.parameter("service")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "Basic realm=\"say \\\"hi\\\"\"            | say \"hi\"",
            "Basic realm=\"back\\\\slash\"             | back\\slash",
            "Basic realm=\"a, b=c\"                    | a, b=c",
            "Basic realm=\"\"                          | ''",
            "Basic realm=\"unterminated               | unterminated",
    })
    void quotedValues(String header, String realm) {
        assertThat(AuthChallenge.parse(header).orElseThrow().parameter("realm")).contains(realm);
    }

    @Test
    void severalChallengesInOneHeader() {
        String header = "Basic realm=\"x\", Bearer realm=\"y\",service=\"z\"";

        List<AuthChallenge> all = AuthChallenge.parseAll(header);

        assertThat(all).hasSize(2);
        assertThat(all.get(0).scheme()).isEqualTo("basic");
        assertThat(all.get(0).parameters()).containsExactly(entry("realm", "x"));
        assertThat(all.get(1).scheme()).isEqualTo("bearer");
        assertThat(all.get(1).parameters()).containsExactly(entry("realm", "y"), entry("service", "z"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "Basic realm=\"x\", Bearer realm=\"y\",service=\"z\" | bearer | y",
            "Bearer realm=\"y\", Basic realm=\"x\"               | bearer | y",
            "Basic realm=\"x\"                                  | basic  | x",
            "Negotiate, Basic realm=\"x\"                       | negotiate | ",
    })
    void parsePrefersBearerElseTakesTheFirst(String header, String scheme, String realm) {
        AuthChallenge chosen = AuthChallenge.parse(header).orElseThrow();

        assertThat(chosen.scheme()).isEqualTo(scheme);
        assertThat(chosen.parameter("realm").orElse(null)).isEqualTo(realm);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",", " , ,"})
    void emptyHeaderHasNoChallenge(String header) {
        assertThat(AuthChallenge.parseAll(header)).isEmpty();
        assertThat(AuthChallenge.parse(header)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "=", "===", "\"", "\"\"\"", "Bearer =", "Bearer realm=", "Bearer realm=\"", "Bearer realm=\"\\",
            "Bearer ,,,=,,,", "= Bearer realm=x", "Basic dXNlcjpwYXNz==", "\u0000\u0001", "Bearer realm=\"x\"\"y\"",
            "Bearer realm==x", "(,)<>@;:\\/[]?{}",
    })
    @Timeout(5)
    void garbageDoesNotThrow(String header) {
        assertThatCode(() -> AuthChallenge.parseAll(header)).doesNotThrowAnyException();
        assertThatCode(() -> AuthChallenge.parse(header)).doesNotThrowAnyException();
    }

    @Test
    void garbageBeforeAChallengeDoesNotHideIt() {
        assertThat(AuthChallenge.parse("\"junk\" Bearer realm=\"https://r/token\"").orElseThrow().parameter("realm"))
                .contains("https://r/token");
    }

    @Test
    void parametersCannotBeChangedAfterParsing() {
        AuthChallenge challenge = AuthChallenge.parse("Bearer realm=\"x\"").orElseThrow();

        assertThatCode(() -> challenge.parameters().put("realm", "https://evil.example.com"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(challenge.parameter("realm")).contains("x");
    }

    @Test
    void longHeaderParsesQuickly() {
        String header = "Bearer " + "k=v,".repeat(50_000) + "realm=\"r\"";

        assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> AuthChallenge.parse(header)).orElseThrow().parameter("realm")).contains("r");
    }
}
