package org.innovadores.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/** The directory's entries of one deployment. */
@ApplicationScoped
public class Directory {

    /** A person's entry as they wrote it, with what they chose to show. */
    public record Entry(String subject, String name, String institution, String challenge, String skills, String contact,
                        boolean showInstitution, boolean showChallenge, boolean showSkills, boolean showContact, String cohort,
                        Instant updatedAt) {

        /** The entry as others see it: the fields not shown are blank. */
        public Entry shown() {
            return new Entry(subject, name, showInstitution ? institution : "", showChallenge ? challenge : "", showSkills ? skills : "",
                    showContact ? contact : "", showInstitution, showChallenge, showSkills, showContact, cohort, updatedAt);
        }

        boolean matches(String query) {
            if (query.isBlank()) return true;
            String all = String.join(" ", name, institution, challenge, skills, cohort == null ? "" : cohort).toLowerCase(Locale.ROOT);
            return java.util.Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).allMatch(all::contains);
        }
    }

    @Inject
    Sql db;

    public Optional<Entry> own(UUID deployment, String subject) {
        return read("WHERE deployment_id = ? AND subject = ?", deployment, subject).stream().findFirst();
    }

    /** Everyone who joined, as others see them, matching every word of {@code query} in what they show; alphabetical. */
    public List<Entry> search(UUID deployment, String query) {
        return read("WHERE deployment_id = ?", deployment).stream().map(Entry::shown).filter(e -> e.matches(query == null ? "" : query.strip()))
                .sorted(java.util.Comparator.comparing(Entry::name, org.innovadores.web.Texts.ALPHABETICAL)).toList();
    }

    public void save(UUID deployment, Entry entry) {
        Object[] values = {entry.name(), entry.institution(), entry.challenge(), entry.skills(), entry.contact(), entry.showInstitution(),
                entry.showChallenge(), entry.showSkills(), entry.showContact(), entry.cohort(), Now.instant().atOffset(ZoneOffset.UTC)};
        int updated = db.update("UPDATE network_profile SET name = ?, institution = ?, challenge = ?, skills = ?, contact = ?, "
                + "show_institution = ?, show_challenge = ?, show_skills = ?, show_contact = ?, cohort = ?, updated_at = ? "
                + "WHERE deployment_id = ? AND subject = ?", append(values, deployment, entry.subject()));
        if (updated == 0) {
            db.update("INSERT INTO network_profile (name, institution, challenge, skills, contact, show_institution, show_challenge, "
                    + "show_skills, show_contact, cohort, updated_at, deployment_id, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    append(values, deployment, entry.subject()));
        }
    }

    /** Leaving the network removes the entry entirely. */
    public void leave(UUID deployment, String subject) {
        db.update("DELETE FROM network_profile WHERE deployment_id = ? AND subject = ?", deployment, subject);
    }

    private List<Entry> read(String where, Object... values) {
        List<Entry> found = new ArrayList<>();
        db.query("SELECT subject, name, institution, challenge, skills, contact, show_institution, show_challenge, show_skills, "
                + "show_contact, cohort, updated_at FROM network_profile " + where, row -> found.add(new Entry(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getBoolean(7),
                row.getBoolean(8), row.getBoolean(9), row.getBoolean(10), row.getString(11), Sql.time(row, 12).toInstant())), values);
        return found;
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }
}
