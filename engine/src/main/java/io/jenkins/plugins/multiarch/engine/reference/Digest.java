package io.jenkins.plugins.multiarch.engine.reference;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest, {@code algorithm:hex}, as used by OCI descriptors and registries. */
public record Digest(String algorithm, String hex) implements java.io.Serializable {

    private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
    private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512_HEX = Pattern.compile("[a-f0-9]{128}");

    public Digest {
        if (algorithm == null || !ALGORITHM.matcher(algorithm).matches()) {
            throw new InvalidReferenceException("invalid digest algorithm '" + Printable.value(algorithm) + "'; expected e.g. sha256");
        }
        Pattern hexPattern = switch (algorithm) {
            case "sha256" -> SHA256_HEX;
            case "sha512" -> SHA512_HEX;
            default -> throw new InvalidReferenceException("unsupported digest algorithm '" + Printable.value(algorithm)
                    + "'; registries use sha256 (or sha512), e.g. sha256:<64 hex characters>");
        };
        if (hex == null || !hexPattern.matcher(hex).matches()) {
            throw new InvalidReferenceException("invalid " + algorithm + " digest '" + Printable.value(algorithm + ":" + hex)
                    + "': " + ("sha256".equals(algorithm) ? "expected 64 lowercase hex characters" : "bad encoding"));
        }
    }

    /** Parses {@code sha256:<64 hex>}. */
    public static Digest parse(String text) {
        if (text == null) {
            throw new InvalidReferenceException("missing digest; expected sha256:<64 hex characters>");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidReferenceException("invalid digest '" + Printable.value(text) + "': expected sha256:<64 hex characters>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The SHA-256 digest of these bytes. */
    public static Digest sha256(byte[] content) {
        return new Digest("sha256", HexFormat.of().formatHex(newMessageDigest("sha256").digest(content)));
    }

    /** A fresh hasher for this digest's algorithm, to check streamed content. */
    public MessageDigest newHasher() {
        return newMessageDigest(algorithm);
    }

    /** True if {@code content} hashes to this digest. */
    public boolean matches(byte[] content) {
        return hex.equals(HexFormat.of().formatHex(newHasher().digest(content)));
    }

    private static MessageDigest newMessageDigest(String algorithm) {
        String javaName = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new InvalidReferenceException(
                    "unsupported digest algorithm '" + Printable.value(algorithm) + "'; supported: sha256, sha512");
        };
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(javaName + " is missing from this JVM", e);
        }
    }

    /** The first 12 hex characters, as people say digests in tables. */
    public String shortForm() {
        return hex.substring(0, Math.min(12, hex.length()));
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
