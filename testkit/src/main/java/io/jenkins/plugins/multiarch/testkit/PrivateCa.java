package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority made with {@code openssl} and one server certificate it issued for
 * {@code 127.0.0.1} and {@code localhost}, as a company's private CA would issue one for its registry. EC P-256
 * keys, valid for two days; all files in one directory.
 */
public final class PrivateCa {

    private final Path caCertificate;
    private final Path serverCertificate;
    private final Path serverKey;

    private PrivateCa(Path dir) {
        this.caCertificate = dir.resolve("ca.pem");
        this.serverCertificate = dir.resolve("server.pem");
        this.serverKey = dir.resolve("server.key");
    }

    /** Makes a CA and a server certificate in {@code dir} (created if missing). */
    public static PrivateCa create(Path dir) {
        Path openssl = RequiredTool.openssl();
        try {
            Files.createDirectories(dir);
            Path extensions = Files.writeString(dir.resolve("server-ext.cnf"),
                    "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                            + "basicConstraints=critical,CA:FALSE\n"
                            + "extendedKeyUsage=serverAuth\n"
                            + "keyUsage=critical,digitalSignature\n", StandardCharsets.US_ASCII);
            PrivateCa ca = new PrivateCa(dir);
            String o = openssl.toString();
            ExternalCommand.run(List.of(o, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", dir.resolve("ca.key").toString(), "-out", ca.caCertificate.toString(),
                    "-days", "2", "-subj", "/CN=multiarch test CA",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
            ExternalCommand.run(List.of(o, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", ca.serverKey.toString(), "-out", dir.resolve("server.csr").toString(),
                    "-subj", "/CN=127.0.0.1"));
            ExternalCommand.run(List.of(o, "x509", "-req", "-in", dir.resolve("server.csr").toString(),
                    "-CA", ca.caCertificate.toString(), "-CAkey", dir.resolve("ca.key").toString(),
                    "-CAcreateserial", "-out", ca.serverCertificate.toString(), "-days", "2",
                    "-extfile", extensions.toString()));
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a CA in " + dir, e);
        }
    }

    /** The CA's certificate, PEM: what a client is told to trust. */
    public Path caCertificate() {
        return caCertificate;
    }

    public Path serverCertificate() {
        return serverCertificate;
    }

    public Path serverKey() {
        return serverKey;
    }

    /** An SSL context that trusts this CA alone. */
    public SSLContext trustingContext() {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + caCertificate, e);
        }
    }
}
