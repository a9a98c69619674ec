package org.innovadores.program;

import org.innovadores.participants.ToolSession;

/** Fired when a launch opens one of the course's items through an LMS link (deep-linked). */
public record ProgramItemLaunched(Program program, ToolSession session, String item, String title) {
}
