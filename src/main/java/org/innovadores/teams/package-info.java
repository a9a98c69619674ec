/**
 * The teams of a course: who is in which (at most one team each), formed by the instructor or by
 * self-enrolment the instructor opens; the mentors assigned to them; the team's workspace and its
 * weekly mentoring log. The exercises feature builds on teams and fills the workspace's list of
 * work through {@link org.innovadores.teams.TeamWork}.
 */
package org.innovadores.teams;
