package io.jenkins.plugins.multiarch.testkit;

import java.nio.file.Path;

/** No authentication: anyone may pull and push. */
final class AnonymousAuth implements RegistryAuth {

    @Override
    public String configSection(Path workDir) {
        return "";
    }

    @Override
    public RegistryCredentials credentials() {
        return null;
    }

    @Override
    public TokenIssuer tokenIssuer() {
        return null;
    }

    @Override
    public void close() {
    }
}
