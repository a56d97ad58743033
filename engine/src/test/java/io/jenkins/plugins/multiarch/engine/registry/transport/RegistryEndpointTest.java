package io.jenkins.plugins.multiarch.engine.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryEndpointTest {

    @ParameterizedTest(name = "{0} (insecure: {1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            // loopback is plain HTTP, as a local test registry speaks it
            "127.0.0.1:5000             |                                        | http://127.0.0.1:5000",
            "127.0.0.1                  |                                        | http://127.0.0.1",
            "127.1.2.3:5000             |                                        | http://127.1.2.3:5000",
            "localhost:5000             |                                        | http://localhost:5000",
            "localhost                  |                                        | http://localhost",
            "LOCALHOST:5000             |                                        | http://LOCALHOST:5000",
            "[::1]:5000                 |                                        | http://[::1]:5000",
            "[::1]                      |                                        | http://[::1]",
            // Docker Hub's API lives elsewhere than its name
            "docker.io                  |                                        | https://registry-1.docker.io",
            "index.docker.io            |                                        | https://registry-1.docker.io",
            // everything else is HTTPS ...
            "registry.example.com       |                                        | https://registry.example.com",
            "registry.example.com:5000  |                                        | https://registry.example.com:5000",
            "ghcr.io                    | other.example.com                      | https://ghcr.io",
            "10.0.0.5:5000              |                                        | https://10.0.0.5:5000",
            // ... including hosts that merely look like loopback
            "127.example.com:5000       |                                        | https://127.example.com:5000",
            "localhost.example.com:5000 |                                        | https://localhost.example.com:5000",
            // ... unless the user names it insecure, by host:port or by host
            "registry.internal:5000     | registry.internal:5000                 | http://registry.internal:5000",
            "registry.internal:5000     | registry.internal                      | http://registry.internal:5000",
            "registry.internal          | registry.internal                      | http://registry.internal",
            "10.0.0.5:5000              | other.example.com,10.0.0.5:5000        | http://10.0.0.5:5000",
            "registry.internal:5000     | registry.internal:6000                 | https://registry.internal:5000",
            "registry.internal:5000     | internal                               | https://registry.internal:5000",
    })
    void schemeAndAuthority(String registry, String insecure, String expected) {
        Set<String> insecureSet = insecure == null ? Set.of()
                : Arrays.stream(insecure.split(",")).map(String::trim).collect(Collectors.toSet());

        RegistryEndpoint endpoint = RegistryEndpoint.of(registry, insecureSet);

        assertThat(endpoint.registry()).isEqualTo(registry);
        assertThat(endpoint.baseUri()).isEqualTo(URI.create(expected));
        assertThat(endpoint.isPlainHttp()).isEqualTo(expected.startsWith("http://"));
    }

    @Test
    void resolvesApiPaths() {
        RegistryEndpoint endpoint = RegistryEndpoint.of("127.0.0.1:5000", Set.of());

        assertThat(endpoint.resolve("/v2/")).isEqualTo(URI.create("http://127.0.0.1:5000/v2/"));
        assertThat(endpoint.resolve("/v2/team/app/manifests/1.0"))
                .isEqualTo(URI.create("http://127.0.0.1:5000/v2/team/app/manifests/1.0"));
        assertThat(RegistryEndpoint.of("docker.io", Set.of()).resolve("/v2/library/alpine/manifests/latest"))
                .isEqualTo(URI.create("https://registry-1.docker.io/v2/library/alpine/manifests/latest"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "registry.example.com:5000, registry.example.com",
            "registry.example.com,      registry.example.com",
            "[::1]:5000,                [::1]",
            "[::1],                     [::1]",
            "127.0.0.1:5000,            127.0.0.1",
    })
    void hostOnly(String registry, String host) {
        assertThat(RegistryEndpoint.hostOnly(registry)).isEqualTo(host);
    }
}
