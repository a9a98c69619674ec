package org.innovadores.portfolio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.innovadores.exercises.ExerciseResource.Printed;
import org.innovadores.exercises.PrintedWork;
import org.innovadores.pilots.FollowUp;
import org.innovadores.pilots.PilotCall;
import org.innovadores.pilots.PilotCalls;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.runtime.Now;
import org.innovadores.teams.Team;
import org.innovadores.teams.TeamWork;
import org.innovadores.teams.Teams;

/** Gathers a team's portfolio from the features that keep each part. */
@ApplicationScoped
public class Portfolios {

    @Inject
    Teams teams;

    @Inject
    PrintedWork printedWork;

    @Inject
    TeamWork work;

    @Inject
    Programs programs;

    @Inject
    PilotCalls calls;

    @Inject
    FollowUp followUp;

    public Portfolio of(Program program, Team team, String course, String lang) {
        Map<String, String> names = new HashMap<>();
        teams.people(program.id()).forEach(p -> names.put(p.subject(), p.name()));
        List<String> members = teams.members(team).stream().map(Teams.Person::name).toList();
        List<String> mentors = teams.mentors(team).stream().map(s -> names.getOrDefault(s, s)).toList();
        // Exercises in the program's order of modules, then in the order they were started.
        Map<String, Integer> position = new HashMap<>();
        List<ProgramModule> modules = programs.modules(program);
        for (int i = 0; i < modules.size(); i++) position.put(modules.get(i).key(), i);
        List<Printed> exercises = new ArrayList<>(printedWork.of(team.id()));
        exercises.sort(Comparator.comparing((Printed p) -> position.getOrDefault(p.exercise().moduleKey(), Integer.MAX_VALUE)));
        List<Portfolio.Pilot> pilots = new ArrayList<>();
        for (PilotCall.Call call : calls.of(program.id())) {
            for (PilotCall.Proposal proposal : calls.proposals(call)) {
                if (!proposal.teamId().equals(team.id())) continue;
                Optional<FollowUp.State> state = Boolean.TRUE.equals(proposal.selected()) ? Optional.of(followUp.of(proposal.id())) : Optional.empty();
                pilots.add(new Portfolio.Pilot(call, proposal, state));
            }
        }
        return new Portfolio(team, program.title().text(lang), course, members, mentors, exercises,
                work.of(program, team.id(), lang).chain(), teams.log(team), pilots, Now.instant());
    }
}
