package io.jenkins.plugins.multiarch.engine.gitmeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {

    @Test
    void parsesPlainAndVPrefixedVersionsWithPreReleaseAndBuild() {
        SemanticVersion v = SemanticVersion.parse("v1.22.3-rc.1+build.7");
        assertThat(v.major()).hasToString("1");
        assertThat(v.minor()).hasToString("22");
        assertThat(v.patch()).hasToString("3");
        assertThat(v.preRelease()).containsExactly("rc", "1");
        assertThat(v.build()).contains("build.7");
        assertThat(v.isPreRelease()).isTrue();
        assertThat(v).hasToString("1.22.3-rc.1+build.7");
        assertThat(SemanticVersion.parse("1.2.3").isPreRelease()).isFalse();
        assertThat(SemanticVersion.parse("V0.0.0")).hasToString("0.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1", "latest", "v1.2.3.4", "01.2.3", "1.02.3", "1.2.3-", "1.2.3-01", "1.2.3+",
            "vv1.2.3", " 1.2.3", "1.2.3-rc..1", "release-1.2.3"})
    void refusesWhatIsNoSemanticVersion(String text) {
        assertThat(SemanticVersion.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> SemanticVersion.parse(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + text + "' is not a semantic version").hasMessageContaining("v1.2.3");
    }

    @Test
    void ordersByPrecedenceAsSemverSpecifies() {
        // semver.org 2.0.0, item 11, plus numeric comparison beyond one digit
        List<String> ascending = List.of("0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0",
                "10.0.0");
        List<SemanticVersion> shuffled = new ArrayList<>(ascending.stream().map(SemanticVersion::parse).toList());
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).extracting(SemanticVersion::toString).containsExactlyElementsOf(ascending);
    }

    @Test
    void buildMetadataDoesNotChangePrecedenceAndTheVIsNoPartOfTheVersion() {
        assertThat(SemanticVersion.parse("1.0.0+a").compareTo(SemanticVersion.parse("1.0.0+b"))).isZero();
        assertThat(SemanticVersion.parse("v1.0.0")).isEqualTo(SemanticVersion.parse("1.0.0"));
        assertThat(SemanticVersion.parse("1.0.0+a")).isNotEqualTo(SemanticVersion.parse("1.0.0+b"));
    }
}
