package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Charges every byte read or skipped from a raw layer blob to a {@link ByteBudget}. */
final class BudgetedInputStream extends FilterInputStream {

    private final ByteBudget budget;

    BudgetedInputStream(InputStream in, ByteBudget budget) {
        super(in);
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            budget.charge(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            budget.charge(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes of a remote blob are still downloaded.
        long skipped = super.skip(n);
        if (skipped > 0) {
            budget.charge(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
