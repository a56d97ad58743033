package io.jenkins.plugins.multiarch.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.model.StepLog;
import java.io.Serializable;

/**
 * One verify-then-publish by the engine, where it runs: on the controller, or inside {@link PublishOnAgent} on the
 * agent of the enclosing {@code node}. Serializable only to travel there; never stored (it carries the password).
 */
final class PublishJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final PublishRequest request;
    private final TaskListener listener;
    private final String username;
    private final String password;

    PublishJob(String function, PublishRequest request, TaskListener listener, RegistryLogin login) {
        this.function = function;
        this.request = request;
        this.listener = listener;
        this.username = login.username();
        this.password = login.password();
    }

    /**
     * Verifies every source, then writes the index under every tag; nothing is written unless all pass.
     *
     * @throws AbortException with the engine's message when a check failed or the registry refused
     * @throws InterruptedException when aborted: the engine has stopped and written no further tag
     */
    PublishResult run() throws AbortException, InterruptedException {
        Host host = Host.explicit().withLog(StepLog.into(listener.getLogger(), "",
                AgentCredentials.secrets(username, password)));
        host = AgentCredentials.withLogin(host, request.target().registry(), username, password);
        try (Multiarch engine = Multiarch.create()) {
            return engine.publish(request, host);
        } catch (MultiarchException e) {
            throw StepErrors.abort(function, e);
        }
    }

    @Override
    public String toString() {
        return "PublishJob[" + request.target() + "]"; // no password
    }
}
