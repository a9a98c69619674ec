package org.innovadores.grades;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.innovadores.lti.AssignmentGrades;
import org.innovadores.lti.ServiceTokens;
import org.innovadores.program.TemplateContent;
import org.innovadores.program.TemplateTexts;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramItems;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.runtime.Sql;

/**
 * Keeps the gradebook columns in step with the course: when an instructor renames a module (or an
 * exercise's module), its line item's label follows, with the maximum of 100. Checked every 20
 * seconds; a column the LMS does not let the tool change is tried again later.
 */
@Singleton
public class LineItemLabels {

    private static final Logger LOG = Logger.getLogger(LineItemLabels.class.getName());

    @Inject
    CourseServices services;

    @Inject
    Programs programs;

    @Inject
    AssignmentGrades ags;

    @Inject
    TemplateTexts templateTexts;

    @Inject
    Sql db;

    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
    void keepInStep() {
        for (CourseServices.Services course : services.all()) {
            Program program = programs.find(course.program()).orElse(null);
            if (program == null) continue;
            Map<String, String> labels = labels(program);
            for (CourseServices.LineItem item : services.lineItems(course.program())) {
                String wanted = labels.get(item.itemKey());
                if (wanted == null || wanted.equals(item.label())) continue;
                try {
                    ags.updateLineItem(course.platform(), item.url(), wanted, item.scoreMaximum(), item.itemKey(),
                            item.itemKey().startsWith("module/") ? "module" : "exercise");
                    db.update("UPDATE line_item SET label = ? WHERE program_id = ? AND item_key = ?", wanted, course.program(),
                            item.itemKey());
                } catch (ServiceTokens.Unavailable | RuntimeException e) {
                    LOG.fine(() -> "Label of " + item.url() + " not updated: " + e.getMessage());
                }
            }
        }
    }

    /** The label each gradable item should have: the module's title, or the template's and the module's. */
    private Map<String, String> labels(Program program) {
        Map<String, String> labels = new HashMap<>();
        Map<String, TemplateContent> templates = templateTexts.of(program);
        for (Programs.Listed listed : programs.listing(program, true, "")) {
            ProgramModule module = listed.module();
            String title = module.content().title().text("es");
            labels.put(ProgramItems.module(module), title);
            for (var use : module.content().exercises()) {
                TemplateContent template = templates.get(use.template());
                String name = template == null ? use.template() : template.title().text("es");
                labels.put(ProgramItems.exercise(module, use), name + " · " + title);
            }
        }
        return labels;
    }
}
