package io.jenkins.plugins.multiarch.testkit;

import java.nio.file.Path;

/** HTTP Basic authentication against an htpasswd file holding one user. */
final class HtpasswdAuth implements RegistryAuth {

    private final RegistryCredentials user;

    HtpasswdAuth(RegistryCredentials user) {
        this.user = user;
    }

    @Override
    public String configSection(Path workDir) {
        Path file = workDir.resolve("htpasswd");
        HtpasswdFile.write(file, user);
        return "auth:\n"
                + "  htpasswd:\n"
                + "    realm: multiarch-test-registry\n"
                + "    path: " + Yaml.quote(file.toString()) + "\n";
    }

    @Override
    public RegistryCredentials credentials() {
        return user;
    }

    @Override
    public TokenIssuer tokenIssuer() {
        return null;
    }

    @Override
    public void close() {
    }
}
