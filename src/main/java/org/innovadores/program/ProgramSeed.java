package org.innovadores.program;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At first start, writes the default program and the exercise template catalogue. Instances that
 * start together race harmlessly: the default program has a fixed id, so only one insert wins.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class ProgramSeed {

    private static final Logger LOG = Logger.getLogger(ProgramSeed.class.getName());
    static final Author SYSTEM = new Author("system", "Innovadores Públicos");

    @Inject
    Programs programs;

    @Inject
    ProgramCopies copies;

    @PostConstruct
    void seed() {
        if (programs.find(Program.DEFAULT_ID).isPresent()) return;
        try {
            ProgramDocument document = DefaultProgram.document();
            copies.create(Program.DEFAULT_ID, null, null, document, "default", "created", SYSTEM);
            LOG.info(() -> "Wrote the default program: " + document.modules().size() + " modules");
        } catch (RuntimeException raced) {
            if (programs.find(Program.DEFAULT_ID).isEmpty()) throw raced;
        }
    }
}
