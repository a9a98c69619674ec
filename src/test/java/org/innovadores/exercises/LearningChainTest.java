package org.innovadores.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innovadores.teams.TeamWork;
import org.junit.jupiter.api.Test;

/**
 * The chain pairs each test card with the assumption it names: one row of the map (found by the
 * row's id, wherever the row is now), or, for a card started on the earlier template that linked the
 * whole map, the map itself.
 */
class LearningChainTest {

    private static final UUID TEAM = UUID.randomUUID();
    private static final TemplateDefinition MAP = TemplateSeed.shipped().templates().stream()
            .filter(t -> t.key().equals(LearningChain.ASSUMPTIONS)).findFirst().orElseThrow();

    private static Exercise exercise(String template, String title, Map<String, JsonValue> values) {
        return new Exercise(UUID.randomUUID(), TEAM, "prototipado-y-testeo", template, UUID.randomUUID(), title,
                Exercise.Status.DRAFT, values, 1, Instant.now());
    }

    @Test
    void aCardNamesOneAssumptionByItsRowIdAndAnOlderCardTheWholeMap() {
        Exercise map = exercise(LearningChain.ASSUMPTIONS, "Mapa de supuestos", Map.of("supuestos", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("supuesto", "El personal respondería").add("_id", "b7"))
                .add(Json.createObjectBuilder().add("supuesto", "Las familias usarían SMS").add("_id", "a1")).build()));
        Exercise card = exercise(LearningChain.TEST_CARD, "Tarjeta de experimento", Map.of(
                "supuesto", Json.createArrayBuilder().add(map.id() + "/a1").build(), "creemos", Json.createValue("Un SMS reduce la espera")));
        Exercise older = exercise(LearningChain.TEST_CARD, "Tarjeta de experimento 2", Map.of(
                "supuesto", Json.createArrayBuilder().add(map.id().toString()).build()));
        Exercise learning = exercise(LearningChain.LEARNING_CARD, "Tarjeta de aprendizaje", Map.of(
                "experimento", Json.createArrayBuilder().add(card.id().toString()).build(), "decision", Json.createValue("perseverar")));

        List<TeamWork.ChainLink> chain = LearningChain.of(List.of(map, card, older, learning), e -> e == map ? MAP : null);

        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).assumptions().id()).isEqualTo(map.id());
        assertThat(chain.get(0).assumption()).isEqualTo("Las familias usarían SMS");
        assertThat(chain.get(0).believe()).isEqualTo("Un SMS reduce la espera");
        assertThat(chain.get(0).learning().id()).isEqualTo(learning.id());
        assertThat(chain.get(0).decision()).isEqualTo("perseverar");
        assertThat(chain.get(1).assumptions().id()).as("the earlier card's link to the whole map still reads").isEqualTo(map.id());
        assertThat(chain.get(1).assumption()).isEmpty();
        assertThat(chain.get(1).learning()).isNull();
    }

    @Test
    void rowsSavedBeforeRowsHadIdsAreKnownByTheirPlace() {
        Exercise map = exercise(LearningChain.ASSUMPTIONS, "Mapa de supuestos", Map.of("supuestos", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("supuesto", "Primero"))
                .add(Json.createObjectBuilder().add("supuesto", "Segundo")).build()));
        assertThat(LearningChain.rowText(map, MAP, "r1")).isEqualTo("Segundo");
        assertThat(LearningChain.rowText(map, MAP, "zz")).isEmpty();
    }
}
