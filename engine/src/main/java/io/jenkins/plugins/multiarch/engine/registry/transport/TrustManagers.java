package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The trust managers {@link TlsTrust} builds its SSL contexts from. */
final class TrustManagers {

    private TrustManagers() {
    }

    /**
     * Trusts what the JVM trusts and what {@code extra} holds. Both are the JDK's own PKIX managers, so the host
     * name is checked against the certificate either way.
     */
    static X509ExtendedTrustManager jvmDefaultsAnd(KeyStore extra) throws GeneralSecurityException {
        X509ExtendedTrustManager jvm = of(null);
        X509ExtendedTrustManager added = of(extra);
        return new ServerOnly() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                try {
                    added.checkServerTrusted(chain, authType, engine);
                } catch (CertificateException notOurs) {
                    jvm.checkServerTrusted(chain, authType, engine);
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws CertificateException {
                try {
                    added.checkServerTrusted(chain, authType, socket);
                } catch (CertificateException notOurs) {
                    jvm.checkServerTrusted(chain, authType, socket);
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    added.checkServerTrusted(chain, authType);
                } catch (CertificateException notOurs) {
                    jvm.checkServerTrusted(chain, authType);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                X509Certificate[] a = added.getAcceptedIssuers();
                X509Certificate[] b = jvm.getAcceptedIssuers();
                X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, all, a.length, b.length);
                return all;
            }
        };
    }

    /**
     * Accepts every certificate and every host name: an extended manager that checks nothing, so the JDK does not
     * add its own host name check either.
     */
    static X509ExtendedTrustManager acceptingAll() {
        return new ServerOnly() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    /** A registry client only ever checks servers: every client check refuses. */
    private abstract static class ServerOnly extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a registry client does not accept client certificates");
        }
    }

    private static X509ExtendedTrustManager of(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JVM has no X.509 trust manager");
    }
}
