package org.innovadores.program;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the exercises feature tells the program about a person's team, for the modules' completion:
 * which exercise templates the team has handed in (submitted, in review or accepted), by module. A
 * request for changes takes an exercise out until it is submitted again.
 */
public interface TeamProgress {

    /** Template keys by module key; empty when the person is in no team of the course. */
    Optional<Map<String, Set<String>>> handedIn(Program program, String subject);

    /**
     * Where the person works on that exercise: their team's own exercise of that template in that
     * module (the latest), else their team's workspace, where it is started; empty without a team.
     */
    Optional<String> workOn(Program program, String subject, String moduleKey, String templateKey);

    /** An exercise of the person's team sent back for changes, with the reviewer's reason. */
    record SentBack(String title, String path, String reason, String reviewer) {
    }

    /** The team's exercises that wait for its changes, most recently sent back first. */
    List<SentBack> sentBack(Program program, String subject);

    /**
     * The person's team at a glance: its name and workspace, its mentors, its exercises by status,
     * and the mentor's latest word (a comment on the team's work, or the next steps of the last
     * mentoring session, whichever is newer).
     */
    record TeamStatus(String name, String path, List<String> mentors, int drafts, int submitted, int changesRequested, int accepted,
                      Feedback latest) {
    }

    /** What a mentor or instructor last said to the team, where, and when. */
    record Feedback(String author, String text, String about, String path, java.time.Instant at) {
    }

    /** Empty when the person is in no team of the course. */
    Optional<TeamStatus> status(Program program, String subject);
}
