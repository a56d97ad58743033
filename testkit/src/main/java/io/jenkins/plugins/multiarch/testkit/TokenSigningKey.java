package io.jenkins.plugins.multiarch.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway RSA key with a self-signed certificate, used to sign registry tokens. The registry trusts the
 * certificate through its {@code rootcertbundle}, and each token carries it in its {@code x5c} header.
 */
final class TokenSigningKey {

    private final KeyPair keyPair;
    private final byte[] certificateDer;

    private TokenSigningKey(KeyPair keyPair, byte[] certificateDer) {
        this.keyPair = keyPair;
        this.certificateDer = certificateDer;
    }

    static TokenSigningKey generate(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            // Back-dated an hour so small clock differences never make the certificate "not yet valid".
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), name,
                    keyPair.getPublic());
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()))
                    .getEncoded();
            return new TokenSigningKey(keyPair, der);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the token signing key", e);
        }
    }

    /** The certificate in PEM form, for the registry's {@code rootcertbundle}. */
    String certificatePem() {
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificateDer);
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    /** Signs {@code claims} as an RS256 JWT whose {@code x5c} header holds the certificate (standard base64 DER). */
    String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .x509CertChain(List.of(Base64.encode(certificateDer)))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(keyPair.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a registry token", e);
        }
        return jwt.serialize();
    }
}
