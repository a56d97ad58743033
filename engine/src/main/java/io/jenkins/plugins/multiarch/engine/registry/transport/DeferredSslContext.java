package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An SSL context for a plain-HTTP registry's client that sets up TLS only when a connection first needs it (a token
 * realm or a storage redirect on HTTPS), then as {@link DeferredTrustManager#context()}. The JDK's HTTP client takes
 * its SSL context when it is built; merely building one loads the security providers (elliptic curves among them)
 * and its default parameters (cipher suites, named groups, Diffie-Hellman groups): 0.02-0.05 s of a CLI run that
 * talks plain HTTP only. Give the client {@link #parameters()} as well, or it asks this context for its defaults.
 */
final class DeferredSslContext extends SSLContext {

    private DeferredSslContext() {
        // No provider of its own: the context built on first use has the JVM's.
        super(new Spi(), null, "TLS");
    }

    static SSLContext create() {
        return new DeferredSslContext();
    }

    /**
     * Parameters with nothing set, so the client does not ask for the defaults: each TLS connection's engine then
     * keeps its own defaults, the same ones, and the client adds host name checking and SNI as always.
     */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private static final class Spi extends SSLContextSpi {
        private volatile SSLContext context;

        private SSLContext context() {
            SSLContext c = context;
            if (c == null) {
                synchronized (this) {
                    c = context;
                    if (c == null) {
                        c = context = DeferredTrustManager.context();
                    }
                }
            }
            return c;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("this SSL context is set up on first use; it takes no other keys or trust");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return context().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return context().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return context().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return context().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return context().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return context().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return context().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return context().getSupportedSSLParameters();
        }
    }
}
