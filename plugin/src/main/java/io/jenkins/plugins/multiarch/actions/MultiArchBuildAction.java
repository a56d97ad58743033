package io.jenkins.plugins.multiarch.actions;

import hudson.model.Run;
import io.jenkins.plugins.multiarch.model.PlatformBuildRecord;
import java.util.Objects;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One platform image a {@code multiArchBuild} pushed in this run: one action per build, so parallel branches never
 * update a shared one ({@code Actionable} is not atomic). {@code multiArchPublish} reads them; the build page shows
 * each as a line ({@code summary.jelly}); {@code api/json} exports it. Holds only the {@link PlatformBuildRecord}.
 */
@ExportedBean
public final class MultiArchBuildAction implements RunAction2 {

    private final PlatformBuildRecord record;
    private transient Run<?, ?> run;

    public MultiArchBuildAction(PlatformBuildRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    public PlatformBuildRecord getRecord() {
        return record;
    }

    @Exported
    public String getImage() {
        return record.getImage();
    }

    @Exported
    public String getPlatform() {
        return record.getPlatform();
    }

    @Exported
    public String getDigest() {
        return record.getDigest();
    }

    @Exported
    public String getAgent() {
        return record.getAgent();
    }

    @Exported
    public String getBuilder() {
        return record.getBuilder();
    }

    @Exported
    public long getStartTimeMillis() {
        return record.getStartTimeMillis();
    }

    @Exported
    public long getDurationMillis() {
        return record.getDurationMillis();
    }

    public String getDurationText() {
        return record.getDurationText();
    }

    /** The run it is on; null until attached or loaded. */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    /** No page and no side-panel link: the build page's summary and the publish action show it. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.MultiArchBuildAction_DisplayName(record.getPlatform(), record.getImage());
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
