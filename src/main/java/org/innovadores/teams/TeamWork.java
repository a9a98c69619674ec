package org.innovadores.teams;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innovadores.program.Program;

/**
 * What the exercises feature tells a team's workspace: the exercises the team started and its
 * learning chain. Exercises belong to teams, not the other way round, so the workspace asks through
 * this interface.
 */
public interface TeamWork {

    /** A started exercise as the workspace lists it; {@code status} is the status's name. */
    record Item(UUID id, String moduleKey, String title, String status) {
    }

    /**
     * One test of the learning chain: the assumption map and the assumption it tests (blank when the
     * card names the map only), what the team believes, the learning card and its decision.
     */
    record ChainLink(Item assumptions, String assumption, Item test, String believe, Item learning, String decision) {
    }

    /** The team's work in a course: its exercises, the names of the templates it can start, its chain. */
    record Work(List<Item> exercises, Map<String, String> templateTitles, List<ChainLink> chain) {
    }

    Work of(Program program, UUID team, String lang);

    /** The drafts the team deleted, for those who review its work. */
    List<Item> deleted(UUID team);
}
