package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bearer-token authentication: clients fetch JWTs from a {@link TokenIssuer} started alongside the registry. */
final class TokenAuth implements RegistryAuth {

    private final RegistryCredentials user;
    private TokenIssuer issuer;

    TokenAuth(RegistryCredentials user) {
        this.user = user;
    }

    @Override
    public String configSection(Path workDir) {
        if (issuer == null) {
            issuer = TokenIssuer.start(user);
        }
        Path bundle = workDir.resolve("token-issuer.pem");
        try {
            Files.writeString(bundle, issuer.certificatePem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + bundle, e);
        }
        return "auth:\n"
                + "  token:\n"
                + "    realm: " + Yaml.quote(issuer.realm()) + "\n"
                + "    service: " + Yaml.quote(issuer.service()) + "\n"
                + "    issuer: " + Yaml.quote(issuer.issuer()) + "\n"
                + "    rootcertbundle: " + Yaml.quote(bundle.toString()) + "\n";
    }

    @Override
    public RegistryCredentials credentials() {
        return user;
    }

    @Override
    public TokenIssuer tokenIssuer() {
        return issuer;
    }

    @Override
    public void close() {
        if (issuer != null) {
            issuer.close();
            issuer = null;
        }
    }
}
