package io.jenkins.plugins.multiarch.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> KEYS = FanOutArguments.KEYS;

    @Test
    void suggestsTheNearestKeyForTyposSwapsAndCase() {
        assertEquals(Optional.of("platforms"), DidYouMean.closest("platfroms", KEYS)); // a swap is one edit
        assertEquals(Optional.of("platforms"), DidYouMean.closest("platform", KEYS));
        assertEquals(Optional.of("credentialsId"), DidYouMean.closest("credentialId", KEYS));
        assertEquals(Optional.of("agentLabel"), DidYouMean.closest("AgentLabel", KEYS));
        assertEquals(Optional.of("tags"), DidYouMean.closest("tag", KEYS));
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertEquals(Optional.empty(), DidYouMean.closest("somethingElse", KEYS));
        assertEquals(Optional.empty(), DidYouMean.closest("x", KEYS));
    }

    @Test
    void countsEdits() {
        assertEquals(0, DidYouMean.distance("tags", "tags"));
        assertEquals(1, DidYouMean.distance("tgas", "tags"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals(4, DidYouMean.distance("", "tags"));
    }
}
