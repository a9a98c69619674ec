package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.innovadores.program.Program;
import org.innovadores.program.TemplateContent;
import org.innovadores.program.TemplateTexts;

/** Template names and purposes for the program's pages, from the course's latest template versions. */
@ApplicationScoped
public class CourseTemplateTexts implements TemplateTexts {

    @Inject
    Templates templates;

    @Override
    public Map<String, TemplateContent> of(Program program) {
        Map<String, TemplateContent> texts = new LinkedHashMap<>();
        templates.all(program.id()).forEach((key, version) ->
                texts.put(key, new TemplateContent(version.definition().title(), version.definition().purpose())));
        return texts;
    }
}
