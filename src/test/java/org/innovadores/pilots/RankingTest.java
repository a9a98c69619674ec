package org.innovadores.pilots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innovadores.program.Localized;
import org.junit.jupiter.api.Test;

/** The ranking's maths: criterion means over evaluators, weights in proportion, conflicts nowhere, the spread. */
class RankingTest {

    private static final PilotCall.Call CALL = new PilotCall.Call(UUID.randomUUID(), UUID.randomUUID(), "Convocatoria", 2,
            new BigDecimal("15000"), "USD", Instant.now(), List.of(new PilotCall.Criterion("impacto", Localized.of("Impacto", "Impact"), 30),
            new PilotCall.Criterion("costo", Localized.of("Costo", "Cost"), 10)), List.of("eva", "ema", "ela"), "irene", Instant.now(),
            null, null, null);

    private static PilotCall.Proposal proposal(String team) {
        return new PilotCall.Proposal(UUID.randomUUID(), CALL.id(), UUID.randomUUID(), team, Map.of(), "ana", Instant.now(), null, null);
    }

    private static PilotCall.Review scored(PilotCall.Proposal p, String evaluator, int impacto, int costo) {
        return new PilotCall.Review(p.id(), evaluator, Map.of("impacto", new PilotCall.Score(impacto, "porque"),
                "costo", new PilotCall.Score(costo, "porque")), null, Instant.now());
    }

    @Test
    void weightedMeansOrderTheProposalsAndConflictsCountNowhere() {
        PilotCall.Proposal salud = proposal("Equipo Salud");
        PilotCall.Proposal tierras = proposal("Equipo Tierras");
        PilotCall.Proposal agua = proposal("Equipo Agua");
        List<Ranking.Place> places = Ranking.of(CALL, List.of(salud, tierras, agua), List.of(
                scored(salud, "eva", 4, 2), scored(salud, "ema", 2, 4),
                scored(tierras, "eva", 5, 5), new PilotCall.Review(tierras.id(), "ema", null, "Mentorea al equipo", Instant.now())));
        assertThat(places).extracting(p -> p.proposal().teamName()).containsExactly("Equipo Tierras", "Equipo Salud", "Equipo Agua");
        Ranking.Place first = places.get(0);
        assertThat(first.weighted()).isEqualTo(5.0);
        assertThat(first.reviews()).isEqualTo(1);
        assertThat(first.conflicts()).as("declared, and left out of the means").isEqualTo(1);
        Ranking.Place second = places.get(1);
        // impacto mean 3, costo mean 3 → 3; eva 4·30+2·10 = 140/40 = 3.5; ema 2·30+4·10 = 100/40 = 2.5; spread 1.
        assertThat(second.byCriterion()).containsEntry("impacto", 3.0).containsEntry("costo", 3.0);
        assertThat(second.weighted()).isCloseTo(3.0, within(1e-9));
        assertThat(second.byEvaluator()).containsEntry("eva", 3.5).containsEntry("ema", 2.5);
        assertThat(second.spread()).isCloseTo(1.0, within(1e-9));
        assertThat(places.get(2).weighted()).as("no review yet").isNull();
    }
}
