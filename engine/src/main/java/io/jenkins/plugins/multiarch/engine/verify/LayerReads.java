package io.jenkins.plugins.multiarch.engine.verify;

/**
 * How much of an image's layers a check read, and so whether their bytes were checked against their digests: a layer
 * read to its end must hash to its digest (or the check fails); one the check stopped reading early, on purpose once
 * it had its answer, could not be. Reported in a check's details under {@link CheckResult#LAYER_READS}.
 */
public enum LayerReads {
    /** No layer was opened (e.g. no program to check). */
    NONE,
    /** Every layer opened was read to its end and matched its digest. */
    WHOLE,
    /** At least one layer was read only in part: those bytes were not checked against the layer's digest. */
    PARTIAL
}
