package org.innovadores.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.innovadores.exercises.Exercise;
import org.innovadores.program.Documents;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;
import org.innovadores.teams.Team;

/**
 * The teams' published work. A member proposes one of the team's exercises (its content is kept as it
 * is then); it is published when every member of the team has consented; any member withdraws it.
 */
@ApplicationScoped
public class Gallery {

    /** A portfolio's method key, in searches and filters. */
    public static final String PORTFOLIO = "portafolio";

    public record Publication(UUID id, UUID teamId, UUID exerciseId, UUID templateId, String templateKey, String title,
                              String teamName, String institution, String challenge, String values, Instant createdAt,
                              Instant publishedAt, List<String> consents) {
        public boolean published() {
            return publishedAt != null;
        }

        public boolean portfolio() {
            return PORTFOLIO.equals(templateKey);
        }

        boolean matches(String query, String method) {
            if (method != null && !method.isBlank() && !method.equals(templateKey)) return false;
            if (query == null || query.isBlank()) return true;
            String all = String.join(" ", title, teamName, institution, challenge).toLowerCase(Locale.ROOT);
            return java.util.Arrays.stream(query.toLowerCase(Locale.ROOT).strip().split("\\s+")).allMatch(all::contains);
        }
    }

    @Inject
    Sql db;

    public void propose(UUID deployment, Team team, Exercise exercise, String subject, Set<String> members) {
        if (!of(team.id()).stream().filter(p -> p.exerciseId().equals(exercise.id())).toList().isEmpty()) return;
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO network_publication (id, deployment_id, program_id, team_id, exercise_id, template_id, template_key, title, "
                + "team_name, institution, challenge, field_values, proposed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, deployment, team.programId(), team.id(), exercise.id(), exercise.templateId(), exercise.templateKey(), exercise.title(),
                team.name(), team.institutions() == null ? "" : team.institutions(), team.challenge() == null ? "" : team.challenge(),
                Documents.write(exercise.values()), subject, Now.instant().atOffset(ZoneOffset.UTC));
        consent(team.id(), id, subject, members);
    }

    /**
     * The team's portfolio proposed whole: every exercise it handed in, as it is now, each with the
     * template version it was written on ({@code [{title, template, values}]}). One per team.
     */
    public void proposePortfolio(UUID deployment, Team team, String title, List<Exercise> work, String subject, Set<String> members) {
        if (of(team.id()).stream().anyMatch(Publication::portfolio)) return;
        jakarta.json.JsonArrayBuilder parts = jakarta.json.Json.createArrayBuilder();
        for (Exercise e : work) {
            jakarta.json.JsonObjectBuilder values = jakarta.json.Json.createObjectBuilder();
            e.values().forEach(values::add);
            parts.add(jakarta.json.Json.createObjectBuilder().add("title", e.title()).add("template", e.templateId().toString()).add("values", values));
        }
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO network_publication (id, deployment_id, program_id, team_id, exercise_id, template_id, template_key, title, "
                + "team_name, institution, challenge, field_values, proposed_by, created_at, kind) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, deployment, team.programId(), team.id(), team.id(), PORTFOLIO, title, team.name(),
                team.institutions() == null ? "" : team.institutions(), team.challenge() == null ? "" : team.challenge(),
                parts.build().toString(), subject, Now.instant().atOffset(ZoneOffset.UTC), "PORTFOLIO");
        consent(team.id(), id, subject, members);
    }

    /** A member's consent; the last one needed publishes it. */
    public void consent(UUID team, UUID publication, String subject, Set<String> members) {
        Optional<Publication> found = find(team, publication);
        if (found.isEmpty() || !members.contains(subject)) return;
        if (!found.get().consents().contains(subject)) {
            db.update("INSERT INTO network_consent (publication_id, subject, consented_at) VALUES (?, ?, ?)", publication, subject,
                    Now.instant().atOffset(ZoneOffset.UTC));
        }
        Publication now = find(team, publication).orElseThrow();
        if (!now.published() && now.consents().containsAll(members)) {
            db.update("UPDATE network_publication SET published_at = ? WHERE id = ? AND published_at IS NULL",
                    Now.instant().atOffset(ZoneOffset.UTC), publication);
        }
    }

    /** Withdrawn by any member: it leaves the gallery and its consents go with it. */
    public boolean withdraw(UUID team, UUID publication) {
        if (find(team, publication).isEmpty()) return false;
        db.update("DELETE FROM network_consent WHERE publication_id = ?", publication);
        db.update("DELETE FROM network_publication WHERE id = ? AND team_id = ?", publication, team);
        return true;
    }

    /** The team's own, pending or published. */
    public List<Publication> of(UUID team) {
        return read("WHERE team_id = ? ORDER BY created_at", team);
    }

    public Optional<Publication> find(UUID team, UUID publication) {
        return read("WHERE id = ? AND team_id = ?", publication, team).stream().findFirst();
    }

    /** Published work of the deployment matching the words and the method; newest first. */
    public List<Publication> search(UUID deployment, String query, String method) {
        return read("WHERE deployment_id = ? AND published_at IS NOT NULL ORDER BY published_at DESC", deployment).stream()
                .filter(p -> p.matches(query, method)).toList();
    }

    public Optional<Publication> published(UUID deployment, UUID publication) {
        return read("WHERE id = ? AND deployment_id = ? AND published_at IS NOT NULL", publication, deployment).stream().findFirst();
    }

    private List<Publication> read(String where, Object... values) {
        List<Publication> found = new ArrayList<>();
        db.query("SELECT id, team_id, exercise_id, template_id, template_key, title, team_name, institution, challenge, field_values, "
                + "created_at, published_at FROM network_publication " + where, row -> found.add(new Publication(Sql.uuid(row, 1),
                Sql.uuid(row, 2), Sql.uuid(row, 3), Sql.uuid(row, 4), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), row.getString(9), row.getString(10), Sql.time(row, 11).toInstant(),
                Sql.time(row, 12) == null ? null : Sql.time(row, 12).toInstant(), new ArrayList<>())), values);
        for (Publication p : found) {
            db.query("SELECT subject FROM network_consent WHERE publication_id = ? ORDER BY consented_at", row -> p.consents().add(row.getString(1)),
                    p.id());
        }
        return found;
    }
}
