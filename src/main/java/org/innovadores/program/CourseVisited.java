package org.innovadores.program;

import org.innovadores.participants.ToolSession;

/** Fired when someone opens their course's program: other features learn who is in the course. */
public record CourseVisited(Program program, ToolSession session) {
}
