/**
 * The teams of a course: who is in which (at most one team each), formed by the instructor or by
 * self-enrolment the instructor opens; the mentors assigned to them; the team's workspace and its
 * weekly mentoring log.
 */
package org.innovadores.teams;
