/**
 * The team portfolio: the team's whole work as one hand-over document, a printable page and a
 * tagged PDF, so what a cohort built outlives the people who built it.
 */
package org.innovadores.portfolio;
