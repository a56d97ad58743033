package io.jenkins.plugins.multiarch.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertThat(copy.entrySet(), contains(Map.entry("VERSION", "1.4.2"), Map.entry("JOBS", "4")));
        assertThat(copy.values(), everyItem(instanceOf(String.class)));
    }

    @Test
    void aMapEntryWithoutValueIsNamed() {
        Map<String, String> raw = new HashMap<>();
        raw.put("VERSION", null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StepMaps.copy(raw, "buildArgs"));
        assertThat(e.getMessage(), containsString("buildArgs: the entry VERSION has no value"));
        assertThat(StepMaps.copy(null, "labels"), anEmptyMap());
    }

    @Test
    void formChecksSayTheDefaultsAndFlagBadValues() {
        assertEquals(FieldValidation.ok("Empty: the image named by MULTIARCH_IMAGE in the build's environment"),
                StepFieldChecks.image(""));
        assertEquals(FieldValidation.ok(), StepFieldChecks.image("registry.example.com/team/app:1.0"));
        assertEquals(FieldValidation.ok(), StepFieldChecks.image("${REGISTRY}/app"));
        assertEquals(FieldValidation.Kind.ERROR, StepFieldChecks.image("UPPER/Case").kind());
        assertEquals(FieldValidation.ok("Means linux/arm64"), StepFieldChecks.platform("aarch64"));
        assertEquals(FieldValidation.Kind.ERROR, StepFieldChecks.platform("linux/").kind());
        assertEquals(FieldValidation.ok(), StepFieldChecks.tagTemplate("{arch}-{version}"));
        assertEquals(FieldValidation.Kind.ERROR, StepFieldChecks.tagTemplate("{cpu}").kind());
    }

    @Test
    void theListBoxAsksForCredentialsOfTheImagesRegistry() {
        assertEquals("https://registry.example.com:5000", CredentialsUri.forImage("registry.example.com:5000/team/app"));
        assertEquals("https://index.docker.io/v1/", CredentialsUri.forImage("team/app"));
        assertNull(CredentialsUri.forImage(""));
        assertNull(CredentialsUri.forImage("${IMAGE}"));
        assertNull(CredentialsUri.forImage("Not An Image"));
    }
}
