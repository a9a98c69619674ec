package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
        em.persist(program);
        em.flush();
        int position = 1;
        for (ProgramDocument.Module module : document.modules()) {
            ProgramModule created = new ProgramModule(program.id(), module.key(), position++, module.status(),
                    module.content(), author.subject());
            em.persist(created);
            em.persist(new ModuleRevision(created, author.subject(), author.name(), note));
        }
        em.flush();
        return program;
    }
}
