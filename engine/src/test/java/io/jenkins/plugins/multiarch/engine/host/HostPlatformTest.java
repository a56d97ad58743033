package io.jenkins.plugins.multiarch.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostPlatformTest {

    @Test
    void javasArchitectureNamesBecomePlatforms() {
        assertThat(HostPlatform.of("Linux", "amd64")).hasValueSatisfying(p -> assertThat(p).hasToString("linux/amd64"));
        assertThat(HostPlatform.of("Linux", "aarch64")).hasValueSatisfying(p -> assertThat(p).hasToString("linux/arm64"));
        assertThat(HostPlatform.of("Linux", "x86")).hasValueSatisfying(p -> assertThat(p).hasToString("linux/386"));
    }

    @Test
    void otherSystemsAndUnknownArchitecturesLeaveItUnset() {
        assertThat(HostPlatform.of("Mac OS X", "aarch64")).isEmpty();
        assertThat(HostPlatform.of("Linux", "pdp11")).isEmpty();
        assertThat(HostPlatform.of(null, null)).isEmpty();
    }
}
