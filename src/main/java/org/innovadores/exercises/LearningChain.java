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
 * The team's learning chain, as its log shows it: each test card with the assumption it tests (one
 * row of the assumption map; a card started on an earlier template names the whole map) and the
 * learning card that reports on it, with the decision taken. Built from the exercises' link
 * fields, so it follows whatever the team linked.
 */
public final class LearningChain {

    static final String ASSUMPTIONS = "mapa-de-supuestos";
    static final String TEST_CARD = "tarjeta-de-experimento";
    static final String LEARNING_CARD = "tarjeta-de-aprendizaje";

    private LearningChain() {
    }

    /**
     * The chain of the team's work; {@code templateOf} gives each exercise's template version, whose
     * first table holds the rows a test card can name.
     */
    public static List<TeamWork.ChainLink> of(List<Exercise> work, Function<Exercise, TemplateDefinition> templateOf) {
        Map<UUID, Exercise> byId = work.stream().collect(Collectors.toMap(Exercise::id, Function.identity()));
        List<TeamWork.ChainLink> chain = new ArrayList<>();
        for (Exercise test : work) {
            if (!test.templateKey().equals(TEST_CARD)) continue;
            String link = FieldValues.strings(test.values().get("supuesto")).stream().findFirst().orElse("");
            Exercise assumptions = exercise(link, byId).orElse(null);
            String assumption = assumptions == null || !link.contains("/") ? ""
                    : rowText(assumptions, templateOf.apply(assumptions), link.substring(link.indexOf('/') + 1));
            Exercise learning = work.stream().filter(e -> e.templateKey().equals(LEARNING_CARD))
                    .filter(e -> FieldValues.strings(e.values().get("experimento")).stream().findFirst()
                            .flatMap(id -> exercise(id, byId)).map(t -> t.id().equals(test.id())).orElse(false))
                    .findFirst().orElse(null);
            chain.add(new TeamWork.ChainLink(TeamExercises.item(assumptions), assumption, TeamExercises.item(test),
                    FieldValues.string(test.values().get("creemos")), TeamExercises.item(learning),
                    learning == null ? "" : FieldValues.string(learning.values().get("decision"))));
        }
        return chain;
    }

    /** The text of the row a link names: the first column of the linked exercise's first table. */
    static String rowText(Exercise exercise, TemplateDefinition template, String rowId) {
        if (template == null) return "";
        return template.rowsField().map(field -> {
            List<Map<String, String>> rows = FieldValues.rows(exercise.values().get(field.key()));
            String column = (field.type() == TemplateDefinition.Type.MATRIX ? field.itemColumns() : field.columns()).get(0).key();
            for (int r = 0; r < rows.size(); r++) {
                if (FieldValues.rowId(rows.get(r), r).equals(rowId)) return rows.get(r).getOrDefault(column, "");
            }
            return "";
        }).orElse("");
    }

    /** The exercise a link names: "id", or "id/row" for one of its rows. */
    private static Optional<Exercise> exercise(String link, Map<UUID, Exercise> byId) {
        int slash = link.indexOf('/');
        try {
            return Optional.ofNullable(byId.get(UUID.fromString(slash < 0 ? link : link.substring(0, slash))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
