package org.innovadores.program;

import java.util.Map;

/**
 * What the exercises feature tells the program's pages about exercise templates: their names and
 * purposes as a course sees them, its own changes included. The templates themselves (their fields
 * and versions) belong to that feature; the program only places them in modules by key.
 */
public interface TemplateTexts {

    /** Every template a course's program can use, by key, in the version new work would start on. */
    Map<String, TemplateContent> of(Program program);
}
