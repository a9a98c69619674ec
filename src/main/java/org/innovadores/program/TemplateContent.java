package org.innovadores.program;

/**
 * An exercise template's name and what it is for, as the program's pages show them (see
 * {@link TemplateTexts}); its fields and versions belong to the exercises feature.
 */
public record TemplateContent(Localized title, Localized purpose) {
}
