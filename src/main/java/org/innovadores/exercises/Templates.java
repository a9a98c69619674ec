package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.program.Documents;
import org.innovadores.runtime.Now;
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

    /** The largest definition kept, in characters of JSON; the shipped ones are under 2 000. */
    public static final int MAX_DEFINITION_CHARS = 64 * 1024;
    /** Versions one course may write of one template. */
    public static final int MAX_VERSIONS = 200;
    /** Parsed definitions remembered, weighed by their JSON's length: a bounded share of the heap. */
    static final long CACHE_WEIGHT = 8L * 1024 * 1024;

    private final Remembered byId = new Remembered(CACHE_WEIGHT);

    /** Least recently used versions go first once their total weight passes the bound. */
    static final class Remembered {
        private final long maxWeight;
        private final java.util.LinkedHashMap<UUID, Version> entries = new java.util.LinkedHashMap<>(64, 0.75f, true);
        private final Map<UUID, Integer> weights = new java.util.HashMap<>();
        private long weight;

        Remembered(long maxWeight) {
            this.maxWeight = maxWeight;
        }

        synchronized Version get(UUID id) {
            return entries.get(id);
        }

        synchronized void put(UUID id, Version version, int versionWeight) {
            if (entries.put(id, version) == null) {
                weights.put(id, versionWeight);
                weight += versionWeight;
            }
            var eldest = entries.entrySet().iterator();
            while (weight > maxWeight && eldest.hasNext()) {
                UUID old = eldest.next().getKey();
                eldest.remove();
                weight -= weights.remove(old);
            }
        }

        synchronized long weight() {
            return weight;
        }
    }

    public Optional<Version> byId(UUID id) {
        Version known = byId.get(id);
        if (known != null) return Optional.of(known);
        List<Version> found = query(VERSIONS + " WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** The version new work of a course starts on: the course's latest, else the shipped latest. */
    public Optional<Version> latest(UUID program, String key) {
        List<Version> versions = query(VERSIONS + " WHERE template_key = ? "
                + "AND (program_id = ? OR program_id IS NULL) ORDER BY CASE WHEN program_id IS NULL THEN 1 ELSE 0 END, version DESC",
                key, program);
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
        String json = Documents.write(definition);
        db.update("INSERT INTO template_version (id, program_id, template_key, version, definition, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", version.id(), program, definition.key(), next, json, author,
                Now.utc());
        byId.put(version.id(), version, json.length());
        return version;
    }

    /** How many versions the course wrote of this template itself. */
    public int courseVersions(UUID program, String key) {
        int[] count = new int[1];
        db.query("SELECT COUNT(*) FROM template_version WHERE template_key = ? AND program_id = ?", row -> count[0] = row.getInt(1), key, program);
        return count[0];
    }

    /** The newest version the tool itself shipped of a template. */
    public Optional<Version> latestShipped(String key) {
        return query(VERSIONS + " WHERE template_key = ? AND program_id IS NULL ORDER BY version DESC", key).stream().findFirst();
    }

    public boolean anyShipped() {
        return !query(VERSIONS + " WHERE program_id IS NULL").isEmpty();
    }

    private List<Version> query(String sql, Object... values) {
        record Row(UUID id, UUID program, int number) {
        }
        List<Row> rows = new java.util.ArrayList<>();
        db.query(sql, row -> rows.add(new Row(Sql.uuid(row, 1), Sql.uuid(row, 2), row.getInt(3))), values);
        return rows.stream().map(r -> known(r.id(), r.program(), r.number())).toList();
    }

    private Version known(UUID id, UUID program, int number) {
        Version known = byId.get(id);
        if (known != null) return known;
        String[] definition = new String[1];
        db.query("SELECT definition FROM template_version WHERE id = ?", row -> definition[0] = row.getString(1), id);
        Version read = new Version(id, program, number, Documents.read(definition[0], TemplateDefinition.class));
        byId.put(id, read, definition[0].length());
        return read;
    }
}
