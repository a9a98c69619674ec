package org.innovadores.program;

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
}
