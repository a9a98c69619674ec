package org.innovadores.program;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Programa de Innovadores Públicos as the tool ships it, read from src/main/resources/program/default:
 * program.json (module order, goals, workshops, the exercises each module uses, the template
 * catalogue) and one Markdown file per module and language, whose "# " line is the module's title and
 * whose "## " headings start its sections.
 */
public final class DefaultProgram {

    private static final String FOLDER = "/program/default/";

    /** program.json as written (its exercise templates are the exercises feature's to read). */
    public record Definition(Localized title, List<ModuleSeed> modules) {
    }

    public record ModuleSeed(String key, String file, Localized goals, List<ModuleContent.Workshop> workshops,
                             List<ModuleContent.ExerciseUse> exercises) {
    }

    private DefaultProgram() {
    }

    public static Definition definition() {
        return Documents.read(resource("program.json"), Definition.class);
    }

    /** The default program's modules, all published, with their content in both languages. */
    public static ProgramDocument document() {
        Definition definition = definition();
        List<ProgramDocument.Module> modules = new ArrayList<>();
        for (ModuleSeed seed : definition.modules()) {
            Parsed es = parse(resource(seed.file() + ".es.md"));
            Parsed en = parse(resource(seed.file() + ".en.md"));
            if (es.sections().size() != en.sections().size()) {
                throw new IllegalStateException(seed.file() + ": the Spanish and English texts have different sections");
            }
            List<ModuleContent.Section> sections = new ArrayList<>();
            for (int i = 0; i < es.sections().size(); i++) {
                sections.add(new ModuleContent.Section("s" + (i + 1),
                        Localized.of(es.sections().get(i).title(), en.sections().get(i).title()),
                        Localized.of(es.sections().get(i).body(), en.sections().get(i).body())));
            }
            ModuleContent content = new ModuleContent(Localized.of(es.title(), en.title()), seed.goals(), sections,
                    seed.workshops(), seed.exercises());
            modules.add(new ProgramDocument.Module(seed.key(), ProgramModule.Status.PUBLISHED, content));
        }
        return new ProgramDocument(definition.title(), modules);
    }

    record Parsed(String title, List<Part> sections) {
    }

    record Part(String title, String body) {
    }

    /** Splits a module file at its headings: "# " the title, each "## " a section. */
    static Parsed parse(String markdown) {
        String title = null;
        List<Part> sections = new ArrayList<>();
        String sectionTitle = null;
        StringBuilder body = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("# ") && title == null) {
                title = line.substring(2).strip();
            } else if (line.startsWith("## ")) {
                if (sectionTitle != null) sections.add(new Part(sectionTitle, body.toString().strip()));
                sectionTitle = line.substring(3).strip();
                body.setLength(0);
            } else if (sectionTitle != null) {
                body.append(line).append('\n');
            }
        }
        if (sectionTitle != null) sections.add(new Part(sectionTitle, body.toString().strip()));
        if (title == null || sections.isEmpty()) throw new IllegalStateException("A module file needs a title and sections");
        return new Parsed(title, sections);
    }

    private static String resource(String name) {
        try (InputStream in = DefaultProgram.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("Missing default program file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read default program file " + name, e);
        }
    }
}
