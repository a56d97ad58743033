package io.jenkins.plugins.multiarch.steps;

/** How a log line names the login: by credentials ID, never by user or password. */
final class LoginText {

    private LoginText() {
    }

    static String of(String credentialsId) {
        return credentialsId == null ? Messages.LoginText_Anonymous() : Messages.LoginText_Credentials(credentialsId);
    }
}
