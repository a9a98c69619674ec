/**
 * Funded pilots chosen fairly: an instructor opens a call (how many pilots, the budget of each, the
 * deadline, a weighted rubric, who evaluates); teams propose from their pilot plan, theory of change
 * and pitch before the deadline; evaluators score every criterion with a justification without seeing
 * the others' scores until theirs is in, and no one scores a team they mentor; the ranking shows
 * weighted means and the spread; the decision is recorded with its rationale and each team's feedback.
 */
package org.innovadores.pilots;
