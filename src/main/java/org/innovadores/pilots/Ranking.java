package org.innovadores.pilots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking of a call's proposals from the reviews written so far. A proposal's score is the
 * weighted mean of its criteria, each criterion the mean of the evaluators who scored it (declared
 * conflicts count nowhere); its spread is the range between the most and least generous evaluator's
 * weighted total, so a wide disagreement shows before a decision rests on it.
 */
public final class Ranking {

    /** One proposal's place: its weighted mean (null before any review), each criterion's mean, each evaluator's total. */
    public record Place(PilotCall.Proposal proposal, Double weighted, Map<String, Double> byCriterion, Map<String, Double> byEvaluator,
                        double spread, int reviews, int conflicts) {
    }

    private Ranking() {
    }

    public static List<Place> of(PilotCall.Call call, List<PilotCall.Proposal> proposals, List<PilotCall.Review> reviews) {
        List<Place> places = new ArrayList<>();
        for (PilotCall.Proposal proposal : proposals) {
            List<PilotCall.Review> own = reviews.stream().filter(r -> r.proposal().equals(proposal.id())).toList();
            List<PilotCall.Review> scored = own.stream().filter(r -> r.conflict() == null).toList();
            Map<String, Double> byCriterion = new LinkedHashMap<>();
            for (PilotCall.Criterion c : call.criteria()) {
                double[] given = scored.stream().map(r -> r.scores().get(c.key())).filter(s -> s != null)
                        .mapToDouble(PilotCall.Score::score).toArray();
                if (given.length > 0) byCriterion.put(c.key(), java.util.Arrays.stream(given).average().orElseThrow());
            }
            Map<String, Double> byEvaluator = new LinkedHashMap<>();
            for (PilotCall.Review r : scored) byEvaluator.put(r.evaluator(), weighted(call, key -> {
                PilotCall.Score s = r.scores().get(key);
                return s == null ? null : (double) s.score();
            }));
            Double weighted = byCriterion.isEmpty() ? null : weighted(call, byCriterion::get);
            double spread = byEvaluator.isEmpty() ? 0
                    : byEvaluator.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
                    - byEvaluator.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            places.add(new Place(proposal, weighted, byCriterion, byEvaluator, spread, scored.size(), own.size() - scored.size()));
        }
        places.sort(Comparator.comparing((Place p) -> p.weighted() == null ? Double.NEGATIVE_INFINITY : p.weighted()).reversed());
        return places;
    }

    /** Σ weight × score / Σ weight over the criteria that have a score. */
    static double weighted(PilotCall.Call call, java.util.function.Function<String, Double> score) {
        double sum = 0;
        double weights = 0;
        for (PilotCall.Criterion c : call.criteria()) {
            Double s = score.apply(c.key());
            if (s == null) continue;
            sum += c.weight() * s;
            weights += c.weight();
        }
        return weights == 0 ? 0 : sum / weights;
    }
}
