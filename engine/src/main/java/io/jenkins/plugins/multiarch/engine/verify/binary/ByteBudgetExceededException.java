package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;

/** Reading stopped because the {@link ByteBudget} ran out; the checks turn this into "not checked", not a failure. */
final class ByteBudgetExceededException extends IOException {

    private final long used;
    private final long limit;

    ByteBudgetExceededException(ByteBudget budget) {
        super("Stopped after reading " + ByteBudget.format(budget.used()) + " of compressed layers, over the budget of "
                + ByteBudget.format(budget.limit()) + "; raise the byte budget to check this image");
        this.used = budget.used();
        this.limit = budget.limit();
    }

    public long used() {
        return used;
    }

    public long limit() {
        return limit;
    }
}
