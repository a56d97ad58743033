package io.jenkins.plugins.multiarch.testkit;

/** The test registry did not come up; the message includes the tail of its log. */
final class RegistryStartException extends IllegalStateException {

    private final String logTail;

    RegistryStartException(String message, String logTail) {
        super(message);
        this.logTail = logTail;
    }

    /** True when another process took the port between picking it and the registry binding it. */
    boolean portWasTaken() {
        return logTail.contains("address already in use");
    }
}
