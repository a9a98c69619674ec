package org.innovadores.program;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.innovadores.web.Texts;

/**
 * What changed between two revisions of a module, readable: each text field becomes a block of
 * lines headed by the field's name, and the line diff of the two versions is shown with a little
 * context, as removed, added and unchanged lines.
 */
public final class RevisionDiff {

    public enum Kind { SAME, REMOVED, ADDED, GAP }

    public record Line(Kind kind, String text) {
    }

    private static final int CONTEXT = 2;

    private RevisionDiff() {
    }

    public static List<Line> between(ModuleContent before, ModuleContent after, Texts t) {
        List<String> old = before == null ? List.of() : lines(before, t);
        List<String> now = lines(after, t);
        Patch<String> patch = DiffUtils.diff(old, now);
        List<Line> out = new ArrayList<>();
        int shownUpTo = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            int from = Math.max(shownUpTo, start - CONTEXT);
            if (from > shownUpTo && !out.isEmpty()) out.add(new Line(Kind.GAP, "…"));
            for (int i = from; i < start; i++) out.add(new Line(Kind.SAME, old.get(i)));
            delta.getSource().getLines().forEach(l -> out.add(new Line(Kind.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> out.add(new Line(Kind.ADDED, l)));
            int end = start + delta.getSource().size();
            int until = Math.min(old.size(), end + CONTEXT);
            for (int i = end; i < until; i++) out.add(new Line(Kind.SAME, old.get(i)));
            shownUpTo = until;
        }
        return out;
    }

    /** The module as labelled lines, in a stable order, so a diff shows which field changed. */
    static List<String> lines(ModuleContent content, Texts t) {
        List<String> lines = new ArrayList<>();
        field(lines, t.format("diff.title", "es"), content.title().es());
        field(lines, t.format("diff.title", "en"), content.title().en());
        field(lines, t.format("diff.goals", "es"), content.goals().es());
        field(lines, t.format("diff.goals", "en"), content.goals().en());
        int n = 1;
        for (ModuleContent.Section section : content.sections()) {
            String label = t.format("diff.section", n++, section.key());
            field(lines, t.format("diff.sectionTitle", label, "es"), section.title().es());
            field(lines, t.format("diff.sectionTitle", label, "en"), section.title().en());
            field(lines, t.format("diff.sectionBody", label, "es"), section.body().es());
            field(lines, t.format("diff.sectionBody", label, "en"), section.body().en());
        }
        n = 1;
        for (ModuleContent.Workshop workshop : content.workshops()) {
            String label = t.format("diff.workshop", n++, workshop.key());
            field(lines, t.format("diff.sectionTitle", label, "es"), workshop.title().es());
            field(lines, t.format("diff.sectionTitle", label, "en"), workshop.title().en());
            field(lines, t.format("diff.workshopDate", label), workshop.date());
            field(lines, t.format("diff.workshopFacilitators", label), workshop.facilitators());
            field(lines, t.format("diff.workshopTimes", label), workshop.time() + (workshop.end().isBlank() ? "" : "–" + workshop.end()));
            field(lines, t.format("diff.workshopWhere", label), String.join(" · ", java.util.stream.Stream.of(workshop.place(), workshop.link())
                    .filter(w -> !w.isBlank()).toList()));
            field(lines, t.format("diff.workshopOutline", label, "es"), workshop.outline().es());
            field(lines, t.format("diff.workshopOutline", label, "en"), workshop.outline().en());
            field(lines, t.format("diff.workshopNotes", label, "es"), workshop.notes().es());
            field(lines, t.format("diff.workshopNotes", label, "en"), workshop.notes().en());
        }
        for (ModuleContent.ExerciseUse use : content.exercises()) {
            lines.add(t.format(use.required() ? "diff.exerciseRequired" : "diff.exercise", use.template()));
        }
        return lines;
    }

    private static void field(List<String> lines, String label, String value) {
        lines.add("== " + label);
        if (value != null && !value.isBlank()) lines.addAll(value.lines().toList());
    }
}
