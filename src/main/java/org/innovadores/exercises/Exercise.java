package org.innovadores.exercises;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A team's exercise: which template version it follows, its review status, its values at {@code version}. */
public record Exercise(UUID id, UUID teamId, String moduleKey, String templateKey, UUID templateId, String title,
                       Status status, Map<String, JsonValue> values, int version, Instant updatedAt) {

    /**
     * The review cycle: the team submits, a mentor or instructor requests changes or accepts. A draft
     * the team deleted is kept, with its history, for the instructor; it counts nowhere.
     */
    public enum Status {
        DRAFT, SUBMITTED, CHANGES_REQUESTED, ACCEPTED, DELETED;

        /** Whether the team may still change it. */
        public boolean editable() {
            return this == DRAFT || this == CHANGES_REQUESTED;
        }
    }
}
