package org.magentokafka.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class PropertyNamesTest {

    @Test
    void theEnvironmentFormIsUpperCaseWithUnderscores() {
        assertEquals("MAGENTO_STREAMS_CMS_PAGES_ENABLED", PropertyNames.envName("magento.streams.cms-pages.enabled"));
    }

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertEquals(3, PropertyNames.distance("kitten", "sitting"));
    }

    @Test
    void theNearestCandidateWins() {
        assertEquals("magento.page-size", PropertyNames.nearest("magento.page_siz",
                List.of("magento.base-url", "magento.page-size", "magento.poll-interval"), Integer.MAX_VALUE));
    }

    @Test
    void noCandidateWithinTheLimitIsNoSuggestion() {
        assertNull(PropertyNames.nearest("kafka.something.else", List.of("kafka.acks", "kafka.linger.ms"), 2));
    }
}
