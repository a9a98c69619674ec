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
}
