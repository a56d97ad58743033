package io.jenkins.plugins.multiarch.cli;

import java.util.List;

/** Some image failed a check: a summary line, then each problem on its own line. Exit status 1. */
final class VerificationFailedException extends RuntimeException {

    VerificationFailedException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems)));
    }
}
