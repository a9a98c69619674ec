package org.innovadores.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Items go where their values say: by their two ratings in the 2×2, on their level's ring in the actor map. */
class PicturesTest {

    @Test
    void theMatrixPlacesEachItemByItsRatingsAndSetsTwinsSideBySide() {
        List<Pictures.Point> points = Pictures.matrix(List.of(
                Map.of("supuesto", "Llaman por teléfono", "x", "1", "y", "1"),
                Map.of("supuesto", "Confían en el SMS", "x", "5", "y", "5"),
                Map.of("supuesto", "Tienen celular", "x", "3", "y", "4"),
                Map.of("supuesto", "Leen el SMS", "x", "3", "y", "4")), "supuesto");
        assertThat(points).extracting(Pictures.Point::x, Pictures.Point::y).containsExactly(
                org.assertj.core.groups.Tuple.tuple("40.0", "280.0"), // low evidence, low importance: bottom left
                org.assertj.core.groups.Tuple.tuple("280.0", "40.0"), // both high: top right
                org.assertj.core.groups.Tuple.tuple("160.0", "100.0"),
                org.assertj.core.groups.Tuple.tuple("172.0", "100.0")); // the same ratings, beside the first
        assertThat(points.get(1).label()).isEqualTo("Confían en el SMS");
        assertThat(points).extracting(Pictures.Point::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void actorsSitOnTheirLevelsRingAndThoseToResearchAreMarked() {
        List<Pictures.Point> points = Pictures.rings(List.of(
                Map.of("actor", "Familias", "nivel", "micro", "investigar", "si"),
                Map.of("actor", "Hospital", "nivel", "meso", "investigar", ""),
                Map.of("actor", "Ministerio", "nivel", "macro", "investigar", "si"),
                Map.of("actor", "Sin nivel", "nivel", ""),
                Map.of("actor", "Centro de salud", "nivel", "meso")), "actor", "nivel", "investigar");
        assertThat(points).extracting(Pictures.Point::number).as("an actor without a level is not drawn").containsExactly(1, 2, 3, 5);
        double[] distance = points.stream().mapToDouble(p -> Math.hypot(p.cx() - 160, p.cy() - 160)).toArray();
        assertThat(distance[0]).as("the only micro actor at the centre").isLessThan(Pictures.ring(0));
        assertThat(distance[1]).isBetween(Pictures.ring(0), Pictures.ring(1));
        assertThat(distance[3]).isBetween(Pictures.ring(0), Pictures.ring(1));
        assertThat(distance[2]).isBetween(Pictures.ring(1), Pictures.ring(2));
        assertThat(points.get(1).cy()).as("two on the meso ring, opposite each other").isNotEqualTo(points.get(3).cy());
        assertThat(points).extracting(Pictures.Point::marked).containsExactly(true, false, true, false);
    }

    @Test
    void theTreeHasEffectsAboveTheProblemCausesBelowAndEachSubCauseUnderItsCause() {
        Pictures.Tree tree = Pictures.tree("Las familias esperan meses un turno", List.of("Abandonan el tratamiento", "Reclaman"),
                List.of(Map.of("causa", "Agenda en papel", "subcausa-de", ""),
                        Map.of("causa", "Pocos médicos", "subcausa-de", ""),
                        Map.of("causa", "No hay sistema de turnos", "subcausa-de", "1"),
                        Map.of("causa", "Presupuesto congelado", "subcausa-de", "pocos médicos")), "causa", "subcausa-de");
        double problemTop = tree.problem().y();
        assertThat(tree.effects()).hasSize(2).allSatisfy(e -> assertThat(e.y() + e.height()).isLessThan(problemTop));
        assertThat(tree.causes()).extracting(Pictures.Box::number).containsExactly(1, 2);
        assertThat(tree.causes()).allSatisfy(c -> assertThat(c.y()).isGreaterThan(problemTop + tree.problem().height()));
        assertThat(tree.subCauses()).extracting(Pictures.Box::number).containsExactly(3, 4);
        // Sub-cause 3 names cause 1 by number, sub-cause 4 names cause 2 by its text: each edge goes up to its own cause.
        assertThat(tree.edges()).filteredOn(e -> tree.subCauses().contains(e.from()))
                .extracting(e -> e.from().number() + "→" + e.to().number()).containsExactly("3→1", "4→2");
        assertThat(tree.subCauses().get(0).y()).isGreaterThan(tree.causes().get(0).y() + tree.causes().get(0).height());
        assertThat(tree.edges()).filteredOn(e -> e.to() == tree.problem()).hasSize(2);
        assertThat(tree.height()).isGreaterThan(tree.subCauses().get(0).y() + tree.subCauses().get(0).height());
    }

    @Test
    void longTextIsWrappedInThreeLinesThatFitTheBox() {
        List<String> lines = Pictures.wrap("Las personas mayores no pueden pedir turno por internet y hacen fila desde la madrugada "
                + "en la puerta del hospital regional", 140);
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(19));
        assertThat(lines.get(2)).endsWith("…");
        assertThat(Pictures.wrap("", 140)).isEmpty();
    }

    @Test
    void theJourneyCurvePlacesEachStageByItsPlaceAndItsEmotion() {
        List<Pictures.Stage> stages = Pictures.curve(List.of(
                Map.of("etapa", "Se entera", "emocion", "4"),
                Map.of("etapa", "Pide turno", "emocion", "1"),
                Map.of("etapa", "Espera", "emocion", ""),
                Map.of("etapa", "Es atendida", "emocion", "5")), "etapa", "emocion", 1, 5);
        // Four stages spread from x 40 to 600; the one without a rating is not on the curve; 5 on top (y 20), 1 at the bottom (y 170).
        assertThat(stages).extracting(Pictures.Stage::number, Pictures.Stage::x, Pictures.Stage::y).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "40.0", "57.5"),
                org.assertj.core.groups.Tuple.tuple(2, "226.7", "170.0"),
                org.assertj.core.groups.Tuple.tuple(4, "600.0", "20.0"));
        assertThat(Pictures.polyline(stages)).isEqualTo("40.0,57.5 226.7,170.0 600.0,20.0");
    }
}
