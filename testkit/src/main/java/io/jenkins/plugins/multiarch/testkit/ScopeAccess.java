package io.jenkins.plugins.multiarch.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a registry token's {@code access} claim, parsed from a requested scope such as
 * {@code repository:team/app:pull,push}.
 */
record ScopeAccess(String type, String name, List<String> actions) {

    /** Parses {@code type:name:actions}; the name may itself contain colons (e.g. a registry host with a port). */
    static Optional<ScopeAccess> parse(String scope) {
        int firstColon = scope.indexOf(':');
        int lastColon = scope.lastIndexOf(':');
        if (firstColon <= 0 || lastColon == firstColon || lastColon == scope.length() - 1) {
            return Optional.empty();
        }
        List<String> actions = Arrays.stream(scope.substring(lastColon + 1).split(","))
                .filter(action -> !action.isEmpty())
                .distinct()
                .toList();
        return Optional.of(new ScopeAccess(scope.substring(0, firstColon), scope.substring(firstColon + 1, lastColon),
                actions));
    }

    /** The JSON shape of the claim entry. */
    Map<String, Object> toClaim() {
        return Map.of("type", type, "name", name, "actions", actions);
    }
}
