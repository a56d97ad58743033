// Compile-only stub of org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint
// from org.jenkins-ci.plugins:docker-commons:472.vee120e23d3a_c (jenkinsci/docker-commons-plugin at ee120e23d3ac).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superclass AbstractDescribableImpl<DockerRegistryEndpoint> and the @DataBoundConstructor (String url, String
// credentialsId) left out: the plugin only stores and reads endpoints that Stapler or JCasC made.
package org.jenkinsci.plugins.docker.commons.credentials;

public class DockerRegistryEndpoint {

    private DockerRegistryEndpoint() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getCredentialsId() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
