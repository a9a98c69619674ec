package org.innovadores.exercises;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.innovadores.program.Documents;

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

    @Resource(lookup = "java:app/jdbc/innovadores")
    DataSource dataSource;

    private final Map<UUID, Version> byId = new ConcurrentHashMap<>();

    public Optional<Version> byId(UUID id) {
        Version known = byId.get(id);
        if (known != null) return Optional.of(known);
        List<Version> found = query("SELECT id, program_id, version, definition FROM template_version WHERE id = ?", id);
        found.forEach(v -> byId.put(v.id(), v));
        return found.stream().findFirst();
    }

    /** The version new work of a course starts on: the course's latest, else the shipped latest. */
    public Optional<Version> latest(UUID program, String key) {
        List<Version> versions = query("SELECT id, program_id, version, definition FROM template_version WHERE template_key = ? "
                + "AND (program_id = ? OR program_id IS NULL) ORDER BY CASE WHEN program_id IS NULL THEN 1 ELSE 0 END, version DESC",
                key, program);
        versions.forEach(v -> byId.putIfAbsent(v.id(), v));
        return versions.stream().findFirst();
    }

    /** The latest version of every template a course can use, by key. */
    public Map<String, Version> all(UUID program) {
        Map<String, Version> latest = new LinkedHashMap<>();
        for (Version v : query("SELECT id, program_id, version, definition FROM template_version WHERE program_id = ? "
                + "OR program_id IS NULL ORDER BY CASE WHEN program_id IS NULL THEN 1 ELSE 0 END, version DESC, template_key", program)) {
            latest.putIfAbsent(v.definition().key(), v);
        }
        return latest;
    }

    /** All versions of a template in a course, newest first. */
    public List<Version> history(UUID program, String key) {
        return query("SELECT id, program_id, version, definition FROM template_version WHERE template_key = ? "
                + "AND (program_id = ? OR program_id IS NULL) ORDER BY version DESC, CASE WHEN program_id IS NULL THEN 1 ELSE 0 END",
                key, program);
    }

    /** Writes a new version: for a course ({@code program}), or a shipped one (null). */
    public Version add(UUID program, TemplateDefinition definition, String author) {
        int next = query("SELECT id, program_id, version, definition FROM template_version WHERE template_key = ? "
                + "AND (program_id = ? OR program_id IS NULL) ORDER BY version DESC", definition.key(), program)
                .stream().mapToInt(Version::number).max().orElse(0) + 1;
        Version version = new Version(UUID.randomUUID(), program, next, definition);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO template_version (id, program_id, template_key, "
                     + "version, definition, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, version.id());
            if (program == null) insert.setNull(2, java.sql.Types.OTHER); else insert.setObject(2, program);
            insert.setString(3, definition.key());
            insert.setInt(4, next);
            insert.setString(5, Documents.write(definition));
            insert.setString(6, author);
            insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write template " + definition.key(), e);
        }
        byId.put(version.id(), version);
        return version;
    }

    public boolean anyShipped() {
        return !query("SELECT id, program_id, version, definition FROM template_version WHERE program_id IS NULL").isEmpty();
    }

    private List<Version> query(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) select.setNull(i + 1, java.sql.Types.OTHER); else select.setObject(i + 1, values[i]);
            }
            List<Version> versions = new java.util.ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    UUID program = row.getObject(2, UUID.class);
                    int number = row.getInt(3);
                    String definition = row.getString(4);
                    versions.add(byId.computeIfAbsent(id, known -> new Version(known, program, number,
                            Documents.read(definition, TemplateDefinition.class))));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read templates", e);
        }
    }
}
