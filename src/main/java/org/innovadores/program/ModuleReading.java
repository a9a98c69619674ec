package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Marks a module's content read and reports the module's new standing, in one transaction. */
@ApplicationScoped
public class ModuleReading {

    @Inject
    Progress progress;

    @Inject
    ModuleStandings standings;

    @Transactional
    public void read(Program program, ProgramModule module, String subject) {
        progress.contentRead(module, subject);
        standings.reevaluate(program, module.key(), List.of(subject));
    }
}
