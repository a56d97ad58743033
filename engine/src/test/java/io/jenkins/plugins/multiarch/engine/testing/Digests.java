package io.jenkins.plugins.multiarch.engine.testing;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of streams, for blobs too large to hold in memory. */
public final class Digests {

    private Digests() {
    }

    public static Digest sha256(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sha.update(buffer, 0, n);
        }
        return new Digest("sha256", HexFormat.of().formatHex(sha.digest()));
    }
}
