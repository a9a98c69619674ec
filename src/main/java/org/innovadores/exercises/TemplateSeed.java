package org.innovadores.exercises;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.innovadores.program.Documents;

/**
 * At first start, writes version 1 of every template the tool ships (their fields are in
 * program/default/program.json beside the program), after checking each definition.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class TemplateSeed {

    private static final Logger LOG = Logger.getLogger(TemplateSeed.class.getName());

    /** The part of program.json that defines the templates. */
    public record Catalogue(List<TemplateDefinition> templates) {
    }

    @Inject
    Templates templates;

    public static Catalogue shipped() {
        try (InputStream in = TemplateSeed.class.getResourceAsStream("/program/default/program.json")) {
            return Documents.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Catalogue.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the shipped templates", e);
        }
    }

    @PostConstruct
    void seed() {
        if (templates.anyShipped()) return;
        Catalogue catalogue = shipped();
        Set<String> keys = catalogue.templates().stream().map(TemplateDefinition::key).collect(Collectors.toSet());
        for (TemplateDefinition definition : catalogue.templates()) {
            List<String> problems = definition.problems(keys);
            if (!problems.isEmpty()) throw new IllegalStateException("Template " + definition.key() + ": " + problems);
        }
        try {
            catalogue.templates().forEach(t -> templates.add(null, t, "system"));
            LOG.info(() -> "Wrote " + catalogue.templates().size() + " exercise templates");
        } catch (RuntimeException raced) {
            if (!templates.anyShipped()) throw raced;
        }
    }
}
