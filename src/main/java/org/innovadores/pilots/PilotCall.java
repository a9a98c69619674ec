package org.innovadores.pilots;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innovadores.program.Localized;

/** A call for funded pilots and what happens in it, as data. */
public final class PilotCall {

    private PilotCall() {
    }

    /** A rubric's line: what is judged, in both languages, and how much it weighs (1 to 100). */
    public record Criterion(String key, Localized label, int weight) {
    }

    public record Call(UUID id, UUID programId, String title, int pilots, BigDecimal budget, String currency, Instant deadline,
                       List<Criterion> criteria, List<String> evaluators, String createdBy, Instant createdAt,
                       Instant decidedAt, String decidedBy, String rationale) {

        public boolean open(Instant now) {
            return now.isBefore(deadline) && decidedAt == null;
        }

        public boolean decided() {
            return decidedAt != null;
        }
    }

    /** What a team proposes, section by section (the problem, the solution, the pilot plan, the theory of change, the ask). */
    public record Proposal(UUID id, UUID callId, UUID teamId, String teamName, Map<String, String> sections, String submittedBy,
                           Instant submittedAt, Boolean selected, String feedback) {
    }

    /** The sections a proposal has, in order; each prefilled from the team's exercises named beside it. */
    public static final List<String> SECTIONS = List.of("problema", "solucion", "plan", "cambio", "pedido");

    public record Score(int score, String why) {
    }

    /** One evaluator's final word on one proposal: a score per criterion, or a declared conflict of interest. */
    public record Review(UUID proposal, String evaluator, Map<String, Score> scores, String conflict, Instant submittedAt) {
    }

    /** The currencies a budget is given in: the program's funders' and Paraguay's. */
    public static final List<String> CURRENCIES = List.of("USD", "PYG");

    /** The lowest and highest score of a criterion. */
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
}
