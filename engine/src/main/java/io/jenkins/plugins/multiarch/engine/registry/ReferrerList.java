package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.oci.Referrer;
import java.util.List;

/**
 * The referrers of one manifest in one repository, and how they were found: through the registry's referrers API
 * ({@code viaApi}: the registry keeps the list itself), or from the tag-schema fallback tag {@code sha256-<hex>}
 * (which whoever pushes a referrer must keep up to date).
 */
public record ReferrerList(List<Referrer> referrers, boolean viaApi) {

    public ReferrerList {
        referrers = List.copyOf(referrers);
    }
}
