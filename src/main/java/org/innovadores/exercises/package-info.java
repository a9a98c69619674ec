/**
 * The R&D method exercises teams complete together: templates as versioned data with typed fields,
 * each team's exercises saved field by field so no edit is ever silently lost, their revisions, the
 * review status, mentors' comments, and the chain from assumption to test to learning.
 */
package org.innovadores.exercises;
