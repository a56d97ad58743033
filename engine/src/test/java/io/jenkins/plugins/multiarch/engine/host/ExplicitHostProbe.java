package io.jenkins.plugins.multiarch.engine.host;

import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.image.InspectRequest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

/**
 * Run in a child JVM by {@link ExplicitHostIntegrationTest}, with an environment full of logins: inspects an image
 * that needs credentials with the host named by its first argument and prints what happened.
 */
public final class ExplicitHostProbe {

    private ExplicitHostProbe() {
    }

    public static void main(String[] args) throws Exception {
        Host host = args[0].equals("local") ? Host.local() : Host.explicit();
        try (Multiarch engine = Multiarch.create()) {
            engine.inspect(InspectRequest.of(ImageReference.parse(args[1])), host);
            System.out.println("RESULT inspected");
        } catch (AccessDeniedException e) {
            System.out.println("RESULT denied " + e.reason());
        }
    }
}
