package org.innovadores.pilots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/** The calls, proposals and reviews of a course, in its database. */
@ApplicationScoped
public class PilotCalls {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** A review may not be changed once written: the key refuses a second one, so two submits keep the first. */
    public static final class AlreadyReviewed extends RuntimeException {
        AlreadyReviewed() {
            super("already reviewed", null, false, false);
        }
    }

    @Inject
    Sql db;

    public PilotCall.Call open(UUID program, String title, int pilots, BigDecimal budget, String currency, Instant deadline,
                               List<PilotCall.Criterion> criteria, List<String> evaluators, String author) {
        UUID id = UUID.randomUUID();
        Instant now = Now.instant();
        db.update("INSERT INTO pilot_call (id, program_id, title, pilots, budget, currency, deadline, criteria, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, program, title, pilots, budget, currency, utc(deadline),
                JSON.toJson(criteria), author, utc(now));
        for (String evaluator : evaluators) db.update("INSERT INTO pilot_evaluator (call_id, subject) VALUES (?, ?)", id, evaluator);
        return find(program, id).orElseThrow();
    }

    public List<PilotCall.Call> of(UUID program) {
        List<UUID> ids = new ArrayList<>();
        db.query("SELECT id FROM pilot_call WHERE program_id = ? ORDER BY created_at DESC", row -> ids.add(Sql.uuid(row, 1)), program);
        return ids.stream().map(id -> find(program, id).orElseThrow()).toList();
    }

    /** The call of this course with that id; another course's is not found. */
    public Optional<PilotCall.Call> find(UUID program, UUID id) {
        List<String> evaluators = new ArrayList<>();
        db.query("SELECT subject FROM pilot_evaluator WHERE call_id = ? ORDER BY subject", row -> evaluators.add(row.getString(1)), id);
        List<PilotCall.Call> found = new ArrayList<>();
        db.query("SELECT id, program_id, title, pilots, budget, currency, deadline, criteria, created_by, created_at, decided_at, "
                + "decided_by, rationale FROM pilot_call WHERE id = ? AND program_id = ?", row -> found.add(new PilotCall.Call(
                Sql.uuid(row, 1), Sql.uuid(row, 2), row.getString(3), row.getInt(4), row.getBigDecimal(5), row.getString(6),
                Sql.time(row, 7).toInstant(), criteria(row.getString(8)), List.copyOf(evaluators), row.getString(9),
                Sql.time(row, 10).toInstant(), instant(Sql.time(row, 11)), row.getString(12), row.getString(13))), id, program);
        return found.stream().findFirst();
    }

    /** Writes the team's proposal, or replaces it while the call is open; false when the call has closed meanwhile. */
    public boolean propose(PilotCall.Call call, UUID team, Map<String, String> sections, String author) {
        Instant now = Now.instant();
        if (!call.open(now)) return false;
        String json = JSON.toJson(sections);
        int changed = db.update("UPDATE pilot_proposal SET sections = ?, submitted_by = ?, submitted_at = ? WHERE call_id = ? AND team_id = ?",
                json, author, utc(now), call.id(), team);
        if (changed == 0) {
            db.update("INSERT INTO pilot_proposal (id, call_id, team_id, sections, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), call.id(), team, json, author, utc(now));
        }
        return true;
    }

    public List<PilotCall.Proposal> proposals(PilotCall.Call call) {
        List<PilotCall.Proposal> found = new ArrayList<>();
        db.query("SELECT p.id, p.call_id, p.team_id, t.name, p.sections, p.submitted_by, p.submitted_at, p.selected, p.feedback "
                + "FROM pilot_proposal p JOIN team t ON t.id = p.team_id WHERE p.call_id = ?", row -> found.add(new PilotCall.Proposal(
                Sql.uuid(row, 1), Sql.uuid(row, 2), Sql.uuid(row, 3), row.getString(4), sections(row.getString(5)), row.getString(6),
                Sql.time(row, 7).toInstant(), (Boolean) row.getObject(8), row.getString(9))), call.id());
        found.sort(java.util.Comparator.comparing(PilotCall.Proposal::teamName, org.innovadores.web.Texts.ALPHABETICAL));
        return found;
    }

    public void review(PilotCall.Proposal proposal, String evaluator, Map<String, PilotCall.Score> scores, String conflict) {
        try {
            db.update("INSERT INTO pilot_review (proposal_id, evaluator, scores, conflict, submitted_at) VALUES (?, ?, ?, ?, ?)",
                    proposal.id(), evaluator, scores == null ? null : JSON.toJson(scores), conflict, utc(Now.instant()));
        } catch (IllegalStateException duplicate) {
            if (reviews(List.of(proposal)).stream().anyMatch(r -> r.evaluator().equals(evaluator))) throw new AlreadyReviewed();
            throw duplicate;
        }
    }

    public List<PilotCall.Review> reviews(List<PilotCall.Proposal> proposals) {
        List<PilotCall.Review> found = new ArrayList<>();
        for (PilotCall.Proposal p : proposals) {
            db.query("SELECT proposal_id, evaluator, scores, conflict, submitted_at FROM pilot_review WHERE proposal_id = ? "
                    + "ORDER BY submitted_at", row -> found.add(new PilotCall.Review(Sql.uuid(row, 1), row.getString(2),
                    scores(row.getString(3)), row.getString(4), Sql.time(row, 5).toInstant())), p.id());
        }
        return found;
    }

    /** Closes an open call now (every team has proposed, or the date must move up); proposals are refused from then on. */
    public boolean close(PilotCall.Call call) {
        Instant now = Now.instant();
        return db.update("UPDATE pilot_call SET deadline = ? WHERE id = ? AND deadline > ? AND decided_at IS NULL", utc(now), call.id(),
                utc(now)) == 1;
    }

    /** The decision: which proposals get a pilot, why, and each team's feedback. Once only. */
    public boolean decide(PilotCall.Call call, List<UUID> selected, String rationale, Map<UUID, String> feedback, String author) {
        int decided = db.update("UPDATE pilot_call SET decided_at = ?, decided_by = ?, rationale = ? WHERE id = ? AND decided_at IS NULL",
                utc(Now.instant()), author, rationale, call.id());
        if (decided == 0) return false;
        for (PilotCall.Proposal p : proposals(call)) {
            db.update("UPDATE pilot_proposal SET selected = ?, feedback = ? WHERE id = ?", selected.contains(p.id()),
                    feedback.getOrDefault(p.id(), ""), p.id());
        }
        return true;
    }

    private static List<PilotCall.Criterion> criteria(String json) {
        return List.of(JSON.fromJson(json, PilotCall.Criterion[].class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> sections(String json) {
        Map<String, String> read = JSON.fromJson(json, new HashMap<String, String>() { }.getClass().getGenericSuperclass());
        Map<String, String> ordered = new LinkedHashMap<>();
        PilotCall.SECTIONS.forEach(s -> ordered.put(s, read.getOrDefault(s, "")));
        return ordered;
    }

    private static Map<String, PilotCall.Score> scores(String json) {
        if (json == null) return Map.of();
        Map<String, PilotCall.Score> read = JSON.fromJson(json, new HashMap<String, PilotCall.Score>() { }.getClass().getGenericSuperclass());
        return Map.copyOf(read);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
