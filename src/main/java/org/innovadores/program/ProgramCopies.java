package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a program document as a new program: the default one at first start, a course's own copy
 * at its first instructor launch, later an imported one. Each module starts at revision 1 with a
 * note saying where it came from ("created", "copied").
 */
@ApplicationScoped
public class ProgramCopies {

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Transactional
    public Program create(UUID id, UUID deployment, String contextId, ProgramDocument document, String source, String note,
                          Author author) {
        Program program = new Program(id, deployment, contextId, document.title(), source, author.subject());
        if (deployment != null) {
            em.persist(program);
        } else {
            // The default program belongs to no course. A null UUID parameter would reach PostgreSQL
            // typed as text and be refused, so the absent deployment and context are written as NULL.
            em.createNativeQuery("INSERT INTO program (id, deployment_id, context_id, title_es, title_en, source, "
                            + "created_at, created_by) VALUES (?, NULL, NULL, ?, ?, ?, ?, ?)")
                    .setParameter(1, id).setParameter(2, document.title().es()).setParameter(3, document.title().en())
                    .setParameter(4, source).setParameter(5, org.innovadores.runtime.Now.utc())
                    .setParameter(6, author.subject()).executeUpdate();
        }
        em.flush();
        int position = 1;
        List<ProgramModule> modules = new ArrayList<>();
        for (ProgramDocument.Module module : document.modules()) {
            ProgramModule created = new ProgramModule(program.id(), module.key(), position++, module.status(),
                    module.content(), author.subject());
            em.persist(created);
            modules.add(created);
        }
        // The entities declare no relations, so the modules are written before the revisions naming them.
        em.flush();
        for (ProgramModule module : modules) {
            em.persist(new ModuleRevision(module, author.subject(), author.name(), note));
        }
        em.flush();
        return program;
    }
}
