package io.jenkins.plugins.multiarch.freestyle;

import hudson.EnvVars;
import hudson.Launcher;
import hudson.matrix.MatrixAggregatable;
import hudson.matrix.MatrixAggregator;
import hudson.matrix.MatrixBuild;
import hudson.matrix.MatrixRun;
import hudson.model.BuildListener;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.multiarch.model.PlatformBuildRecord;
import io.jenkins.plugins.multiarch.steps.IndexPublication;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.variant.OptionalExtension;

/**
 * Multi-configuration projects: each cell builds its platform and records it; the parent build publishes one index
 * from every cell's record, once, after every cell has passed. Aggregators come only from publishers, wrappers,
 * properties or global extensions, so this is a global one that acts where the project has a
 * {@link MultiArchPublisher}. Optional (variant's OptionalExtension): it loads only where matrix-project is installed.
 */
@OptionalExtension(requirePlugins = "matrix-project")
public final class MatrixPublishing implements MatrixAggregatable, MatrixCells {

    @Override
    public MatrixAggregator createAggregator(MatrixBuild build, Launcher launcher, BuildListener listener) {
        MultiArchPublisher publisher = build.getProject().getPublishersList().get(MultiArchPublisher.class);
        return publisher == null ? null : new Aggregator(build, launcher, listener, publisher);
    }

    @Override
    public boolean isCell(Run<?, ?> run) {
        return run instanceof MatrixRun;
    }

    @Override
    public String parentName(Run<?, ?> run) {
        MatrixBuild parent = ((MatrixRun) run).getParentBuild();
        return parent == null ? "" : parent.getFullDisplayName();
    }

    static final class Aggregator extends MatrixAggregator {

        private final MultiArchPublisher publisher;
        private final List<PlatformBuildRecord> builds = new ArrayList<>();
        private final List<String> failedCells = new ArrayList<>();

        Aggregator(MatrixBuild build, Launcher launcher, BuildListener listener, MultiArchPublisher publisher) {
            super(build, launcher, listener);
            this.publisher = publisher;
        }

        @Override
        public boolean endRun(MatrixRun run) {
            Result result = run.getResult();
            if (result != null && result.isWorseThan(Result.SUCCESS)) {
                failedCells.add(Messages.MultiArchPublisher_CellResult(run.getFullDisplayName(), result));
            }
            builds.addAll(IndexPublication.recordedBuilds(run));
            return true;
        }

        /** Publishes unless a cell failed (the build has failed then already); no recorded image fails the build. */
        @Override
        public boolean endBuild() throws InterruptedException, IOException {
            Result result = build.getResult();
            if (failedCells.isEmpty() && result != null && result.isWorseThan(Result.SUCCESS)) {
                failedCells.add(Messages.MultiArchPublisher_BuildResult(result));
            }
            if (!failedCells.isEmpty()) {
                listener.getLogger().println(Messages.MultiArchPublisher_CellsFailed(publisher.getImage(),
                        String.join("; ", failedCells)));
                return true;
            }
            if (builds.isEmpty() && publisher.getSources() == null && publisher.getSourceTagTemplate() == null) {
                listener.getLogger().println(Messages.MultiArchPublisher_CellsFailed(publisher.getImage(),
                        Messages.MultiArchPublisher_NoCells()));
                return false;
            }
            publisher.publish(build, build.getEnvironment(listener), builds, listener);
            return true;
        }
    }
}
