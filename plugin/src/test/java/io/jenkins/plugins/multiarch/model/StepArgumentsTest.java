package io.jenkins.plugins.multiarch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.config.FieldValidation;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Map arguments as Groovy hands them over, form checks and the list box's credentials URI. */
class StepArgumentsTest {

    /** What Groovy's GString is to Java: a CharSequence that is not a String. */
    private record FakeGString(String text) implements CharSequence {
        public int length() {
            return text.length();
        }

        public char charAt(int index) {
            return text.charAt(index);
        }

        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void mapValuesThatAreNotStringsBecomeStringsInOrder() {
        Map raw = new LinkedHashMap<>();
        raw.put("VERSION", new FakeGString("1.4.2"));
        raw.put("JOBS", 4);
        Map<String, String> copy = StepMaps.copy(raw, "buildArgs");
        assertThat(copy).containsExactly(Map.entry("VERSION", "1.4.2"), Map.entry("JOBS", "4"));
        assertThat(copy.values()).allMatch(v -> v instanceof String);
    }

    @Test
    void aMapEntryWithoutValueIsNamed() {
        Map<String, String> raw = new HashMap<>();
        raw.put("VERSION", null);
        assertThatThrownBy(() -> StepMaps.copy(raw, "buildArgs"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("buildArgs: the entry VERSION has no value");
        assertThat(StepMaps.copy(null, "labels")).isEmpty();
    }

    @Test
    void formChecksSayTheDefaultsAndFlagBadValues() {
        assertThat(StepFieldChecks.image("")).isEqualTo(FieldValidation.ok(
                "Empty: the image named by MULTIARCH_IMAGE in the build's environment"));
        assertThat(StepFieldChecks.image("registry.example.com/team/app:1.0")).isEqualTo(FieldValidation.ok());
        assertThat(StepFieldChecks.image("${REGISTRY}/app")).isEqualTo(FieldValidation.ok());
        assertThat(StepFieldChecks.image("UPPER/Case").kind()).isEqualTo(FieldValidation.Kind.ERROR);
        assertThat(StepFieldChecks.platform("aarch64")).isEqualTo(FieldValidation.ok("Means linux/arm64"));
        assertThat(StepFieldChecks.platform("linux/").kind()).isEqualTo(FieldValidation.Kind.ERROR);
        assertThat(StepFieldChecks.tagTemplate("{arch}-{version}")).isEqualTo(FieldValidation.ok());
        assertThat(StepFieldChecks.tagTemplate("{cpu}").kind()).isEqualTo(FieldValidation.Kind.ERROR);
    }

    @Test
    void theListBoxAsksForCredentialsOfTheImagesRegistry() {
        assertThat(CredentialsUri.forImage("registry.example.com:5000/team/app")).isEqualTo("https://registry.example.com:5000");
        assertThat(CredentialsUri.forImage("team/app")).isEqualTo("https://index.docker.io/v1/");
        assertThat(CredentialsUri.forImage("")).isNull();
        assertThat(CredentialsUri.forImage("${IMAGE}")).isNull();
        assertThat(CredentialsUri.forImage("Not An Image")).isNull();
    }
}
