package org.innovadores.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parsed template versions kept in memory stay within their weight, least recently used first out. */
class TemplatesCacheTest {

    @Test
    void theWeightStaysBoundedAndRecentlyUsedVersionsStay() {
        Templates.Remembered cache = new Templates.Remembered(1000);
        UUID kept = UUID.randomUUID();
        cache.put(kept, new Templates.Version(kept, null, 1, null), 300);
        for (int i = 0; i < 150; i++) {
            UUID id = UUID.randomUUID();
            cache.put(id, new Templates.Version(id, null, 1, null), 300);
            assertThat(cache.get(kept)).as("used between saves, so kept").isNotNull();
            assertThat(cache.weight()).isLessThanOrEqualTo(1000);
        }
        UUID huge = UUID.randomUUID();
        cache.put(huge, new Templates.Version(huge, null, 1, null), 5000);
        assertThat(cache.weight()).isLessThanOrEqualTo(1000);
    }
}
