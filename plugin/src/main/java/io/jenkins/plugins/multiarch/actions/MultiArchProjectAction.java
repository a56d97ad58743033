package io.jenkins.plugins.multiarch.actions;

import hudson.model.Action;
import hudson.model.Run;

/**
 * On the job page: the multi-arch index the last successful build published, with a link to that build's page for
 * it. Made afresh from the build's {@link MultiArchPublishAction} (a {@code LastBuildAction}), never stored.
 */
public final class MultiArchProjectAction implements Action {

    private final MultiArchPublishAction published;

    MultiArchProjectAction(MultiArchPublishAction published) {
        this.published = published;
    }

    public MultiArchPublishAction getPublished() {
        return published;
    }

    /** The build's page for the index, relative to the Jenkins root (for {@code rootURL}); null before attaching. */
    public String getBuildUrl() {
        Run<?, ?> run = published.getRun();
        return run == null ? null : run.getUrl() + published.getUrlName() + "/";
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return Messages.MultiArchProjectAction_DisplayName(published.getImage());
    }

    @Override
    public String getUrlName() {
        return "multiarch-latest-" + published.getUrlName().substring(MultiArchPublishAction.URL_PREFIX.length());
    }
}
