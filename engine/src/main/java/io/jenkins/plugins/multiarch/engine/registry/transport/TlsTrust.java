package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * Which TLS certificates registries may present: the JVM's own CAs, plus CA certificates (PEM) the caller trusts for
 * every registry or for one registry, and registries whose certificates are not verified at all. A registry named
 * here for itself (its own CA, or unverified) is reached over HTTPS even on loopback.
 *
 * <p>A plain serializable value (a Jenkins step sends it to the agent); the certificates are checked when added, and
 * the SSL context of a registry is built once per value, not per request.
 */
public final class TlsTrust implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final TlsTrust DEFAULT = new TlsTrust(List.of(), Map.of(), Set.of());

    private final ArrayList<String> caCertificates;
    private final TreeMap<String, ArrayList<String>> registryCaCertificates;
    private final TreeSet<String> unverifiedRegistries;
    private transient Map<String, SSLContext> contexts = new ConcurrentHashMap<>();

    private TlsTrust(List<String> all, Map<String, ? extends List<String>> perRegistry, Set<String> unverified) {
        this.caCertificates = new ArrayList<>(all);
        this.registryCaCertificates = new TreeMap<>();
        perRegistry.forEach((registry, pems) -> registryCaCertificates.put(registry, new ArrayList<>(pems)));
        this.unverifiedRegistries = new TreeSet<>(unverified);
    }

    /**
     * Trusts the CA certificates in {@code pem} (one or more {@code BEGIN CERTIFICATE} blocks) for every registry.
     *
     * @param source names the PEM in messages, e.g. its file name
     * @throws InvalidInputException if {@code pem} holds no X.509 certificate
     */
    public TlsTrust withCaCertificates(String pem, String source) {
        parse(pem, source);
        List<String> all = new ArrayList<>(caCertificates);
        all.add(pem);
        return new TlsTrust(all, registryCaCertificates, unverifiedRegistries);
    }

    /** As {@link #withCaCertificates}, for one registry ({@code host[:port]}) only, which is then reached over HTTPS. */
    public TlsTrust withRegistryCaCertificates(String registry, String pem, String source) {
        parse(pem, source);
        Map<String, List<String>> perRegistry = new TreeMap<>(registryCaCertificates);
        List<String> pems = new ArrayList<>(perRegistry.getOrDefault(registry, List.of()));
        pems.add(pem);
        perRegistry.put(registry, pems);
        return new TlsTrust(caCertificates, perRegistry, unverifiedRegistries);
    }

    /**
     * Accepts any certificate from this registry ({@code host[:port]}), reached over HTTPS: no protection against
     * an impostor, for test registries only. The engine logs a warning whenever it reaches such a registry.
     */
    public TlsTrust withoutVerification(String registry) {
        Set<String> unverified = new TreeSet<>(unverifiedRegistries);
        unverified.add(Objects.requireNonNull(registry, "registry"));
        return new TlsTrust(caCertificates, registryCaCertificates, unverified);
    }

    /** True unless this registry's certificates are not verified ({@link #withoutVerification}). */
    public boolean verifies(String registry) {
        return !unverifiedRegistries.contains(registry);
    }

    /** True when this registry is named for itself, so it is reached over HTTPS even on loopback. */
    public boolean namesRegistry(String registry) {
        return unverifiedRegistries.contains(registry) || registryCaCertificates.containsKey(registry);
    }

    /** True when nothing is added to the JVM's defaults for this registry. */
    public boolean isDefaultFor(String registry) {
        return verifies(registry) && caCertificates.isEmpty() && !registryCaCertificates.containsKey(registry);
    }

    /** The PEM certificates trusted for this registry, the JVM's own CAs aside. */
    public List<String> caCertificatesFor(String registry) {
        List<String> pems = new ArrayList<>(caCertificates);
        pems.addAll(registryCaCertificates.getOrDefault(registry, new ArrayList<>()));
        return pems;
    }

    public Set<String> unverifiedRegistries() {
        return Set.copyOf(unverifiedRegistries);
    }

    /** The SSL context for this registry, built on first use and kept. */
    public SSLContext sslContext(String registry) {
        return contexts.computeIfAbsent(registry, this::build);
    }

    private SSLContext build(String registry) {
        try {
            if (!verifies(registry)) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new javax.net.ssl.TrustManager[] {TrustManagers.acceptingAll()}, null);
                return context;
            }
            if (isDefaultFor(registry)) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (String pem : caCertificatesFor(registry)) {
                for (X509Certificate certificate : parse(pem, "a CA certificate")) {
                    store.setCertificateEntry("ca-" + n++, certificate);
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {TrustManagers.jvmDefaultsAnd(store)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for registry " + registry + ": " + e.getMessage(), e);
        }
    }

    /** The X.509 certificates in a PEM text. */
    static List<X509Certificate> parse(String pem, String source) {
        Objects.requireNonNull(pem, "pem");
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (CertificateException e) {
            throw new InvalidInputException(source + " is not a PEM certificate (expected one or more '-----BEGIN"
                    + " CERTIFICATE-----' blocks): " + e.getMessage());
        }
        List<X509Certificate> x509 = new ArrayList<>();
        for (Certificate certificate : certificates) {
            if (certificate instanceof X509Certificate c) {
                x509.add(c);
            }
        }
        if (x509.isEmpty()) {
            throw new InvalidInputException(source + " holds no certificate (expected one or more '-----BEGIN"
                    + " CERTIFICATE-----' blocks)");
        }
        return x509;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        contexts = new ConcurrentHashMap<>();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsTrust other && caCertificates.equals(other.caCertificates)
                && registryCaCertificates.equals(other.registryCaCertificates)
                && unverifiedRegistries.equals(other.unverifiedRegistries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caCertificates, registryCaCertificates, unverifiedRegistries);
    }

    /** Certificates by count and registries by name, never the PEM text. */
    @Override
    public String toString() {
        return "TlsTrust[" + caCertificates.size() + " CA certificate(s) for every registry, own CAs for "
                + registryCaCertificates.keySet() + ", unverified " + unverifiedRegistries + "]";
    }
}
