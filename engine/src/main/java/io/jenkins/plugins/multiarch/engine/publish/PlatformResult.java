package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import io.jenkins.plugins.multiarch.engine.verify.CheckSummary;
import java.util.List;

/**
 * What went into the index for one platform.
 *
 * @param manifestSize the size of the manifest (what the index descriptor says)
 * @param imageSize    the compressed size of config and layers
 * @param checks       what each verification found
 */
public record PlatformResult(Platform platform, ImageReference source, Digest digest, String mediaType,
                             long manifestSize, long imageSize, List<CheckResult> checks) {

    public PlatformResult {
        checks = List.copyOf(checks);
    }

    /**
     * One cell for tables: what the binary check found ({@code /hello x86-64 ✓}, {@code not checked: budget}), or
     * {@code config ✓} where only the config was checked.
     */
    public String checkSummary() {
        return CheckSummary.of(checks);
    }
}
