package io.jenkins.plugins.multiarch.steps;

import hudson.AbortException;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

/**
 * The engine's errors as a step failure: an {@link AbortException}, which Pipeline shows as its message alone (no
 * stack trace), with a hint in the steps' own terms where the engine's type calls for one.
 */
final class StepErrors {

    private StepErrors() {
    }

    static AbortException abort(String step, MultiarchException e) {
        String message = e.getMessage();
        if (!message.startsWith(step)) {
            message = step + ": " + message;
        }
        if (e instanceof AccessDeniedException denied) {
            message += switch (denied.reason()) {
                case NO_CREDENTIALS -> "\n" + Messages.StepErrors_NoCredentials();
                case CREDENTIALS_REFUSED -> "\n" + Messages.StepErrors_CredentialsRefused();
                case NOT_PERMITTED -> "\n" + Messages.StepErrors_NotPermitted();
            };
        }
        AbortException abort = new AbortException(message);
        abort.initCause(e);
        return abort;
    }
}
