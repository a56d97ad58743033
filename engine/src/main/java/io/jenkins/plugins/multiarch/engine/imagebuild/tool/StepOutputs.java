package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The last lines each step of a plan printed (secrets masked), for builders that read a result from output. */
public final class StepOutputs {

    private final Map<StepKind, List<String>> lines = new EnumMap<>(StepKind.class);

    public static StepOutputs empty() {
        return new StepOutputs();
    }

    public StepOutputs with(StepKind kind, List<String> stepLines) {
        lines.put(kind, List.copyOf(stepLines));
        return this;
    }

    /** The step's last lines; empty if it did not run or printed nothing. */
    public List<String> lines(StepKind kind) {
        return lines.getOrDefault(kind, List.of());
    }
}
