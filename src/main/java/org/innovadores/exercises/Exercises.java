package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * The teams' exercises. A save names the version it was based on; under a row lock it is merged
 * field by field with what is stored ({@link Merge}), written as the next version with a revision
 * saying who changed which fields, and any field two people changed differently is kept as an open
 * conflict. Nothing a member typed is dropped.
 */
@ApplicationScoped
public class Exercises {

    @Inject
    Sql db;

    public record Revision(int version, Map<String, JsonValue> values, Exercise.Status status, List<String> changed,
                           String author, String authorName, Instant at) {
    }

    public record OpenConflict(UUID id, String field, JsonValue proposed, String author, String authorName, Instant at) {
    }

    public record Comment(UUID id, String field, UUID parent, String body, String author, String authorName, Instant at,
                          boolean resolved) {
    }

    /** What a save did: the exercise after it, the fields it changed, the conflicts it left. */
    public record Saved(Exercise exercise, List<String> changed, List<Merge.Conflict> conflicts) {
    }


    private static final String COLUMNS = "id, team_id, module_key, template_key, template_id, title, status, field_values, "
            + "version, updated_at";

    @Transactional
    public Exercise start(UUID team, String moduleKey, Templates.Version template, String title, String author, String authorName) {
        UUID id = UUID.randomUUID();
        Map<String, JsonValue> values = FieldValues.empty(template.definition());
        OffsetDateTime now = Now.utc();
        update("INSERT INTO exercise (id, team_id, module_key, template_key, template_id, title, status, field_values, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, 1, ?, ?)", id, team, moduleKey,
                template.definition().key(), template.id(), title, FieldValues.write(values), now, now);
        revision(id, 1, values, Exercise.Status.DRAFT, List.of(), author, authorName);
        return find(team, id).orElseThrow();
    }

    public Optional<Exercise> find(UUID team, UUID id) {
        return select("SELECT " + COLUMNS + " FROM exercise WHERE id = ? AND team_id = ?", id, team).stream().findFirst();
    }

    /** The team's exercises, drafts it deleted left out. */
    public List<Exercise> of(UUID team) {
        return select("SELECT " + COLUMNS + " FROM exercise WHERE team_id = ? AND status <> 'DELETED' ORDER BY created_at", team);
    }

    /** The drafts the team deleted, newest first: kept for the instructor with their history. */
    public List<Exercise> deleted(UUID team) {
        return select("SELECT " + COLUMNS + " FROM exercise WHERE team_id = ? AND status = 'DELETED' ORDER BY updated_at DESC", team);
    }

    /** Deletes a draft (only a draft: handed-in work stays); false when it is no longer one. */
    @Transactional
    public boolean deleteDraft(UUID team, UUID exercise, String author, String authorName) {
        Exercise current = select("SELECT " + COLUMNS + " FROM exercise WHERE id = ? AND team_id = ? FOR UPDATE", exercise, team)
                .stream().findFirst().orElseThrow();
        if (current.status() != Exercise.Status.DRAFT) return false;
        setStatus(team, exercise, Exercise.Status.DELETED, author, authorName);
        return true;
    }

    /** Merges a member's values into the exercise; see the class comment. */
    @Transactional
    public Saved save(UUID team, UUID id, int basedOn, Map<String, JsonValue> mine, String author, String authorName) {
        Exercise current = select("SELECT " + COLUMNS + " FROM exercise WHERE id = ? AND team_id = ? FOR UPDATE", id, team)
                .stream().findFirst().orElseThrow();
        if (!current.status().editable()) throw new IllegalStateException("not editable");
        Map<String, JsonValue> base = basedOn == current.version() ? current.values()
                : revision(id, basedOn).map(Revision::values).orElse(current.values());
        Map<String, java.util.Set<String>> writers = writersSince(id, basedOn);
        Merge.Result merged = Merge.apply(base, current.values(), mine,
                field -> writers.containsKey(field) && writers.get(field).equals(java.util.Set.of(author)));
        if (merged.changed().isEmpty() && merged.conflicts().isEmpty()) return new Saved(current, List.of(), List.of());
        Exercise saved = current;
        if (!merged.changed().isEmpty()) {
            int next = current.version() + 1;
            update("UPDATE exercise SET field_values = ?, version = ?, updated_at = ? WHERE id = ?", FieldValues.write(merged.values()),
                    next, Now.utc(), id);
            revision(id, next, merged.values(), current.status(), merged.changed(), author, authorName);
            saved = new Exercise(id, team, current.moduleKey(), current.templateKey(), current.templateId(), current.title(),
                    current.status(), merged.values(), next, Now.instant());
        }
        for (Merge.Conflict conflict : merged.conflicts()) {
            update("INSERT INTO exercise_conflict (id, exercise_id, field_key, proposed, author, author_name, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id, conflict.field(), conflict.proposed().toString(), author,
                    authorName, Now.utc());
        }
        return new Saved(saved, merged.changed(), merged.conflicts());
    }

    /** Settles a conflict: keep what is stored, or put the proposed text in (a new version). */
    /** Who changed each field after {@code version}. */
    private Map<String, java.util.Set<String>> writersSince(UUID exercise, int version) {
        Map<String, java.util.Set<String>> writers = new java.util.HashMap<>();
        query("SELECT changed, author FROM exercise_revision WHERE exercise_id = ? AND version > ?", row -> {
            for (String field : row.getString(1).split(",")) {
                if (!field.isEmpty()) writers.computeIfAbsent(field, f -> new java.util.HashSet<>()).add(row.getString(2));
            }
        }, exercise, version);
        return writers;
    }

    @Transactional
    public void resolve(UUID team, UUID exercise, UUID conflict, boolean useProposed, String author, String authorName) {
        OpenConflict open = conflicts(exercise).stream().filter(c -> c.id().equals(conflict)).findFirst().orElseThrow();
        if (useProposed) {
            Exercise current = select("SELECT " + COLUMNS + " FROM exercise WHERE id = ? AND team_id = ? FOR UPDATE", exercise, team)
                    .stream().findFirst().orElseThrow();
            Map<String, JsonValue> values = new java.util.LinkedHashMap<>(current.values());
            values.put(open.field(), open.proposed());
            int next = current.version() + 1;
            update("UPDATE exercise SET field_values = ?, version = ?, updated_at = ? WHERE id = ?", FieldValues.write(values), next,
                    Now.utc(), exercise);
            revision(exercise, next, values, current.status(), List.of(open.field()), author, authorName);
        }
        update("UPDATE exercise_conflict SET resolved_at = ?, resolved_by = ? WHERE id = ?", Now.utc(),
                author, conflict);
    }

    @Transactional
    public Exercise restore(UUID team, UUID exercise, int version, String author, String authorName) {
        Exercise current = select("SELECT " + COLUMNS + " FROM exercise WHERE id = ? AND team_id = ? FOR UPDATE", exercise, team)
                .stream().findFirst().orElseThrow();
        Revision old = revision(exercise, version).orElseThrow();
        List<String> changed = new ArrayList<>();
        old.values().forEach((k, v) -> { if (!Merge.same(v, current.values().get(k))) changed.add(k); });
        int next = current.version() + 1;
        update("UPDATE exercise SET field_values = ?, version = ?, updated_at = ? WHERE id = ?", FieldValues.write(old.values()), next,
                Now.utc(), exercise);
        revision(exercise, next, old.values(), current.status(), changed, author, authorName);
        return find(team, exercise).orElseThrow();
    }

    @Transactional
    public void setStatus(UUID team, UUID exercise, Exercise.Status status, String author, String authorName) {
        Exercise current = select("SELECT " + COLUMNS + " FROM exercise WHERE id = ? AND team_id = ? FOR UPDATE", exercise, team)
                .stream().findFirst().orElseThrow();
        int next = current.version() + 1;
        update("UPDATE exercise SET status = ?, version = ?, updated_at = ? WHERE id = ?", status.name(), next,
                Now.utc(), exercise);
        revision(exercise, next, current.values(), status, List.of("status"), author, authorName);
    }

    public List<Revision> revisions(UUID exercise) {
        List<Revision> revisions = new ArrayList<>();
        query("SELECT version, field_values, status, changed, author, author_name, created_at FROM exercise_revision "
                + "WHERE exercise_id = ? ORDER BY version DESC", row -> revisions.add(revision(row)), exercise);
        return revisions;
    }

    public Optional<Revision> revision(UUID exercise, int version) {
        List<Revision> found = new ArrayList<>();
        query("SELECT version, field_values, status, changed, author, author_name, created_at FROM exercise_revision "
                + "WHERE exercise_id = ? AND version = ?", row -> found.add(revision(row)), exercise, version);
        return found.stream().findFirst();
    }

    public List<OpenConflict> conflicts(UUID exercise) {
        List<OpenConflict> conflicts = new ArrayList<>();
        query("SELECT id, field_key, proposed, author, author_name, created_at FROM exercise_conflict WHERE exercise_id = ? "
                + "AND resolved_at IS NULL ORDER BY created_at", row -> conflicts.add(new OpenConflict(Sql.uuid(row, 1),
                row.getString(2), jakarta.json.Json.createReader(new java.io.StringReader(row.getString(3))).readValue(),
                row.getString(4), row.getString(5), Sql.time(row, 6).toInstant())), exercise);
        return conflicts;
    }

    public void comment(UUID exercise, String field, UUID parent, String body, String author, String authorName) {
        update("INSERT INTO exercise_comment (id, exercise_id, field_key, parent_id, body, author, author_name, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), exercise, field, parent, body, author, authorName,
                Now.utc());
    }

    public void resolveComment(UUID exercise, UUID comment) {
        update("UPDATE exercise_comment SET resolved_at = ? WHERE id = ? AND exercise_id = ?", Now.utc(),
                comment, exercise);
    }

    public List<Comment> comments(UUID exercise) {
        List<Comment> comments = new ArrayList<>();
        query("SELECT id, field_key, parent_id, body, author, author_name, created_at, resolved_at FROM exercise_comment "
                + "WHERE exercise_id = ? ORDER BY created_at", row -> comments.add(new Comment(Sql.uuid(row, 1),
                row.getString(2), Sql.uuid(row, 3), row.getString(4), row.getString(5), row.getString(6),
                Sql.time(row, 7).toInstant(), Sql.time(row, 8) != null)), exercise);
        return comments;
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private void revision(UUID exercise, int version, Map<String, JsonValue> values, Exercise.Status status, List<String> changed,
                          String author, String authorName) {
        update("INSERT INTO exercise_revision (exercise_id, version, field_values, status, changed, author, author_name, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", exercise, version, FieldValues.write(values), status.name(),
                String.join(",", changed), author, authorName, Now.utc());
    }

    private static Revision revision(ResultSet row) throws SQLException {
        String changed = row.getString(4);
        return new Revision(row.getInt(1), FieldValues.read(row.getString(2)), Exercise.Status.valueOf(row.getString(3)),
                changed.isEmpty() ? List.of() : List.of(changed.split(",")), row.getString(5), row.getString(6),
                Sql.time(row, 7).toInstant());
    }

    private List<Exercise> select(String sql, Object... values) {
        List<Exercise> found = new ArrayList<>();
        query(sql, row -> found.add(new Exercise(Sql.uuid(row, 1), Sql.uuid(row, 2), row.getString(3),
                row.getString(4), Sql.uuid(row, 5), row.getString(6), Exercise.Status.valueOf(row.getString(7)),
                FieldValues.read(row.getString(8)), row.getInt(9), Sql.time(row, 10).toInstant())), values);
        return found;
    }


    private void query(String sql, Sql.Rows reader, Object... values) {
        db.query(sql, reader, values);
    }

    private void update(String sql, Object... values) {
        db.update(sql, values);
    }

}
