package org.innovadores.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.innovadores.teams.TeamWork;

/**
 * The team's learning chain, as its log shows it: each test card with the assumption map it tests
 * and the learning card that reports on it, with the decision taken. Built from the exercises' link
 * fields, so it follows whatever the team linked.
 */
public final class LearningChain {

    static final String ASSUMPTIONS = "mapa-de-supuestos";
    static final String TEST_CARD = "tarjeta-de-experimento";
    static final String LEARNING_CARD = "tarjeta-de-aprendizaje";

    private LearningChain() {
    }

    public static List<TeamWork.ChainLink> of(List<Exercise> work) {
        Map<UUID, Exercise> byId = work.stream().collect(Collectors.toMap(Exercise::id, Function.identity()));
        List<TeamWork.ChainLink> chain = new ArrayList<>();
        for (Exercise test : work) {
            if (!test.templateKey().equals(TEST_CARD)) continue;
            Exercise assumptions = linked(test, "supuesto", byId).orElse(null);
            Exercise learning = work.stream().filter(e -> e.templateKey().equals(LEARNING_CARD))
                    .filter(e -> linked(e, "experimento", byId).map(t -> t.id().equals(test.id())).orElse(false))
                    .findFirst().orElse(null);
            chain.add(new TeamWork.ChainLink(TeamExercises.item(assumptions), TeamExercises.item(test),
                    FieldValues.string(test.values().get("creemos")), TeamExercises.item(learning),
                    learning == null ? "" : FieldValues.string(learning.values().get("decision"))));
        }
        return chain;
    }

    private static Optional<Exercise> linked(Exercise from, String field, Map<UUID, Exercise> byId) {
        return FieldValues.strings(from.values().get(field)).stream().findFirst().map(id -> {
            try {
                return byId.get(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }
}
