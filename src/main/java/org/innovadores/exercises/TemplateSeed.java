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
 * program/default/program.json beside the program), after checking each definition; after an
 * upgrade that changed a shipped definition, writes it as the shipped template's next version, so new
 * work starts on it and work already started keeps the version it began on.
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
        Catalogue catalogue = shipped();
        Set<String> keys = catalogue.templates().stream().map(TemplateDefinition::key).collect(Collectors.toSet());
        for (TemplateDefinition definition : catalogue.templates()) {
            List<TemplateDefinition.Problem> problems = definition.problems(keys);
            if (!problems.isEmpty()) throw new IllegalStateException("Template " + definition.key() + ": " + problems);
        }
        int written = 0;
        for (TemplateDefinition definition : catalogue.templates()) {
            var current = templates.latestShipped(definition.key());
            if (current.isPresent() && Documents.write(current.get().definition()).equals(Documents.write(definition))) continue;
            try {
                templates.add(null, definition, "system");
                written++;
            } catch (RuntimeException raced) {
                // another instance starting at the same time wrote this version (the version number is unique)
                if (templates.latestShipped(definition.key()).isEmpty()) throw raced;
            }
        }
        int count = written;
        if (count > 0) LOG.info(() -> "Wrote " + count + " shipped exercise templates as new versions");
    }
}
