package io.jenkins.plugins.multiarch.actions;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.multiarch.model.PublishRecord;
import io.jenkins.plugins.multiarch.model.PublishedPlatform;
import io.jenkins.plugins.multiarch.model.PublishedTarget;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One index a {@code multiArchPublish} published in this run: a table on the build page ({@code summary.jelly}),
 * a page of its own ({@code index.jelly}), {@code api/json}, and while this is the job's last successful build, a
 * link to it on the job page ({@link MultiArchProjectAction}). Holds only the {@link PublishRecord}.
 */
@ExportedBean
public final class MultiArchPublishAction implements RunAction2, SimpleBuildStep.LastBuildAction {

    static final String URL_PREFIX = "multiarch-";

    private final PublishRecord record;
    private transient Run<?, ?> run;

    public MultiArchPublishAction(PublishRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    public PublishRecord getRecord() {
        return record;
    }

    @Exported
    public String getImage() {
        return record.getImage();
    }

    @Exported
    public String getIndexDigest() {
        return record.getIndexDigest();
    }

    @Exported
    public String getReference() {
        return record.getReference();
    }

    @Exported
    public String getMediaType() {
        return record.getMediaType();
    }

    @Exported
    public List<String> getTagsWritten() {
        return record.getTagsWritten();
    }

    @Exported
    public List<String> getTagsUnchanged() {
        return record.getTagsUnchanged();
    }

    public List<String> getTags() {
        return record.getTags();
    }

    @Exported(inline = true)
    public List<PublishedPlatformRow> getPlatforms() {
        return record.getPlatforms().stream().map(PublishedPlatformRow::new).toList();
    }

    /** The further repositories the same index went to, each with its tags. */
    @Exported(inline = true)
    public List<PublishedTargetRow> getAlsoTo() {
        return record.getAlsoTo().stream().map(PublishedTargetRow::new).toList();
    }

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

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return Messages.MultiArchPublishAction_DisplayName(record.getImage());
    }

    /** Unique per index within a run: a run may publish several images. */
    @Override
    public String getUrlName() {
        String digest = record.getIndexDigest();
        return URL_PREFIX + digest.substring(digest.indexOf(':') + 1, Math.min(digest.length(), digest.indexOf(':') + 13));
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new MultiArchProjectAction(this));
    }

    /** A row of {@code alsoTo[]} in api/json. */
    @ExportedBean(defaultVisibility = 2)
    public static final class PublishedTargetRow {

        private final PublishedTarget target;

        PublishedTargetRow(PublishedTarget target) {
            this.target = target;
        }

        @Exported
        public String getRepository() {
            return target.getRepository();
        }

        @Exported
        public List<String> getTagsWritten() {
            return target.getTagsWritten();
        }

        @Exported
        public List<String> getTagsUnchanged() {
            return target.getTagsUnchanged();
        }

        public List<String> getTags() {
            return target.getTags();
        }
    }

    /** A row of {@code platforms[]} in api/json. */
    @ExportedBean(defaultVisibility = 2)
    public static final class PublishedPlatformRow {

        private final PublishedPlatform platform;

        PublishedPlatformRow(PublishedPlatform platform) {
            this.platform = platform;
        }

        @Exported
        public String getPlatform() {
            return platform.getPlatform();
        }

        @Exported
        public String getDigest() {
            return platform.getDigest();
        }

        @Exported
        public String getSource() {
            return platform.getSource();
        }

        @Exported
        public String getAgent() {
            return platform.getAgent();
        }

        @Exported
        public String getBuilder() {
            return platform.getBuilder();
        }

        @Exported
        public String getVerifiedArchitecture() {
            return platform.getVerifiedArchitecture();
        }

        @Exported
        public String getVerification() {
            return platform.getVerification();
        }

        @Exported
        public boolean isPassed() {
            return platform.isPassed();
        }
    }
}
