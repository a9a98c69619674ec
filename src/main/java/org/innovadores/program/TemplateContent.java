package org.innovadores.program;

/**
 * What the program says about an exercise template: its name and what it is for. The fields a team
 * fills belong to the exercises feature, which extends this definition.
 */
public record TemplateContent(Localized title, Localized purpose) {
}
