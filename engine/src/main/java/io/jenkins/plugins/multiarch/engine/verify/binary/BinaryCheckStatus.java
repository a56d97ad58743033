package io.jenkins.plugins.multiarch.engine.verify.binary;

/** The verdict of a {@link BinaryPlatformCheck}. */
public enum BinaryCheckStatus {
    /** The program the image runs is built for the image's platform. */
    PASS,
    /** The program would not start on hosts of the image's platform: wrong architecture or an invalid ELF file. */
    MISMATCH,
    /** The check could not tell; not a failure. The reason says why. */
    NOT_CHECKED
}
