package org.innovadores.grades;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.innovadores.lti.AssignmentGrades;
import org.innovadores.lti.ServiceTokens;
import org.innovadores.program.CourseLanguage;
import org.innovadores.program.TemplateContent;
import org.innovadores.program.TemplateTexts;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramItems;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;
import org.innovadores.runtime.Sql;

/**
 * Names the gradebook columns the tool creates, and keeps them in step with the course: a column the
 * tool created itself is named from the item's title in the course's language (never a raw key) with
 * the item's maximum (the module's points; 100 for an exercise), and follows when an instructor
 * renames the module or changes its points. A column the platform created (from deep linking) or that
 * the teacher named in the LMS is never renamed. Checked every 20 seconds; a column the LMS does not
 * let the tool change is tried again later.
 */
@Singleton
public class LineItemLabels {

    /** Whose turn it is across the cluster: one instance runs this per period. */
    @jakarta.inject.Inject
    org.innovadores.runtime.ClusterTasks tasks;

    private static final Logger LOG = Logger.getLogger(LineItemLabels.class.getName());

    /** What a column of the tool should say and be worth. */
    public record Wanted(String label, double scoreMaximum) {
    }

    @Inject
    CourseServices services;

    @Inject
    Programs programs;

    @Inject
    AssignmentGrades ags;

    @Inject
    TemplateTexts templateTexts;

    @Inject
    CourseLanguage languages;

    @Inject
    Sql db;

    // Each claim and outcome commits on its own, never held across a call to the LMS: another instance sees
    // them at once, and a killed instance leaves nothing rolled back that the LMS already has.
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
    void keepInStep() {
        if (!tasks.turn("line-item-labels", java.time.Duration.ofSeconds(20))) return;
        for (CourseServices.Services course : services.all()) {
            Program program = programs.find(course.program()).orElse(null);
            if (program == null) continue;
            Map<String, Wanted> wanted = wanted(program);
            for (CourseServices.LineItem item : services.lineItems(course.program())) {
                if (!item.createdByTool()) continue; // the platform's or the teacher's column: theirs to name
                Wanted want = wanted.get(item.itemKey());
                if (want == null || (want.label().equals(item.label()) && want.scoreMaximum() == item.scoreMaximum())) continue;
                try {
                    ags.updateLineItem(course.platform(), item.url(), want.label(), want.scoreMaximum(), item.itemKey(),
                            item.itemKey().startsWith("module/") ? "module" : "exercise");
                    db.update("UPDATE line_item SET label = ?, score_maximum = ? WHERE program_id = ? AND item_key = ?", want.label(),
                            want.scoreMaximum(), course.program(), item.itemKey());
                } catch (ServiceTokens.Unavailable | RuntimeException e) {
                    LOG.fine(() -> "Label of " + item.url() + " not updated: " + e.getMessage());
                }
            }
        }
    }

    /** What the column of one item should say and be worth, for creating it. */
    public Wanted wanted(java.util.UUID program, String itemKey) {
        Program found = programs.find(program).orElseThrow();
        Wanted want = wanted(found).get(itemKey);
        return want != null ? want : new Wanted(itemKey, 100);
    }

    /** Each gradable item's title in a language, for the people of the tool (never a raw key). */
    public Map<String, String> titles(java.util.UUID program, String lang) {
        Map<String, String> titles = new HashMap<>();
        programs.find(program).ifPresent(found -> wanted(found, lang).forEach((key, want) -> titles.put(key, want.label())));
        return titles;
    }

    /** Each gradable item's column, in the course's language. */
    private Map<String, Wanted> wanted(Program program) {
        return wanted(program, languages.of(program));
    }

    /** Each gradable item's column: the module's title and points, or the template's and the module's titles. */
    private Map<String, Wanted> wanted(Program program, String lang) {
        Map<String, Wanted> wanted = new HashMap<>();
        Map<String, TemplateContent> templates = templateTexts.of(program);
        for (Programs.Listed listed : programs.listing(program, true, "")) {
            ProgramModule module = listed.module();
            String title = module.content().title().text(lang);
            wanted.put(ProgramItems.module(module), new Wanted(title, module.content().points()));
            for (var use : module.content().exercises()) {
                TemplateContent template = templates.get(use.template());
                String name = template == null ? use.template() : template.title().text(lang);
                wanted.put(ProgramItems.exercise(module, use), new Wanted(name + " · " + title, 100));
            }
        }
        return wanted;
    }
}
