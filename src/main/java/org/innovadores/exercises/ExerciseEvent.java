package org.innovadores.exercises;

import java.util.List;
import java.util.UUID;
import org.innovadores.program.Program;

/**
 * Something happened to a team's exercise that people other than its author should hear of: it was
 * handed in, sent back with a reason, accepted, or commented on. Fired inside the transaction that
 * records it.
 *
 * @param members      the team's members when it happened
 * @param byMember     whether the author is one of them
 * @param text         the reason or the comment
 * @param replyTo      the author of the comment answered, or null
 */
public record ExerciseEvent(Program program, UUID team, UUID exercise, String title, Kind kind, String author, String authorName,
                            boolean byMember, String text, String replyTo, List<String> members) {

    public enum Kind { SUBMITTED, CHANGES_REQUESTED, ACCEPTED, COMMENTED }

    /** Where the exercise is, inside the tool. */
    public String path() {
        return "/course/teams/" + team + "/exercises/" + exercise;
    }
}
