package org.innovadores.pilots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/** A selected pilot followed: milestones, expenses against the budget, indicators and their measures, go / no-go. */
@ApplicationScoped
public class FollowUp {

    public record Milestone(UUID id, String title, LocalDate due, LocalDate done) {
    }

    public record Expense(UUID id, LocalDate spentOn, BigDecimal amount, String note) {
    }

    public record Measure(LocalDate on, BigDecimal value) {
    }

    /** An indicator of the pilot plan: where it started, where it should get, what was measured (oldest first). */
    public record Indicator(UUID id, String name, BigDecimal baseline, BigDecimal target, List<Measure> measures) {
        public Optional<Measure> latest() {
            return measures.isEmpty() ? Optional.empty() : Optional.of(measures.getLast());
        }

        /** How far the latest value went from the baseline towards the target, 0 to 100 (beyond is shown as 100). */
        public int progress() {
            BigDecimal span = target.subtract(baseline);
            if (span.signum() == 0 || latest().isEmpty()) return 0;
            double done = latest().get().value().subtract(baseline).doubleValue() / span.doubleValue();
            return (int) Math.round(Math.max(0, Math.min(1, done)) * 100);
        }
    }

    public record Decision(String decision, String reason, Instant at, String by) {
    }

    public record State(List<Milestone> milestones, List<Expense> expenses, BigDecimal spent, List<Indicator> indicators,
                        Optional<Decision> decision) {
    }

    @Inject
    Sql db;

    public State of(UUID proposal) {
        List<Milestone> milestones = new ArrayList<>();
        db.query("SELECT id, title, due_on, done_on FROM pilot_milestone WHERE proposal_id = ? ORDER BY due_on, created_at",
                row -> milestones.add(new Milestone(Sql.uuid(row, 1), row.getString(2), Sql.date(row, 3), Sql.date(row, 4))), proposal);
        List<Expense> expenses = new ArrayList<>();
        db.query("SELECT id, spent_on, amount, note FROM pilot_expense WHERE proposal_id = ? ORDER BY spent_on, created_at",
                row -> expenses.add(new Expense(Sql.uuid(row, 1), Sql.date(row, 2), row.getBigDecimal(3), row.getString(4))), proposal);
        BigDecimal spent = expenses.stream().map(Expense::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Indicator> indicators = new ArrayList<>();
        db.query("SELECT id, name, baseline, target FROM pilot_indicator WHERE proposal_id = ? ORDER BY created_at", row -> {
            UUID id = Sql.uuid(row, 1);
            indicators.add(new Indicator(id, row.getString(2), row.getBigDecimal(3), row.getBigDecimal(4), new ArrayList<>()));
        }, proposal);
        for (Indicator i : indicators) {
            db.query("SELECT measured_on, measured FROM pilot_measure WHERE indicator_id = ? ORDER BY measured_on, created_at",
                    row -> i.measures().add(new Measure(Sql.date(row, 1), row.getBigDecimal(2))), i.id());
        }
        List<Decision> decision = new ArrayList<>();
        db.query("SELECT go_decision, go_reason, go_at, go_by FROM pilot_proposal WHERE id = ? AND go_decision IS NOT NULL",
                row -> decision.add(new Decision(row.getString(1), row.getString(2), Sql.time(row, 3).toInstant(), row.getString(4))), proposal);
        return new State(milestones, expenses, spent, indicators, decision.stream().findFirst());
    }

    public void milestone(UUID proposal, String title, LocalDate due) {
        db.update("INSERT INTO pilot_milestone (id, proposal_id, title, due_on, created_at) VALUES (?, ?, ?, ?, ?)", UUID.randomUUID(),
                proposal, title, due, Now.instant().atOffset(ZoneOffset.UTC));
    }

    /** Marks a milestone of this pilot done (or not); another pilot's milestone is not touched. */
    public boolean done(UUID proposal, UUID milestone, LocalDate on) {
        return db.update("UPDATE pilot_milestone SET done_on = ? WHERE id = ? AND proposal_id = ?", on, milestone, proposal) == 1;
    }

    public void expense(UUID proposal, LocalDate on, BigDecimal amount, String note, String author) {
        db.update("INSERT INTO pilot_expense (id, proposal_id, spent_on, amount, note, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), proposal, on, amount, note, author, Now.instant().atOffset(ZoneOffset.UTC));
    }

    public void indicator(UUID proposal, String name, BigDecimal baseline, BigDecimal target) {
        db.update("INSERT INTO pilot_indicator (id, proposal_id, name, baseline, target, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), proposal, name, baseline, target, Now.instant().atOffset(ZoneOffset.UTC));
    }

    /** A measured value of an indicator of this pilot; false when the indicator is another pilot's. */
    public boolean measure(UUID proposal, UUID indicator, LocalDate on, BigDecimal value) {
        List<UUID> own = new ArrayList<>();
        db.query("SELECT id FROM pilot_indicator WHERE id = ? AND proposal_id = ?", row -> own.add(Sql.uuid(row, 1)), indicator, proposal);
        if (own.isEmpty()) return false;
        db.update("INSERT INTO pilot_measure (id, indicator_id, measured_on, measured, created_at) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID(), indicator, on, value, Now.instant().atOffset(ZoneOffset.UTC));
        return true;
    }

    public void decide(UUID proposal, String decision, String reason, String author) {
        db.update("UPDATE pilot_proposal SET go_decision = ?, go_reason = ?, go_at = ?, go_by = ? WHERE id = ?", decision, reason,
                Now.instant().atOffset(ZoneOffset.UTC), author, proposal);
    }
}
