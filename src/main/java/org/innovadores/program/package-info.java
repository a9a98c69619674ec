/**
 * The program a course follows: its modules (content sections, workshops, the exercises they ask
 * for), the default program every course starts from, each course's own copy, instructors'
 * authoring with revisions, participants' progress, and the deep-linking picker that places its
 * items in the LMS. Recordings and exercises, which build on the program, tell its pages what they
 * hold through {@link org.innovadores.program.ModuleMedia} and {@link org.innovadores.program.TemplateTexts}.
 */
package org.innovadores.program;
