package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;

/** Turns an error while reading a layer into an exception that names the layer, or into a budget stop. */
final class LayerReadFailure {

    private LayerReadFailure() {
    }

    static IOException of(Exception e, ByteBudget budget, String label, LayerSource source) {
        if (e instanceof ByteBudgetExceededException) {
            return (ByteBudgetExceededException) e;
        }
        if (budget.exhausted()) {
            // A decompressor wrapped the budget stop in its own exception.
            return new ByteBudgetExceededException(budget);
        }
        if (e.getCause() instanceof io.jenkins.plugins.multiarch.engine.error.BadContentException wrong) {
            // The registry served other bytes than the layer's digest names: that, not the format, is the problem.
            return new IOException("Could not read " + label + ": " + wrong.getMessage(), e);
        }
        return new IOException("Could not read " + label + ", media type " + source.mediaType() + ": " + e.getMessage()
                + ". The blob is not a readable (gzip/zstd/plain) tar, or its download failed; pull the image to check"
                + " it", e);
    }
}
