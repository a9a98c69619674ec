package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.innovadores.program.Documents;
import org.innovadores.runtime.Sql;

/**
 * The exercise templates and their versions: those the tool ships (no program) and a course's own
 * changes, which take precedence in that course only. A version never changes once written, so each
 * is parsed once and remembered.
 */
@ApplicationScoped
public class Templates {

    /** A template version: its id (what exercises point to), number and definition. */
    public record Version(UUID id, UUID programId, int number, TemplateDefinition definition) {
    }

    @Inject
    Sql db;

    /** Versions never change, so each definition is read and parsed once; lists read only ids and numbers. */
    private static final String VERSIONS = "SELECT id, program_id, version FROM template_version";

    private final Map<UUID, Version> byId = new ConcurrentHashMap<>();

    public Optional<Version> byId(UUID id) {
        Version known = byId.get(id);
        if (known != null) return Optional.of(known);
        List<Version> found = query(VERSIONS + " WHERE id = ?", id);
        found.forEach(v -> byId.put(v.id(), v));
        return found.stream().findFirst();
    }

    /** The version new work of a course starts on: the course's latest, else the shipped latest. */
    public Optional<Version> latest(UUID program, String key) {
        List<Version> versions = query(VERSIONS + " WHERE template_key = ? "
                + "AND (program_id = ? OR program_id IS NULL) ORDER BY CASE WHEN program_id IS NULL THEN 1 ELSE 0 END, version DESC",
                key, program);
        versions.forEach(v -> byId.putIfAbsent(v.id(), v));
        return versions.stream().findFirst();
    }

    /** The latest version of every template a course can use, by key. */
    public Map<String, Version> all(UUID program) {
        Map<String, Version> latest = new LinkedHashMap<>();
        for (Version v : query(VERSIONS + " WHERE program_id = ? "
                + "OR program_id IS NULL ORDER BY CASE WHEN program_id IS NULL THEN 1 ELSE 0 END, version DESC, template_key", program)) {
            latest.putIfAbsent(v.definition().key(), v);
        }
        return latest;
    }

    /** All versions of a template in a course, newest first. */
    public List<Version> history(UUID program, String key) {
        return query(VERSIONS + " WHERE template_key = ? "
                + "AND (program_id = ? OR program_id IS NULL) ORDER BY version DESC, CASE WHEN program_id IS NULL THEN 1 ELSE 0 END",
                key, program);
    }

    /** Writes a new version: for a course ({@code program}), or a shipped one (null). */
    public Version add(UUID program, TemplateDefinition definition, String author) {
        int next = query(VERSIONS + " WHERE template_key = ? "
                + "AND (program_id = ? OR program_id IS NULL) ORDER BY version DESC", definition.key(), program)
                .stream().mapToInt(Version::number).max().orElse(0) + 1;
        Version version = new Version(UUID.randomUUID(), program, next, definition);
        db.update("INSERT INTO template_version (id, program_id, template_key, version, definition, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", version.id(), program, definition.key(), next, Documents.write(definition), author,
                OffsetDateTime.now(ZoneOffset.UTC));
        byId.put(version.id(), version);
        return version;
    }

    public boolean anyShipped() {
        return !query(VERSIONS + " WHERE program_id IS NULL").isEmpty();
    }

    private List<Version> query(String sql, Object... values) {
        record Row(UUID id, UUID program, int number) {
        }
        List<Row> rows = new java.util.ArrayList<>();
        db.query(sql, row -> rows.add(new Row(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getInt(3))), values);
        return rows.stream().map(r -> known(r.id(), r.program(), r.number())).toList();
    }

    private Version known(UUID id, UUID program, int number) {
        return byId.computeIfAbsent(id, unknown -> {
            String[] definition = new String[1];
            db.query("SELECT definition FROM template_version WHERE id = ?", row -> definition[0] = row.getString(1), unknown);
            return new Version(unknown, program, number, Documents.read(definition[0], TemplateDefinition.class));
        });
    }
}
