package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The process tests' JSON reader refuses anything but exactly one document. */
class StdoutJsonTest {

    @Test
    void oneDocumentWithItsNewlineIsRead() {
        assertThat(StdoutJson.parse("{\n  \"digest\" : \"sha256:1\"\n}\n").path("digest").asText()).isEqualTo("sha256:1");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"{\"a\":1}\nverified linux/amd64", "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing",
            "verified linux/amd64\n{\"a\":1}", "", "\n"})
    void anythingElseOnStandardOutputFails(String stdout) {
        assertThatThrownBy(() -> StdoutJson.parse(stdout)).hasMessageContaining("standard output is");
    }
}
