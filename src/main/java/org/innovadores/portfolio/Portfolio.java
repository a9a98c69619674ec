package org.innovadores.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.innovadores.exercises.ExerciseResource.Printed;
import org.innovadores.exercises.FieldValues;
import org.innovadores.pilots.FollowUp;
import org.innovadores.pilots.PilotCall;
import org.innovadores.teams.Team;
import org.innovadores.teams.TeamWork;
import org.innovadores.teams.Teams;

/**
 * A team's whole work as one document: who the team is, what must survive a change of authorities,
 * every exercise's latest content with its pictures and review state, the learning chain, the
 * mentoring log and the pilots it proposed, with their follow-up when selected.
 */
public record Portfolio(Team team, String program, String course, List<String> members, List<String> mentors,
                        List<Printed> exercises, List<TeamWork.ChainLink> chain, List<Teams.LogEntry> log, List<Pilot> pilots,
                        Instant made) {

    static final String ADOPTION = "plan-de-adopcion";

    /** A proposal the team sent to a pilot call, its outcome, and its follow-up once selected. */
    public record Pilot(PilotCall.Call call, PilotCall.Proposal proposal, Optional<FollowUp.State> followUp) {
    }

    /** The latest adoption plan: the owning unit and what must survive a change of authorities. */
    public Optional<Printed> adoption() {
        return exercises.stream().filter(p -> p.exercise().templateKey().equals(ADOPTION)).reduce((a, b) -> b);
    }

    public String survive() {
        return adoption().map(p -> FieldValues.string(p.exercise().values().get("sobrevivir"))).orElse("");
    }

    public String owner() {
        return adoption().map(p -> FieldValues.string(p.exercise().values().get("unidad"))).orElse("");
    }
}
